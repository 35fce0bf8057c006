extension Store {
    /// The images and detections to export: the given images (all when nil), optionally only accepted ones.
    public func exportImages(imagePaths: [String]? = nil, acceptedOnly: Bool = false) throws -> [ExportImage] {
        ExportImage.group(try allDetections(imagePaths: imagePaths, acceptedOnly: acceptedOnly))
    }
}
