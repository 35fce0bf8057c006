import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C for async commands: the first SIGINT cancels the work (which closes the HTTP connection) and the
/// command exits 130 once the work has unwound; a second SIGINT exits 130 at once, for when unwinding hangs.
enum Interrupt {
    static func cancellingOnSIGINT<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await body() }
        let interrupted = InterruptFlag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if interrupted.set() { _exit(ExitStatus.interrupted.rawValue) }
            task.cancel()
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        do {
            let value = try await task.value
            if interrupted.isSet { throw Interrupted(cause: nil) }
            return value
        } catch {
            if interrupted.isSet { throw Interrupted(cause: error) }
            throw error
        }
    }
}

/// Set once by the signal handler; read by the waiting command.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Sets the flag; true when it was already set (a second Ctrl-C).
    func set() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let was = value
        value = true
        return was
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
