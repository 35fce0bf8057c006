extension Bitmap {
    /// Draws overlays in layers — masks, then outlines and points, then every label tag — so a tag is never
    /// hidden under a later box. Within each layer the selected overlay comes last (on top), with thicker lines,
    /// while the dimmed ones are faded; tags are placed so that they do not cover each other (see
    /// `LabelPlacement`), the selected one first.
    public mutating func draw(_ overlays: [Overlay], style: OverlayStyle? = nil) {
        guard width > 0, height > 0 else { return }
        let style = style ?? OverlayStyle(for: size)
        let order = overlays.indices.filter { overlays[$0].emphasis != .selected } + overlays.indices.filter { overlays[$0].emphasis == .selected }
        for overlay in order.map({ overlays[$0] }) {
            if case let .mask(mask, rect) = overlay.shape {
                let alpha = overlay.emphasis == .dimmed ? UInt8(Int(style.maskAlpha) * 3 / 5) : style.maskAlpha
                blend(mask: mask, in: rect.pixelRect(in: size), color: overlay.color, alpha: alpha)
            }
        }
        for overlay in order.map({ overlays[$0] }) {
            let selected = overlay.emphasis == .selected
            let alpha = overlay.emphasis == .dimmed ? style.dimAlpha : 255
            // The selected one (and every monochrome one) gets a contrasting rim so it shows on any picture.
            let rim = overlay.edge ?? (selected ? OverlayPalette.textColor(on: overlay.color) : nil)
            switch overlay.shape {
            case let .box(rect):
                let pixels = rect.pixelRect(in: size)
                let line = selected ? style.selectedLineWidth : style.lineWidth
                if let rim {
                    stroke(PixelRect(x: pixels.x - 1, y: pixels.y - 1, width: pixels.width + 2, height: pixels.height + 2),
                           color: rim, lineWidth: line + 2, alpha: alpha)
                }
                stroke(pixels, color: overlay.color, lineWidth: line, alpha: alpha)
            case let .point(point):
                let (x, y) = point.pixel(in: size)
                let radius = selected ? style.pointRadius * 3 / 2 + 1 : style.pointRadius
                fillCircle(x: x, y: y, radius: radius + max(1, radius / 3), color: rim ?? OverlayPalette.textColor(on: overlay.color), alpha: alpha)
                fillCircle(x: x, y: y, radius: radius, color: overlay.color, alpha: alpha)
            case .mask:
                break
            }
        }
        drawTags(overlays, order: order, style: style)
    }

    /// The tags: `badge label` where it fits, cut with "…", or the badge alone on boxes too small for words.
    private mutating func drawTags(_ overlays: [Overlay], order: [Int], style: OverlayStyle) {
        let scale = style.textScale, padding = style.tagPadding
        func tagSize(_ text: String) -> PixelSize {
            let text = Self.labelSize(text, scale: scale)
            return PixelSize(width: text.width + 2 * padding, height: text.height + 2 * padding)
        }
        // Place the selected one first (best spot), then the rest in list order.
        let placing = order.reversed().filter { overlays[$0].emphasis == .selected } + order.filter { overlays[$0].emphasis != .selected }
        var requests: [LabelPlacement.Request] = []
        var placedIndices: [Int] = []
        for index in placing {
            let overlay = overlays[index]
            guard let anchor = tagAnchor(overlay, style: style) else { continue }
            let texts = Self.tagTexts(overlay, anchorWidth: overlay.isPoint ? nil : anchor.width, maxWidth: width, scale: scale, padding: padding)
            guard !texts.isEmpty else { continue }
            requests.append(LabelPlacement.Request(anchor: anchor, isPoint: overlay.isPoint, texts: texts,
                                                   required: overlay.emphasis == .selected))
            placedIndices.append(index)
        }
        let placements = LabelPlacement.place(requests, in: size, tagSize: tagSize)
        // Draw dimmed and normal tags first, the selected one last, on top.
        let drawing = zip(placedIndices, placements).sorted { (overlays[$0.0].emphasis == .selected ? 1 : 0) < (overlays[$1.0].emphasis == .selected ? 1 : 0) }
        for (index, placed) in drawing {
            guard let placed else { continue }
            let overlay = overlays[index]
            let frame = placed.frame
            if let rim = overlay.edge ?? (overlay.emphasis == .selected ? OverlayPalette.textColor(on: overlay.color) : nil) {
                let border = max(1, scale)
                fill(PixelRect(x: frame.x - border, y: frame.y - border, width: frame.width + 2 * border, height: frame.height + 2 * border), color: rim)
            }
            fill(frame, color: overlay.color, alpha: overlay.emphasis == .dimmed ? 215 : 255)
            draw(label: placed.text, x: frame.x + padding, y: frame.y + padding, scale: scale, color: OverlayPalette.textColor(on: overlay.color))
        }
    }

    /// What a tag sits against: the box, or a square around a point's marker; nil for masks without a box.
    private func tagAnchor(_ overlay: Overlay, style: OverlayStyle) -> PixelRect? {
        switch overlay.shape {
        case let .box(rect): return rect.pixelRect(in: size)
        case let .point(point):
            let (x, y) = point.pixel(in: size)
            let r = style.pointRadius + 2
            return PixelRect(x: x - r, y: y - r, width: 2 * r + 1, height: 2 * r + 1)
        case .mask: return nil  // a mask's tag goes with its box
        }
    }

    /// The texts a tag may show, preferred first. Labels are cut to the box's width (at least the badge's),
    /// and to the picture's; a label that would keep fewer than four characters gives way to the badge alone.
    static func tagTexts(_ overlay: Overlay, anchorWidth: Int?, maxWidth: Int, scale: Int, padding: Int) -> [String] {
        let label = (overlay.label ?? "").isEmpty ? nil : overlay.label
        let badge = (overlay.badge ?? "").isEmpty ? nil : overlay.badge
        guard label != nil || badge != nil else { return [] }
        let advance = LabelFont.advance * max(1, scale)
        func fits(_ characters: Int) -> Int { max(0, (characters - 2 * padding) / advance) }
        let prefix = badge.map { $0 + " " } ?? ""
        // Points have no width of their own: they may take up to 16 characters.
        let room = min(fits(maxWidth), anchorWidth.map { max(fits($0), prefix.count + 1) } ?? 16)
        var texts: [String] = []
        if let label {
            let full = prefix + label
            if full.count <= room {
                texts.append(full)
            } else if room - prefix.count - 1 >= 4 {
                texts.append(prefix + String(label.prefix(room - prefix.count - 1)) + "…")
            }
        }
        if let badge, !texts.contains(badge) { texts.append(badge) }
        if texts.isEmpty, let label { texts.append(String(label.prefix(max(1, room - 1))) + "…") }
        return texts
    }
}

extension Overlay {
    var isPoint: Bool {
        if case .point = shape { return true }
        return false
    }
}
