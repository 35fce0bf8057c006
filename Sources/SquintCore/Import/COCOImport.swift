import Foundation
import Imaging

/// COCO as `squint import --format coco` reads it: a file with `images`, `annotations` and `categories`
/// (ground truth, or predictions when annotations carry `score`), or a results list whose image and category
/// ids the `ids` file (a COCO file) names. `file_name` is relative to `imagesFolder`.
enum COCOImport {
    static func parse(_ data: Data, source: String, imagesFolder: String, ids: Data? = nil, idsSource: String? = nil) throws(ImportError) -> ParsedLabels {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { throw ImportError(source, "not JSON") }
        if let results = json as? [Any] {
            guard let ids, let idsSource else {
                throw ImportError(source, "a COCO results list names images by id: give --ids-from with the COCO file that lists them")
            }
            guard let named = (try? JSONSerialization.jsonObject(with: ids)) as? [String: Any] else { throw ImportError(idsSource, "not a COCO file") }
            return try labels(images: named["images"], annotations: results, categories: named["categories"], source: source,
                              imagesFolder: imagesFolder)
        }
        guard let file = json as? [String: Any], file["images"] != nil else {
            throw ImportError(source, "not a COCO file (no \"images\")")
        }
        return try labels(images: file["images"], annotations: file["annotations"] ?? [Any](), categories: file["categories"],
                          source: source, imagesFolder: imagesFolder)
    }

    private static func labels(images: Any?, annotations: Any?, categories: Any?, source: String, imagesFolder: String) throws(ImportError) -> ParsedLabels {
        guard let images = images as? [[String: Any]] else { throw ImportError(source, "\"images\" is not a list of objects") }
        guard let annotations = annotations as? [[String: Any]] else { throw ImportError(source, "\"annotations\" is not a list of objects") }
        var parsed = ParsedLabels()
        var names: [Int: String] = [:]
        for category in categories as? [[String: Any]] ?? [] {
            if let id = integer(category["id"]), let name = category["name"] as? String { names[id] = name }
        }
        var order: [Int] = []
        var byID: [Int: ImportedImage] = [:]
        for (index, image) in images.enumerated() {
            guard let id = integer(image["id"]), let name = image["file_name"] as? String, !name.isEmpty else {
                parsed.problems.append("\(source): images[\(index)] has no id or file_name")
                continue
            }
            var size: PixelSize?
            if let width = integer(image["width"]), let height = integer(image["height"]), width > 0, height > 0 {
                size = PixelSize(width: width, height: height)
            }
            let path = name.hasPrefix("/") ? name : (imagesFolder as NSString).appendingPathComponent(name)
            if byID[id] == nil { order.append(id) }
            byID[id] = ImportedImage(path: path, declaredSize: size, boxes: [], origin: "\(source) image \(id)")
        }
        for (index, annotation) in annotations.enumerated() {
            guard let imageID = integer(annotation["image_id"]) else {
                parsed.problems.append("\(source): annotations[\(index)] has no image_id")
                continue
            }
            guard byID[imageID] != nil else {
                parsed.problems.append("\(source): annotations[\(index)] names image \(imageID), which \"images\" does not list")
                continue
            }
            guard let bbox = annotation["bbox"] as? [Any], bbox.count == 4, let values = Optional(bbox.compactMap(number)), values.count == 4 else {
                parsed.problems.append("\(source): annotations[\(index)] has no bbox [x, y, width, height]")
                continue
            }
            let category = integer(annotation["category_id"])
            let label = category.flatMap { names[$0] } ?? category.map { "category \($0)" } ?? "object"
            byID[imageID]?.boxes.append(ImportedImage.Box(
                label: label, x0: values[0], y0: values[1], x1: values[0] + values[2], y1: values[1] + values[3],
                score: number(annotation["score"] as Any), isCrowd: Self.isCrowd(annotation["iscrowd"])))
        }
        parsed.images = order.compactMap { byID[$0] }
        return parsed
    }

    /// `iscrowd`: 0 or 1 in COCO files, sometimes a boolean.
    static func isCrowd(_ value: Any?) -> Bool {
        (value as? NSNumber).map { $0.intValue != 0 } ?? false
    }

    static func integer(_ value: Any?) -> Int? {
        if let value = value as? Int { return value }
        if let value = value as? Double, value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        if let value = value as? String { return Int(value) }
        return nil
    }

    /// A JSON number; `true`/`false` are not (Foundation hands them over as NSNumbers too, of type "c", and on
    /// Linux `0 is Bool` holds for any NSNumber 0 or 1).
    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }
}
