import GRDB

extension Store {
    /// Each image's boxes in the label set `name`: the latest complete answer per image that holds the set
    /// (an import run again replaces, per image, what the previous one stored). nil when no answer holds the
    /// set at all, so the caller can say there is no such set rather than evaluate nothing. Read only.
    public func labelSetImages(named name: String) async throws(StoreError) -> [StoredLabelImage]? {
        try await read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM answers WHERE labelSet = ?)", arguments: [name]) == true else {
                return nil
            }
            return try Self.latestAnswers(db, matching: { "\($0).labelSet = ?" }, arguments: [name])
        }
    }

    /// Each image's latest complete Gemini answer (role `answer`) with boxes — task `detect` or `segment`, or
    /// only `task`; any model, or only `model` — with its detections. Images never asked are not listed; an
    /// image whose latest answer found nothing is, with no detections. Read only.
    public func geminiImages(task: AskTask? = nil, model: String? = nil) async throws(StoreError) -> [StoredLabelImage] {
        let tasks = task.map { [$0.rawValue] } ?? [AskTask.detect.rawValue, AskTask.segment.rawValue]
        var arguments = StatementArguments(tasks)
        if let model { arguments += [model] }
        let values = arguments
        let condition: @Sendable (String) -> String = { table in
            "\(table).role = 'answer' AND \(table).task IN (\(tasks.map { _ in "?" }.joined(separator: ", ")))"
                + (model == nil ? "" : " AND \(table).model = ?")
        }
        return try await read { db in try Self.latestAnswers(db, matching: condition, arguments: values) }
    }

    /// The latest complete answer per image among those matching `condition` (a condition on the `answers`
    /// table under the alias it is given, with `arguments` for its placeholders), sorted by path, each with its
    /// detections in order.
    private static func latestAnswers(_ db: Database, matching condition: (String) -> String,
                                      arguments: StatementArguments) throws -> [StoredLabelImage] {
        // The outer condition lets SQLite use the index; the inner one picks each image's latest.
        let chosen = """
            SELECT answers.id FROM answers
            WHERE \(condition("answers")) AND answers.status = 'complete' AND answers.id = (SELECT latest.id FROM answers AS latest
                WHERE latest.imageId = answers.imageId AND latest.status = 'complete' AND \(condition("latest"))
                ORDER BY latest.createdAt DESC, latest.id DESC LIMIT 1)
            """
        let doubled = arguments + arguments
        let rows = try Row.fetchAll(db, sql: """
            SELECT answers.id AS id, images.path AS path FROM answers JOIN images ON images.id = answers.imageId
            WHERE answers.id IN (\(chosen)) ORDER BY images.path
            """, arguments: doubled)
        var detections: [Int64: [StoredDetection]] = [:]
        for detection in try fetchDetections(db, where: "detections.answerId IN (\(chosen))", arguments: doubled) {
            detections[detection.answerID, default: []].append(detection)
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return StoredLabelImage(path: row["path"], answerID: id, detections: detections[id] ?? [])
        }
    }
}
