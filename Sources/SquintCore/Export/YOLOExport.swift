/// YOLO darknet text labels: per image `<stem>.txt` with one `class cx cy w h` line per box, all normalized
/// to 0–1 by the image size; `classes.txt` lists the class names, line number = class id.
enum YOLOExport {
    static func files(_ images: [ExportImage]) -> [ExportFile] {
        let names = Exporter.categories(images)
        let classID = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var files = [ExportFile(name: classesFile, contents: Array(names.map { Exporter.singleLine($0) + "\n" }.joined().utf8))]
        for (image, stem) in zip(images, Exporter.uniqueStems(images, reserving: [classesStem])) {
            let width = Double(image.size.width), height = Double(image.size.height)
            let lines = image.detections.compactMap { stored -> String? in
                guard let box = stored.effectiveBox, let id = classID[stored.effectiveLabel] else { return nil }
                let fields = [(box.x0 + box.x1) / 2 / width, (box.y0 + box.y1) / 2 / height, box.width / width, box.height / height]
                return ([String(id)] + fields.map { Exporter.number($0) }).joined(separator: " ") + "\n"
            }
            files.append(ExportFile(name: stem + ".txt", contents: Array(lines.joined().utf8)))
        }
        return files
    }

    /// The class list's stem, reserved so an image named `classes.png` cannot overwrite it.
    private static let classesStem = "classes"
    private static let classesFile = classesStem + ".txt"
}
