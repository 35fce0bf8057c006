import Foundation

/// Polls a terminal screen until `predicate` holds (no fixed sleeps), failing with the last screen after
/// `timeout`. Waits with `Task.sleep`, never `Thread.sleep`: a test blocking the cooperative pool (two threads
/// here) starves the in-process fake server and every other test running beside it.
enum ScreenPolling {
    static func waitUntil(_ what: String, timeout: Double, screen: () throws -> String,
                          _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if predicate(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TUISession.Failure.timeout(what, screen: last)
    }
}
