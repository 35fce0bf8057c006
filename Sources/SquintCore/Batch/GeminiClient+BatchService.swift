import GeminiAPI

extension GeminiClient: BatchService {}
