extension Bitmap {
    /// A bitmap whose bytes are written once by `fill`, skipping the zero-fill a 96 MB decode would pay for.
    ///
    /// `fill` must initialise all `width * height * 4` bytes.
    init(width: Int, height: Int, unsafeUninitialized fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Void) rethrows {
        let count = width * height * 4
        let pixels = try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            try fill(buffer)
            initialised = count
        }
        self.init(width: width, height: height, pixels: pixels)
    }
}
