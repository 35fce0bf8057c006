/// The small part of Markdown that model answers use — `**bold**`, `` `code` ``, `#` headings, `-`/`*`/`1.` lists,
/// `>` quotes and fenced code blocks — rendered into wrapped, styled lines for the answer pane.
///
/// Anything else stays literal text. Wrapping counts display columns, so CJK and emoji line up; list items
/// wrap with a hanging indent; code blocks are cut into width-sized pieces rather than reflowed.
public enum MarkdownLite {
    public static func render(_ markdown: String, width: Int) -> [StyledLine] {
        let width = max(4, width)
        var lines: [StyledLine] = []
        var inFence = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if inFence {
                lines.append(contentsOf: hardWrap(line, style: .code, width: width))
                continue
            }
            if trimmed.isEmpty {
                lines.append(StyledLine())
                continue
            }
            if trimmed.hasPrefix("#") {
                let text = trimmed.drop { $0 == "#" }.drop { $0 == " " }
                lines.append(contentsOf: wrap([Span(String(text), .heading)], width: width, firstPrefix: [], restIndent: 0))
                continue
            }
            if trimmed.hasPrefix("> ") {
                let spans = inline(String(trimmed.dropFirst(2)), base: .quote)
                lines.append(contentsOf: wrap(spans, width: width, firstPrefix: [Span("│ ", .quote)], restIndent: 2,
                                              restPrefix: [Span("│ ", .quote)]))
                continue
            }
            let indent = line.count - trimmed.count
            if let (marker, rest) = listItem(trimmed) {
                let lead = String(repeating: " ", count: min(indent, 8))
                let bullet = marker == "•" ? "•" : marker
                let prefix = [Span(lead), Span(bullet + " ", .bullet)]
                let hang = DisplayWidth.of(lead) + DisplayWidth.of(bullet) + 1
                lines.append(contentsOf: wrap(inline(rest), width: width, firstPrefix: prefix, restIndent: hang))
                continue
            }
            lines.append(contentsOf: wrap(inline(String(trimmed)), width: width, firstPrefix: [], restIndent: 0))
        }
        return lines
    }

    /// `- x`, `* x`, `+ x` → ("•", x); `12. x` → ("12.", x).
    static func listItem(_ text: Substring) -> (String, String)? {
        if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " {
            return ("•", String(text.dropFirst(2)))
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = text.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") {
                return (String(digits) + ".", String(rest.dropFirst(2)))
            }
        }
        return nil
    }

    /// Splits `**bold**` and `` `code` `` runs; unmatched markers stay literal.
    static func inline(_ text: String, base: TextStyle = .plain) -> [Span] {
        var spans: [Span] = []
        var current = ""
        var chars = Array(text)[...]
        func flush(_ style: TextStyle) {
            if !current.isEmpty { spans.append(Span(current, style)); current = "" }
        }
        while let c = chars.first {
            if c == "`", let close = chars.dropFirst().firstIndex(of: "`") {
                flush(base)
                spans.append(Span(String(chars[chars.index(after: chars.startIndex)..<close]), .code))
                chars = chars[(close + 1)...]
                continue
            }
            if c == "*", chars.dropFirst().first == "*" {
                let body = chars.dropFirst(2)
                if let close = findDoubleStar(body), close > body.startIndex {
                    flush(base)
                    spans.append(Span(String(body[body.startIndex..<close]), .bold))
                    chars = body[(close + 2)...]
                    continue
                }
            }
            current.append(c)
            chars = chars.dropFirst()
        }
        flush(base)
        return spans
    }

    private static func findDoubleStar(_ chars: ArraySlice<Character>) -> Int? {
        var i = chars.startIndex
        while i + 1 < chars.endIndex {
            if chars[i] == "*" && chars[i + 1] == "*" { return i }
            i += 1
        }
        return nil
    }

    /// Word-wraps styled spans: words never split unless longer than a line; the first line gets `firstPrefix`,
    /// later ones `restPrefix` or `restIndent` spaces.
    static func wrap(_ spans: [Span], width: Int, firstPrefix: [Span], restIndent: Int,
                     restPrefix: [Span]? = nil) -> [StyledLine] {
        // Tokens: words and single spaces, each carrying its style.
        var tokens: [Span] = []
        for span in spans {
            var word = ""
            for c in span.text {
                if c == " " {
                    if !word.isEmpty { tokens.append(Span(word, span.style)); word = "" }
                    tokens.append(Span(" ", span.style))
                } else {
                    word.append(c)
                }
            }
            if !word.isEmpty { tokens.append(Span(word, span.style)) }
        }
        let continuation = restPrefix ?? (restIndent > 0 ? [Span(String(repeating: " ", count: restIndent))] : [])
        var result: [StyledLine] = []
        var line = StyledLine(firstPrefix)
        var used = DisplayWidth.of(line.text)
        var lineHasWord = false
        func newLine() {
            trimTrailingSpace(&line)
            result.append(line)
            line = StyledLine(continuation)
            used = DisplayWidth.of(line.text)
            lineHasWord = false
        }
        for token in tokens {
            let w = DisplayWidth.of(token.text)
            if token.text == " " {
                if !lineHasWord { continue }
                if used + 1 > width { newLine(); continue }
                append(token, to: &line); used += 1
                continue
            }
            if used + w <= width {
                append(token, to: &line); used += w; lineHasWord = true
                continue
            }
            if lineHasWord { newLine() }
            var rest = Substring(token.text)
            while DisplayWidth.of(rest) > width - used {
                let piece = DisplayWidth.prefix(rest, fitting: max(1, width - used))
                if piece.isEmpty { break }
                append(Span(piece, token.style), to: &line)
                rest = rest.dropFirst(piece.count)
                lineHasWord = true
                newLine()
            }
            if !rest.isEmpty {
                append(Span(String(rest), token.style), to: &line)
                used += DisplayWidth.of(rest)
                lineHasWord = true
            }
        }
        trimTrailingSpace(&line)
        result.append(line)
        return result
    }

    static func hardWrap(_ text: String, style: TextStyle, width: Int) -> [StyledLine] {
        if text.isEmpty { return [StyledLine([Span("", style)])] }
        var lines: [StyledLine] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            var piece = DisplayWidth.prefix(rest, fitting: width)
            if piece.isEmpty { piece = String(rest.first!) }
            lines.append(StyledLine([Span(piece, style)]))
            rest = rest.dropFirst(piece.count)
        }
        return lines
    }

    private static func append(_ span: Span, to line: inout StyledLine) {
        if let last = line.spans.last, last.style == span.style {
            line.spans[line.spans.count - 1].text += span.text
        } else {
            line.spans.append(span)
        }
    }

    private static func trimTrailingSpace(_ line: inout StyledLine) {
        while let last = line.spans.last, last.text.hasSuffix(" "), !line.spans.isEmpty {
            let trimmed = String(last.text.dropLast())
            if trimmed.isEmpty { line.spans.removeLast() } else { line.spans[line.spans.count - 1].text = trimmed; break }
            if line.spans.count <= 1 { break }
        }
    }
}
