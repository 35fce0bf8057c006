import GRDB

extension Store {
    /// The ground-truth label sets stored for one image (`squint import --as truth`), newest first, each with
    /// its boxes: what the TUI compares the image's detections against.
    public func truthSets(imagePath: String) async throws(StoreError) -> [(name: String, detections: [StoredDetection])] {
        let path = Self.canonicalPath(imagePath)
        return try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT answers.id AS id, answers.labelSet AS name FROM answers JOIN images ON images.id = answers.imageId
                WHERE images.path = ? AND answers.role = 'truth' AND answers.status = 'complete'
                ORDER BY answers.createdAt DESC, answers.id DESC
                """, arguments: [path])
            var seen = Set<String>()
            var sets: [(name: String, detections: [StoredDetection])] = []
            for row in rows {
                let name: String = row["name"] ?? "truth"
                guard seen.insert(name).inserted else { continue }
                sets.append((name, try Self.fetchDetections(db, where: "detections.answerId = ?", arguments: [row["id"] as Int64])))
            }
            return sets
        }
    }
}
