/// Some images of a batch failed: exit 4, with the line that says how to retry them.
struct BatchIncomplete: Error, CustomStringConvertible {
    var failed: Int
    var total: Int
    var description: String {
        "\(failed) of \(total) image\(total == 1 ? "" : "s") failed; run the same command again to ask about them again"
    }
}
