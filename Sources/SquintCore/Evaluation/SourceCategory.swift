/// A category one side of an evaluation knows: the COCO id and name, or a stored label and its index.
public struct SourceCategory: Sendable, Hashable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}
