#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)` until every byte is out: the kernel may take a pipe or a terminal 64 KB at a time, and a signal
/// may interrupt a write (EINTR). One loop for stdout, stderr, the log file, exports and the TUI's pictures.
public enum FileDescriptorWriting {
    /// Writes all of `bytes` to `descriptor`. Returns nil, or the `errno` of the write that failed.
    /// `retryingWouldBlock` also retries EAGAIN, for a descriptor curses may have left non-blocking.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, retryingWouldBlock: Bool = false) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || (retryingWouldBlock && errno == EAGAIN) { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}

/// `write(2)`, named apart from the callers' own `write` methods.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
