import Foundation

/// Blocking work (hashing a large photo, reading a file) on a Dispatch queue instead of Swift's cooperative
/// pool: that pool has one thread per core, and the TUI's preview decodes run there.
enum OffPool {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(with: Result { try work() }) }
        }
    }
}
