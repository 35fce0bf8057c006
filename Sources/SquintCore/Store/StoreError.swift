/// Why the store could not do what was asked.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case cannotCreateDirectory(String)
        case unreadableImage(String)
        case unknownDetection(Int64)
        case corruptRow(String)
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static func cannotCreateDirectory(_ path: String) -> StoreError { StoreError(.cannotCreateDirectory(path)) }
    static func unreadableImage(_ path: String) -> StoreError { StoreError(.unreadableImage(path)) }
    static func unknownDetection(_ id: Int64) -> StoreError { StoreError(.unknownDetection(id)) }
    static func corruptRow(_ what: String) -> StoreError { StoreError(.corruptRow(what)) }

    public var description: String {
        switch code {
        case .cannotCreateDirectory(let path): "cannot create the store's folder \(path)"
        case .unreadableImage(let path): "cannot read \(path) to record it in the store"
        case .unknownDetection(let id): "no detection \(id) in the store"
        case .corruptRow(let what): "the store holds an unreadable \(what)"
        }
    }
}
