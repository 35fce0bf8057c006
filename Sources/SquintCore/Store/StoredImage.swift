import Foundation
import Imaging

/// An image the store knows, identified by its absolute path; the content hash tells whether it changed.
public struct StoredImage: Sendable, Equatable {
    public var id: Int64
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var contentHash: String
    public var byteSize: Int64
    public var modified: Date
}
