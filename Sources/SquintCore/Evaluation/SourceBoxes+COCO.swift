import Foundation

extension SourceBoxes {
    /// Reads a COCO file: a dataset (an object with `images`, `annotations`, `categories`) or a results list
    /// (an array of `{image_id, category_id, bbox, score}`). Only boxes are read; segmentations are skipped.
    public static func readCOCO(path: String) throws(EvaluationError) -> SourceBoxes {
        let data = try readFile(path)
        guard let first = data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw .malformed(path, reason: "the file is empty")
        }
        do {
            if first == UInt8(ascii: "[") {
                return results(try JSONDecoder().decode([COCOResult].self, from: data), path: path)
            }
            return dataset(try JSONDecoder().decode(COCODataset.self, from: data), path: path)
        } catch let error as DecodingError {
            throw .malformed(path, reason: describe(error))
        } catch {
            throw .malformed(path, reason: "not JSON")
        }
    }

    private static func readFile(_ path: String) throws(EvaluationError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .unreadable(path, reason: "no such file") }
        if isFolder.boolValue { throw .unreadable(path, reason: "is a folder, not a COCO file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path, reason: "not readable (permission denied?)")
        }
    }

    private static func results(_ entries: [COCOResult], path: String) -> SourceBoxes {
        var positions: [Int: Int] = [:]
        var boxes: [SourceBox] = []
        boxes.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let position = positions[entry.image_id, default: 0]
            positions[entry.image_id] = position + 1
            boxes.append(SourceBox(imageID: entry.image_id, categoryID: entry.category_id, box: entry.bbox.box,
                                   score: entry.score, position: position, id: index + 1))
        }
        return SourceBoxes(source: .file(path), kind: .resultsList, images: [], categories: [], boxes: boxes)
    }

    private static func dataset(_ file: COCODataset, path: String) -> SourceBoxes {
        var positions: [Int: Int] = [:]
        var boxes: [SourceBox] = []
        let annotations = file.annotations ?? []
        boxes.reserveCapacity(annotations.count)
        for (index, annotation) in annotations.enumerated() {
            guard let bbox = annotation.bbox else { continue }
            let position = positions[annotation.image_id, default: 0]
            positions[annotation.image_id] = position + 1
            boxes.append(SourceBox(imageID: annotation.image_id, categoryID: annotation.category_id, box: bbox.box,
                                   area: annotation.area, isCrowd: annotation.iscrowd?.value ?? false, score: annotation.score,
                                   position: position, id: annotation.id ?? index + 1))
        }
        return SourceBoxes(
            source: .file(path), kind: .dataset,
            images: file.images.map { SourceImage(id: $0.id, name: $0.file_name ?? "\($0.id)") },
            categories: (file.categories ?? []).map { SourceCategory(id: $0.id, name: $0.name) }, boxes: boxes)
    }

    /// `annotations[12].bbox: expected 4 numbers`: where in the file, and what was wrong.
    static func describe(_ error: DecodingError) -> String {
        func where_(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = where_(context.codingPath)
            return "\(at == "the top level" ? "" : at + ": ")no \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(where_(context.codingPath)): \(context.debugDescription.isEmpty ? "unexpected value" : Self.short(context.debugDescription))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "\(where_(context.codingPath)): \(Self.short(context.debugDescription))"
        @unknown default:
            return "unreadable"
        }
    }

    private static func short(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.hasSuffix(".") ? String(line.dropLast()) : line
    }
}

/// The parts of a COCO dataset file evaluation reads.
private struct COCODataset: Decodable {
    struct Image: Decodable {
        var id: Int
        var file_name: String?
    }

    struct Annotation: Decodable {
        var id: Int?
        var image_id: Int
        var category_id: Int
        var bbox: COCOBox?
        var area: Double?
        var iscrowd: COCOFlag?
        var score: Double?
    }

    struct Category: Decodable {
        var id: Int
        var name: String
    }

    var images: [Image]
    var annotations: [Annotation]?
    var categories: [Category]?
}

/// One entry of a COCO results list (what detectors write for COCOeval).
private struct COCOResult: Decodable {
    var image_id: Int
    var category_id: Int
    var bbox: COCOBox
    var score: Double
}

/// `[x, y, width, height]`, exactly four numbers.
private struct COCOBox: Decodable {
    var box: EvaluationBox

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var values: [Double] = []
        while !container.isAtEnd { values.append(try container.decode(Double.self)) }
        guard values.count == 4 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected [x, y, width, height]"))
        }
        box = EvaluationBox(x: values[0], y: values[1], width: values[2], height: values[3])
    }
}

/// `iscrowd`: 0 or 1 in COCO files, sometimes written as a boolean.
private struct COCOFlag: Decodable {
    var value: Bool

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Numbers first: they are what COCO files hold, and a failed try costs a thrown error per annotation.
        if let number = try? container.decode(Int.self) {
            value = number != 0
        } else {
            value = try container.decode(Bool.self)
        }
    }
}
