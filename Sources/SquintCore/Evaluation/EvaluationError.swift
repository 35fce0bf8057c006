/// Why `squint eval` could not evaluate, in one line that names its subject (a path, a source) first.
///
/// Paths are as given, unsanitised: a front end passes the description through the terminal sanitiser.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case badSource(source: String, reason: String)
        case unreadable(path: String, reason: String)
        case malformed(path: String, reason: String)
        case noSuchLabelSet(name: String)
        case resultsNeedCOCOTruth(path: String)
        case resultsAsTruth(path: String)
        case noOverlap(truth: String, predictions: String)
        case badThreshold(Double)
    }

    private let code: Code
    private init(_ code: Code) { self.code = code }

    static func badSource(_ source: String, reason: String) -> Self { .init(.badSource(source: source, reason: reason)) }
    static func unreadable(_ path: String, reason: String) -> Self { .init(.unreadable(path: path, reason: reason)) }
    static func malformed(_ path: String, reason: String) -> Self { .init(.malformed(path: path, reason: reason)) }
    static func noSuchLabelSet(_ name: String) -> Self { .init(.noSuchLabelSet(name: name)) }
    static func resultsNeedCOCOTruth(_ path: String) -> Self { .init(.resultsNeedCOCOTruth(path: path)) }
    static func resultsAsTruth(_ path: String) -> Self { .init(.resultsAsTruth(path: path)) }
    static func noOverlap(truth: String, predictions: String) -> Self { .init(.noOverlap(truth: truth, predictions: predictions)) }
    public static func badThreshold(_ value: Double) -> Self { .init(.badThreshold(value)) }

    public var description: String {
        switch code {
        case .badSource(let source, let reason):
            "\(source): \(reason)"
        case .unreadable(let path, let reason):
            "\(path): \(reason)"
        case .malformed(let path, let reason):
            "\(path): not a COCO file: \(reason)"
        case .noSuchLabelSet(let name):
            "store:\(name): no such label set (squint import … --name \(name) makes one)"
        case .resultsNeedCOCOTruth(let path):
            "\(path): a COCO results list names images and categories by the truth file's ids: give --truth a COCO file"
        case .resultsAsTruth(let path):
            "\(path): a results list (scored boxes) cannot be the truth: give a COCO file with images and categories"
        case .noOverlap(let truth, let predictions):
            "no image is in both the truth (\(truth)) and the predictions (\(predictions)): images match by path, or by file_name"
        case .badThreshold(let value):
            "--iou \(value): give an IoU threshold above 0 and at most 1"
        }
    }
}
