/// How a run of answer text is drawn; the theme maps each to colours and attributes.
public enum TextStyle: Sendable, Hashable {
    case plain, bold, code, heading, bullet, quote, dim
}

/// A run of text in one style.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    public init(_ text: String, _ style: TextStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One screen line of spans, already wrapped to the pane width.
public struct StyledLine: Sendable, Hashable {
    public var spans: [Span]
    public init(_ spans: [Span] = []) { self.spans = spans }
    public var text: String { spans.map(\.text).joined() }
    public var width: Int { DisplayWidth.of(text) }
}
