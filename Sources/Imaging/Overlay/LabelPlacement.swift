/// Where label tags go so that they do not cover each other: simple greedy placement.
///
/// Requests marked `required` (the selected detection) are placed first, so they always get their best spot,
/// then the others in the order given. Each tries its texts in order of preference ("3 cupcake", "3 cupc…",
/// "3") and, for each text, the spots around its anchor (above, below, inside the top, inside the bottom; left
/// edges before right edges); the first spot inside the picture and clear of every tag placed so far, and of
/// the boxes under review, wins. A tag with no such spot tries its shortest text (the badge) once more, kept off
/// the other tags only, so a box inside the box under review (an eye inside the cat) still shows its number.
/// A request with no free spot even then is skipped, unless it is `required`, which takes its first spot anyway.
public enum LabelPlacement {
    public struct Request: Sendable, Equatable {
        /// The box, or the square of a point's marker, in pixels.
        public var anchor: PixelRect
        public var isPoint: Bool
        /// The texts to try, preferred first; never empty for a tag that should show.
        public var texts: [String]
        public var required: Bool

        public init(anchor: PixelRect, isPoint: Bool = false, texts: [String], required: Bool = false) {
            self.anchor = anchor
            self.isPoint = isPoint
            self.texts = texts
            self.required = required
        }
    }

    public struct Placed: Sendable, Equatable {
        public var frame: PixelRect
        public var text: String
    }

    /// One result per request (nil: skipped), for a picture of `size`; `tagSize` measures a text's tag.
    public static func place(_ requests: [Request], in size: PixelSize, tagSize: (String) -> PixelSize) -> [Placed?] {
        var placed: [PixelRect] = []
        var results = [Placed?](repeating: nil, count: requests.count)
        // Required ones (the selected detection) first, so they get their best spot; then the rest in order.
        let order = requests.indices.filter { requests[$0].required } + requests.indices.filter { !requests[$0].required }
        // The boxes under review: other tags keep off them, so zooming in shows the object, not its neighbours' tags.
        let reviewed = requests.filter { $0.required && !$0.isPoint }.map(\.anchor)
        for position in order {
            let request = requests[position]
            let obstacles = request.required ? placed : placed + reviewed
            var chosen: Placed?
            var fallback: Placed?
            search: for text in request.texts {
                let tag = tagSize(text)
                for frame in spots(for: request, tag: tag, in: size) {
                    if fallback == nil { fallback = Placed(frame: frame, text: text) }
                    if !obstacles.contains(where: { $0.overlaps(frame) }) {
                        chosen = Placed(frame: frame, text: text)
                        break search
                    }
                }
            }
            if chosen == nil, !request.required, let badge = request.texts.last {
                let tag = tagSize(badge)
                chosen = spots(for: request, tag: tag, in: size).first { frame in !placed.contains { $0.overlaps(frame) } }
                    .map { Placed(frame: $0, text: badge) }
            }
            if chosen == nil && request.required { chosen = fallback }
            if let chosen { placed.append(chosen.frame) }
            results[position] = chosen
        }
        return results
    }

    /// Candidate tag frames around the anchor, clamped inside the picture, without repeats.
    static func spots(for request: Request, tag: PixelSize, in size: PixelSize) -> [PixelRect] {
        let r = request.anchor
        let origins: [(Int, Int)]
        if request.isPoint {
            origins = [(r.maxX, r.y - tag.height), (r.maxX, r.maxY), (r.x - tag.width, r.y - tag.height), (r.x - tag.width, r.maxY)]
        } else {
            origins = [(r.x, r.y - tag.height), (r.x, r.maxY), (r.x, r.y), (r.x, r.maxY - tag.height),
                       (r.maxX - tag.width, r.y - tag.height), (r.maxX - tag.width, r.maxY)]
        }
        var frames: [PixelRect] = []
        for (x, y) in origins {
            let frame = PixelRect(x: min(max(0, x), max(0, size.width - tag.width)),
                                  y: min(max(0, y), max(0, size.height - tag.height)),
                                  width: tag.width, height: tag.height)
            if !frames.contains(frame) { frames.append(frame) }
        }
        return frames
    }
}

extension PixelRect {
    /// True when the two rectangles share at least one pixel.
    public func overlaps(_ other: PixelRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}
