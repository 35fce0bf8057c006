/// A file an export produces: a name relative to the output folder, and its bytes.
public struct ExportFile: Sendable, Equatable {
    public var name: String
    public var contents: [UInt8]

    public init(name: String, contents: [UInt8]) {
        self.name = name
        self.contents = contents
    }

    public var text: String { String(decoding: contents, as: UTF8.self) }
}
