/// What an image costs in prompt tokens, before asking: Gemini counts 258 tokens for an image with both sides at
/// most 384 px, and otherwise 258 for each 768×768 tile it is cut into.
public enum ImageTokenEstimate {
    public static let tokensPerTile = 258

    public static func tokens(width: Int, height: Int) -> Int {
        guard width > 0, height > 0 else { return 0 }
        if width <= 384 && height <= 384 { return tokensPerTile }
        let across = (width + 767) / 768
        let down = (height + 767) / 768
        return across * down * tokensPerTile
    }
}
