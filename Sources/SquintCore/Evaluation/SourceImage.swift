/// An image one side of an evaluation knows: what it is called (a COCO `file_name`, or a stored image's
/// absolute path) and its id (the COCO id, or the image's index for a stored set).
public struct SourceImage: Sendable, Hashable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}
