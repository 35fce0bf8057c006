/// Why one piece of a spatial answer could not be used. Only ever reported as a warning: a broken mask drops
/// that mask, never the whole answer.
public struct SpatialError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case maskNotAString
        case maskNotBase64
        case maskNotAnImage(String)
        case maskBoxTooSmall
        case maskDecodingUnavailable
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static let maskNotAString = SpatialError(.maskNotAString)
    static let maskNotBase64 = SpatialError(.maskNotBase64)
    static func maskNotAnImage(_ reason: String) -> SpatialError { SpatialError(.maskNotAnImage(reason)) }
    static let maskBoxTooSmall = SpatialError(.maskBoxTooSmall)
    static let maskDecodingUnavailable = SpatialError(.maskDecodingUnavailable)

    public var description: String {
        switch code {
        case .maskNotAString: "the mask is not a string"
        case .maskNotBase64: "the mask is not valid base64"
        case .maskNotAnImage(let reason): "the mask is not a readable PNG: \(reason)"
        case .maskBoxTooSmall: "the box is less than one pixel wide or high"
        case .maskDecodingUnavailable: "mask decoding is not available"
        }
    }
}
