/// The Gemini REST client. See `GeminiClient`.
