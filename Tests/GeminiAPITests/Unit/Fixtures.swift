import Foundation
import TestCorpus

/// Bodies shaped like the real service's, kept inline so each test shows what it reads.
enum Fixtures {
    static let quota429 = """
        {
          "error": {
            "code": 429,
            "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_input_token_count, limit: 250000, model: gemini-2.5-pro\\nPlease retry in 40.123s.",
            "status": "RESOURCE_EXHAUSTED",
            "details": [
              {
                "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                "violations": [
                  {
                    "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_input_token_count",
                    "quotaId": "GenerateContentInputTokensPerModelPerMinute-FreeTier",
                    "quotaDimensions": {"location": "global", "model": "gemini-2.5-pro"},
                    "quotaValue": "250000"
                  }
                ]
              },
              {
                "@type": "type.googleapis.com/google.rpc.Help",
                "links": [{"description": "Learn more about Gemini API quotas", "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]
              },
              {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "40s"}
            ]
          }
        }
        """

    static let dailyQuota429 = """
        {"error": {"code": 429, "message": "You exceeded your current quota.", "status": "RESOURCE_EXHAUSTED",
          "details": [
            {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{
              "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
              "quotaId": "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
              "quotaDimensions": {"model": "gemini-2.5-pro", "location": "global"}, "quotaValue": 50}]},
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "20s"}]}}
        """

    static let invalidKey400 = """
        {
          "error": {
            "code": 400,
            "message": "API key not valid. Please pass a valid API key.",
            "status": "INVALID_ARGUMENT",
            "details": [
              {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "API_KEY_INVALID",
                "domain": "googleapis.com",
                "metadata": {"service": "generativelanguage.googleapis.com"}
              },
              {
                "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
                "locale": "en-US",
                "message": "API key not valid. Please pass a valid API key."
              }
            ]
          }
        }
        """

    static let overloaded503 = """
        {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}
        """

    static let notFound404 = """
        {"error": {"code": 404, "message": "models/gemini-9 is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.", "status": "NOT_FOUND"}}
        """

    static let badRequest = """
        {"error": {"code": 400, "message": "Invalid JSON payload received.", "status": "INVALID_ARGUMENT",
          "details": [{" @type": "type.googleapis.com/google.rpc.BadRequest",
            "fieldViolations": [{"field": "generation_config.temperature", "description": "must be between 0 and 2"}]}]}}
        """

    static let streamChunk = """
        {"candidates": [{"content": {"parts": [{"text": "Hello"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 5,"candidatesTokenCount": 1,"totalTokenCount": 30,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 5}],"thoughtsTokenCount": 24},"modelVersion": "gemini-2.5-flash","responseId": "p4ZpaN6VBumCxN8P5PiBsQ4"}
        """

    static let finalChunk = """
        {"candidates": [{"content": {"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 5,"candidatesTokenCount": 9,"totalTokenCount": 38,"thoughtsTokenCount": 24},"modelVersion": "gemini-2.5-flash","responseId": "p4ZpaN6VBumCxN8P5PiBsQ4"}
        """

    static let blockedPrompt = """
        {"promptFeedback": {"blockReason": "PROHIBITED_CONTENT", "blockReasonMessage": "The prompt was blocked."},"usageMetadata": {"promptTokenCount": 8,"totalTokenCount": 8},"modelVersion": "gemini-2.5-flash"}
        """

    static let thoughtChunk = """
        {"candidates": [{"content": {"parts": [{"text": "**Looking at the cupcakes**\\nI see four.", "thought": true},{"text": "There are four cupcakes."}],"role": "model"}}],"modelVersion": "gemini-2.5-pro"}
        """

    static let uploadedFile = """
        {"file": {"name": "files/abc-123","displayName": "cupcakes.jpg","mimeType": "image/jpeg","sizeBytes": "123456","createTime": "2025-06-17T10:00:00.123456Z","updateTime": "2025-06-17T10:00:00.123456Z","expirationTime": "2025-06-19T10:00:00.123456Z","sha256Hash": "ZjU2YzQ5YjM=","uri": "https://generativelanguage.googleapis.com/v1beta/files/abc-123","state": "ACTIVE","source": "UPLOADED","newField": {"x": 1}}}
        """

    static let models = """
        {"models": [
          {"name": "models/gemini-2.5-flash","version": "001","displayName": "Gemini 2.5 Flash","description": "Stable version of Gemini 2.5 Flash","inputTokenLimit": 1048576,"outputTokenLimit": 65536,"supportedGenerationMethods": ["generateContent","countTokens","createCachedContent","batchGenerateContent"],"temperature": 1,"topP": 0.95,"topK": 64,"maxTemperature": 2,"thinking": true},
          {"name": "models/embedding-001","version": "001","displayName": "Embedding 001","inputTokenLimit": "2048","supportedGenerationMethods": ["embedContent"]},
          "garbage"
        ],
        "nextPageToken": "Ch5tb2RlbHMvZ2VtaW5pLTIuNS1mbGFzaA=="}
        """

    static func data(_ text: String) -> Data { Data(text.utf8) }

    /// The corpus folder (see `TestCorpus`).
    static var corpus: URL { TestCorpus.root }
}
