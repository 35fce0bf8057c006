/// A size counted in terminal character cells.
public struct CellSize: Sendable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    public var description: String { "\(columns)x\(rows)" }

    /// What a terminal that cannot be asked is assumed to be.
    public static let fallbackTerminal = CellSize(columns: 80, rows: 24)
}
