/// COCO's uncompressed run-length encoding of a binary mask: column-major (Fortran order) over the whole
/// image, counts alternating zeros and ones, starting with zeros. pycocotools reads it as
/// `{"size": [height, width], "counts": [...]}`.
enum COCORLE {
    static func counts(_ mask: MaskPlane) -> [Int] {
        var counts: [Int] = []
        var current: UInt8 = 0
        var run = 0
        for x in 0..<mask.imageWidth {
            let inside = x >= mask.originX && x < mask.originX + mask.width
            if !inside {
                if current == 0 { run += mask.imageHeight } else {
                    counts.append(run); current = 0; run = mask.imageHeight
                }
                continue
            }
            for y in 0..<mask.imageHeight {
                let value: UInt8 = mask[x, y] > 127 ? 1 : 0
                if value == current {
                    run += 1
                } else {
                    counts.append(run)
                    current = value
                    run = 1
                }
            }
        }
        counts.append(run)
        return counts
    }
}
