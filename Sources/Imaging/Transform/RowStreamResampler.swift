/// Resamples an opaque image whose rows arrive in order, a few at a time: each row is filtered along x as
/// soon as it comes, and each output row along y as soon as the last row under its filter has come. Fed by
/// a decoder on another thread, the resampling is done by the time the last row is decoded.
///
/// Same weights and arithmetic as `Bitmap.resized(to:filter:)`: where that does no block pre-reduction
/// (`Bitmap.preReductionBlocks`), the two give identical pixels.
final class RowStreamResampler {
    let sourceSize: PixelSize
    let size: PixelSize
    private let horizontal: ResampleWeights
    private let vertical: ResampleWeights
    /// Every source row filtered along x: `size.width` pixels wide, `sourceSize.height` rows.
    private let narrowed: UnsafeMutablePointer<UInt8>
    private let accumulator: UnsafeMutablePointer<Int32>
    private var narrowedRows = 0
    private var outputRows = 0

    init(from sourceSize: PixelSize, to size: PixelSize, filter: ResampleFilter) {
        precondition(sourceSize.width > 0 && sourceSize.height > 0 && size.width > 0 && size.height > 0)
        self.sourceSize = sourceSize
        self.size = size
        horizontal = ResampleWeights(source: sourceSize.width, destination: size.width, filter: filter)
        vertical = ResampleWeights(source: sourceSize.height, destination: size.height, filter: filter)
        narrowed = .allocate(capacity: size.width * 4 * sourceSize.height)
        accumulator = .allocate(capacity: size.width * 4)
    }

    deinit {
        narrowed.deallocate()
        accumulator.deallocate()
    }

    /// Takes the next `count` source rows (`row(i)` is the i-th of them, `sourceSize.width` RGBA pixels) and
    /// writes every output row they complete into `output` (`size` RGBA pixels).
    func take(_ count: Int, rows row: (Int) -> UnsafePointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) {
        let rowLength = size.width * 4
        horizontal.withKernels { kernels in
            for i in 0..<count {
                kernels.horizontal(row(i), into: narrowed + (narrowedRows + i) * rowLength, opaque: true)
            }
        }
        narrowedRows = min(sourceSize.height, narrowedRows + count)
        vertical.withKernels { kernels in
            while outputRows < size.height, kernels.starts[outputRows] + kernels.counts[outputRows] <= narrowedRows {
                kernels.vertical(outputRows, source: narrowed, rowLength: rowLength, accumulator: accumulator,
                                 into: output + outputRows * rowLength)
                outputRows += 1
            }
        }
    }

    /// Whether every output row has been written.
    var isComplete: Bool { outputRows == size.height }
}
