import Foundation
import GeminiAPI

/// The Gemini Batch API as a batch job needs it; `GeminiClient` conforms in `GeminiClient+BatchService.swift`.
public protocol BatchService: AnswerProvider {
    func createBatch(model: String, displayName: String, source: BatchSource) async throws -> BatchJob
    func getBatch(name: String) async throws -> BatchJob
    func cancelBatch(name: String) async throws
    /// A page of the project's jobs, newest first: how a job whose name never reached the store is found again.
    func listBatches(pageSize: Int?, pageToken: String?) async throws -> ListBatchesResponse
    /// The job's result lines: its inlined responses, or its downloaded results file.
    func batchResults(of job: BatchJob) async throws -> [BatchResultLine]
}
