import Foundation

/// COCO object-detection JSON. Masks become uncompressed RLE segmentations (`iscrowd` stays 0, which
/// pycocotools accepts), plain boxes a four-corner polygon so every annotation has a segmentation.
enum COCOExport {
    struct File: Encodable {
        var info: Info
        var images: [Image]
        var annotations: [Annotation]
        var categories: [Category]
    }

    struct Info: Encodable {
        var description = "Exported by squint"
        var version = "1.0"
    }

    struct Image: Encodable {
        var id: Int
        var file_name: String
        var width: Int
        var height: Int
        /// The URL of an image Gemini fetched by URL, where COCO keeps it (pycocotools' `download()` reads it).
        var coco_url: String?
    }

    struct Annotation: Encodable {
        var id: Int
        var image_id: Int
        var category_id: Int
        var bbox: [Double]
        var area: Double
        var iscrowd = 0
        var segmentation: Segmentation
        /// Imported predictions' confidence, as in COCO results files; left out for Gemini's boxes.
        var score: Double?
    }

    enum Segmentation: Encodable {
        case polygons([[Double]])
        case rle(size: [Int], counts: [Int])

        func encode(to encoder: Encoder) throws {
            switch self {
            case .polygons(let polygons):
                var container = encoder.singleValueContainer()
                try container.encode(polygons)
            case .rle(let size, let counts):
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(size, forKey: .size)
                try container.encode(counts, forKey: .counts)
            }
        }

        enum Key: String, CodingKey { case size, counts }
    }

    struct Category: Encodable {
        var id: Int
        var name: String
        var supercategory = "object"
    }

    static func json(_ images: [ExportImage]) -> String {
        let names = Exporter.categories(images)
        let categoryID = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0 + 1) })
        let fileNames = Exporter.relativeNames(images)
        var file = File(info: Info(), images: [], annotations: [], categories: names.enumerated().map { Category(id: $0 + 1, name: $1) })
        for (index, image) in images.enumerated() {
            file.images.append(Image(id: index + 1, file_name: fileNames[index], width: image.size.width, height: image.size.height,
                                     coco_url: image.isRemote ? image.path : nil))
            for stored in image.detections {
                guard let box = stored.effectiveBox, let category = categoryID[stored.effectiveLabel] else { continue }
                let segmentation: Segmentation
                let area: Double
                // A person corrected the box: the model's mask counts only inside it, so bbox, segmentation and
                // area agree (its polygons, drawn for the old box, are left out; nothing left inside: the box).
                let edited = stored.editedBox != nil
                let mask = edited ? stored.detection.mask?.clipped(to: box).nonEmpty : stored.detection.mask
                if !edited, let polygons = stored.detection.polygons, let mask {
                    // The model's own polygons, as COCO keeps them.
                    segmentation = .polygons(polygons.map { $0.map(Exporter.rounded) })
                    area = Double(mask.area)
                } else if let mask {
                    segmentation = .rle(size: [mask.imageHeight, mask.imageWidth], counts: COCORLE.counts(mask))
                    area = Double(mask.area)
                } else {
                    segmentation = .polygons([[box.x0, box.y0, box.x1, box.y0, box.x1, box.y1, box.x0, box.y1].map(Exporter.rounded)])
                    area = Exporter.rounded(box.area)
                }
                file.annotations.append(Annotation(
                    id: file.annotations.count + 1, image_id: index + 1, category_id: category,
                    bbox: [box.x0, box.y0, box.width, box.height].map(Exporter.rounded), area: area, segmentation: segmentation,
                    score: stored.detection.score))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(file)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}
