import Foundation
import GRDB
import Imaging

extension Store {
    /// What the store holds for one image and one (task, prompt, model): the latest attempt.
    public struct LatestAttempt: Sendable, Equatable {
        public var isComplete: Bool
        /// The image's size and modification time when it was last asked about: a file changed since is asked
        /// about again.
        public var byteSize: Int64
        public var modified: Date
    }

    /// The latest stored answer of each of `paths` for this task, prompt and model (paths without one are left
    /// out). Batches ask about the rest.
    public func latestAttempts(paths: [String], task: AskTask, prompt: String, model: String) async throws(StoreError)
        -> [String: LatestAttempt]
    {
        try await read { db in
            var latest: [String: LatestAttempt] = [:]
            // SQLite takes at most 32 766 arguments; 500 paths a query keeps each statement small.
            for start in stride(from: 0, to: paths.count, by: 500) {
                let chunk = Array(paths[start..<min(start + 500, paths.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT images.path, images.byteSize, images.modified, answers.status,
                           answers.contentHash = images.contentHash AS sameBytes
                    FROM answers JOIN images ON images.id = answers.imageId
                    WHERE answers.task = ? AND answers.prompt = ? AND answers.model = ? AND images.path IN (\(marks))
                    ORDER BY answers.createdAt, answers.id
                    """, arguments: StatementArguments([task.rawValue, prompt, model] + chunk))
                for row in rows {
                    let status: String = row["status"]
                    let same: Bool = row["sameBytes"]
                    latest[row["path"]] = LatestAttempt(
                        isComplete: status == "complete" && same, byteSize: row["byteSize"],
                        modified: Date(timeIntervalSince1970: row["modified"]))
                }
            }
            return latest
        }
    }

    // MARK: - Batch API jobs

    /// Records a job about to be created, with its requests; returns its id. Recorded first, so a job the
    /// service created is never lost track of by a crash that follows.
    public func recordBatchJob(spec: BatchSpec, prompt: String, items: [BatchJobRecord.Item], at time: Date = Date()) async throws(StoreError) -> Int64 {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO batch_jobs (model, task, prompt, spec, state, requestCount, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [spec.model, spec.task.rawValue, prompt, Self.encodeJSON(spec), BatchJobRecord.submitting,
                            items.count, time.timeIntervalSince1970, time.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            for item in items {
                try db.execute(
                    sql: "INSERT INTO batch_job_items (jobId, key, path, imageWidth, imageHeight, estimatedTokens) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [id, item.key, item.path, item.imageSize.width, item.imageSize.height, item.estimatedTokens])
            }
            return id
        }
    }

    /// The service's name and state for a recorded job, and its counts as last seen.
    public func updateBatchJob(id: Int64, name: String? = nil, state: String, succeeded: Int? = nil, failed: Int? = nil,
                               error: String? = nil, at time: Date = Date()) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE batch_jobs SET name = COALESCE(?, name), state = ?, succeededCount = COALESCE(?, succeededCount),
                        failedCount = COALESCE(?, failedCount), error = COALESCE(?, error), updatedAt = ? WHERE id = ?
                    """,
                arguments: [name, state, succeeded, failed, error, time.timeIntervalSince1970, id])
        }
    }

    /// The job's results are in the store (or it ended without any): nothing is left to wait for.
    public func closeBatchJob(id: Int64, at time: Date = Date()) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE batch_jobs SET ingestedAt = ?, updatedAt = ? WHERE id = ?",
                           arguments: [time.timeIntervalSince1970, time.timeIntervalSince1970, id])
        }
    }

    /// Forgets a job that was never created (its record was made, the create request failed).
    public func deleteBatchJob(id: Int64) async throws(StoreError) {
        try await write { db in try db.execute(sql: "DELETE FROM batch_jobs WHERE id = ?", arguments: [id]) }
    }

    /// Recorded jobs, newest first; only those not yet ingested with `openOnly`.
    public func batchJobs(openOnly: Bool = false) async throws(StoreError) -> [BatchJobRecord] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM batch_jobs \(openOnly ? "WHERE ingestedAt IS NULL" : "") ORDER BY createdAt DESC, id DESC
                """)
            return rows.compactMap(Self.batchJob)
        }
    }

    /// The job named `name` (`batches/…`, or its id without the prefix).
    public func batchJob(named name: String) async throws(StoreError) -> BatchJobRecord? {
        let full = name.hasPrefix("batches/") ? name : "batches/\(name)"
        return try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM batch_jobs WHERE name = ?", arguments: [full]).flatMap(Self.batchJob)
        }
    }

    /// The job's requests in the order recorded, each marked when its answer is in the store.
    public func batchJobItems(id: Int64) async throws(StoreError) -> [BatchJobRecord.Item] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM batch_job_items WHERE jobId = ? ORDER BY rowid", arguments: [id]).map { row in
                BatchJobRecord.Item(key: row["key"], path: row["path"],
                                    imageSize: PixelSize(width: row["imageWidth"], height: row["imageHeight"]),
                                    estimatedTokens: row["estimatedTokens"], isIngested: (row["ingestedAt"] as Double?) != nil)
            }
        }
    }

    /// How many requests of the jobs `ids` already have their answer in the store (an earlier resume cut short).
    public func ingestedBatchJobItemCount(ids: [Int64]) async throws(StoreError) -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await read { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch_job_items WHERE ingestedAt IS NOT NULL AND jobId IN (\(marks))",
                                    arguments: StatementArguments(ids)) ?? 0
        }
    }

    /// The images waiting in open jobs for this task, prompt and model: a new run does not submit them again.
    public func pathsInOpenBatchJobs(task: AskTask, prompt: String, model: String) async throws(StoreError) -> Set<String> {
        try await read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT batch_job_items.path FROM batch_job_items JOIN batch_jobs ON batch_jobs.id = batch_job_items.jobId
                WHERE batch_jobs.ingestedAt IS NULL AND batch_jobs.task = ? AND batch_jobs.prompt = ? AND batch_jobs.model = ?
                """, arguments: [task.rawValue, prompt, model]))
        }
    }

    private static func batchJob(_ row: Row) -> BatchJobRecord? {
        guard let spec = decodeJSON(BatchSpec.self, row["spec"]) else { return nil }
        return BatchJobRecord(
            id: row["id"], name: row["name"], spec: spec, prompt: row["prompt"], state: row["state"],
            requestCount: row["requestCount"], succeededCount: row["succeededCount"], failedCount: row["failedCount"],
            error: row["error"], createdAt: Date(timeIntervalSince1970: row["createdAt"]),
            updatedAt: Date(timeIntervalSince1970: row["updatedAt"]),
            ingestedAt: (row["ingestedAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
