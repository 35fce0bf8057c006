/// The annotation formats `squint import` reads: the ones `squint export` writes, so an export imports back.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// A COCO file: `images`, `annotations` (with `score` for predictions) and `categories`; or a COCO results
    /// list (`[{"image_id", "category_id", "bbox", "score"}]`) with the file that names its ids.
    case coco
    /// `classes.txt` and one `<stem>.txt` per image: `class cx cy w h [score]`, normalized to 0–1.
    case yolo
    /// Pascal VOC XML, one file per image, 1-based inclusive integer pixels.
    case voc
    /// `squint export --format jsonl`: one `{"image", "width", "height", "detections"}` object per line.
    case jsonl
}
