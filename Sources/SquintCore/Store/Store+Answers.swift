import Foundation
import GRDB
import Imaging

extension Store {
    /// Records (or refreshes) an image: path, SHA-256, size and modification time.
    @discardableResult
    public func registerImage(path: String) async throws(StoreError) -> StoredImage {
        let canonical = Self.canonicalPath(path)
        let fingerprint = try await Self.fingerprint(canonical)
        return try await write { db in try Self.upsertImage(db, path: canonical, fingerprint: fingerprint) }
    }

    /// Saves a question, its answer and the detections parsed from it, in one transaction.
    ///
    /// A complete spatial answer becomes its image's current detection set, replacing the previous one: the
    /// decisions made on the previous set are carried over to the new boxes that match them (same label, IoU
    /// at least 0.5; points within 2% of the image's diagonal), and `SavedAnswer` says how many were carried
    /// and how many had no match.
    @discardableResult
    public func saveAnswer(_ draft: AnswerDraft, detections: [Detection]) async throws(StoreError) -> SavedAnswer {
        let paths = draft.imagePaths.map(Self.canonicalPath)
        var fingerprints: [FileFingerprint] = []
        for path in paths {
            if RemoteImages.isURL(path) {
                fingerprints.append(FileFingerprint(remote: draft.remoteImages.first { $0.url == path }, url: path))
            } else {
                fingerprints.append(try await Self.fingerprint(path))
            }
        }
        let prints = fingerprints
        return try await write { db in
            let image = try Self.upsertImage(db, path: paths[0], fingerprint: prints[0])
            // Ground truth is stored beside the set under review; it neither replaces it nor takes its decisions.
            let replaces = draft.task.isSpatial && draft.isComplete && draft.labelSet?.role != .truth
            let previous = replaces ? try Self.currentDetections(db, imageID: image.id) : []
            try db.execute(
                sql: """
                    INSERT INTO answers (imageId, contentHash, task, question, prompt, text, model, modelVersion, usage,
                        imageWidth, imageHeight, warnings, status, error, finishReason, retries, createdAt, labelSet, role)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    image.id, image.contentHash, draft.task.rawValue, draft.question, draft.prompt, draft.text, draft.model,
                    draft.modelVersion, draft.usage.map(Self.encodeJSON), draft.imageSize.width, draft.imageSize.height,
                    Self.encodeJSON(draft.warnings), draft.isComplete ? "complete" : "incomplete", draft.error,
                    draft.finishReason, draft.retries, draft.createdAt.timeIntervalSince1970, draft.labelSet?.name,
                    draft.labelSet?.role.rawValue ?? "answer",
                ])
            let answerID = db.lastInsertedRowID
            for (position, (path, fingerprint)) in zip(paths, prints).enumerated().dropFirst() {
                let other = try Self.upsertImage(db, path: path, fingerprint: fingerprint)
                try db.execute(sql: "INSERT INTO answer_images (answerId, imageId, position) VALUES (?, ?, ?)",
                               arguments: [answerID, other.id, position])
            }
            if let item = draft.batchItem {
                try db.execute(sql: "UPDATE batch_job_items SET ingestedAt = ? WHERE jobId = ? AND key = ?",
                               arguments: [Date().timeIntervalSince1970, item.jobID, item.key])
            }
            let decided = previous.filter { $0.review != .pending }
            let carried = ReviewCarryOver.match(new: detections, previous: decided, imageSize: draft.imageSize)
            for (index, detection) in detections.enumerated() {
                let review = carried[index]
                try db.execute(
                    sql: """
                        INSERT INTO detections (answerId, imageId, position, label, kind, x0, y0, x1, y1, box2d, pointX, pointY,
                            rawPoint, maskRLE, reviewState, reviewLabel, reviewedAt, score, polygons, isCrowd)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        answerID, image.id, detection.sourceIndex, detection.label, detection.kind.rawValue,
                        detection.box?.x0, detection.box?.y0, detection.box?.x1, detection.box?.y1,
                        detection.box2D.map(Self.encodeJSON), detection.point?.x, detection.point?.y,
                        detection.rawPoint.map(Self.encodeJSON), detection.mask.map { Data(MaskRLE.encode($0)) },
                        review?.review.name ?? ReviewState.pending.name, review?.review.newLabel,
                        review?.reviewedAt?.timeIntervalSince1970, detection.score, detection.polygons.map(Self.encodeJSON),
                        detection.isCrowd ? 1 : 0,
                    ])
            }
            return SavedAnswer(answerID: answerID, contentHash: image.contentHash, replacedCount: previous.count, carriedDecisions: carried.count,
                               droppedDecisions: decided.count - carried.count)
        }
    }

    /// Past questions and answers, newest first; for one image when `imagePath` is given (including questions
    /// about several images that named it). `includingTruth: false` leaves out imported ground truth, which is
    /// kept beside what is under review and never stands for the image's answer (the TUI's answer pane).
    public func history(imagePath: String? = nil, limit: Int = 1000, includingTruth: Bool = true) async throws(StoreError) -> [StoredAnswer] {
        let path = imagePath.map(Self.canonicalPath)
        return try await read { db in
            var sql = """
                SELECT answers.*, images.path AS path,
                       (SELECT COUNT(*) FROM detections WHERE detections.answerId = answers.id) AS detectionCount,
                       (SELECT json_group_array(path) FROM (SELECT others.path AS path FROM answer_images
                            JOIN images AS others ON others.id = answer_images.imageId
                            WHERE answer_images.answerId = answers.id ORDER BY answer_images.position)) AS otherPaths
                FROM answers JOIN images ON images.id = answers.imageId
                """
            var arguments: StatementArguments = []
            var conditions: [String] = []
            if let path {
                conditions.append("""
                    (images.path = ? OR answers.id IN (SELECT answerId FROM answer_images
                        JOIN images AS others ON others.id = answer_images.imageId WHERE others.path = ?))
                    """)
                arguments += [path, path]
            }
            if !includingTruth { conditions.append("answers.role != 'truth'") }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY answers.createdAt DESC, answers.id DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.answer(from:))
        }
    }

    /// The detections of one answer, in the model's order.
    public func detections(answerID: Int64) async throws(StoreError) -> [StoredDetection] {
        try await read { db in
            try Self.fetchDetections(db, where: "detections.answerId = ?", arguments: [answerID])
        }
    }

    /// An image's current detection set: its latest complete spatial answer's detections, which the TUI draws
    /// and reviews and `squint export` exports. Empty when the latest run found nothing.
    public func currentDetections(imagePath: String) async throws(StoreError) -> [StoredDetection] {
        let path = Self.canonicalPath(imagePath)
        return try await read { db in
            guard let imageID = try Int64.fetchOne(db, sql: "SELECT id FROM images WHERE path = ?", arguments: [path]) else { return [] }
            return try Self.currentDetections(db, imageID: imageID)
        }
    }

    /// The detections to export for the given images (all images when nil), with what was left out.
    public func exportSelection(imagePaths: [String]? = nil, selection: ExportSelection = ExportSelection()) async throws(StoreError) -> ExportBatch {
        let paths = imagePaths.map { $0.map(Self.canonicalPath) }
        let all = try await read { db -> [StoredDetection] in
            let scope = selection.allRuns ? "1" : Self.isCurrentDetection
            guard let paths else { return try Self.fetchDetections(db, where: scope, arguments: []) }
            var detections: [StoredDetection] = []
            for path in paths {
                detections += try Self.fetchDetections(db, where: "images.path = ? AND \(scope)", arguments: [path])
            }
            return detections
        }
        return ExportBatch(detections: all, selection: selection)
    }

    /// Paths of every image the store knows, sorted.
    public func knownImagePaths() async throws(StoreError) -> [String] {
        try await read { db in try String.fetchAll(db, sql: "SELECT path FROM images ORDER BY path") }
    }

    // MARK: - Rows

    static func fingerprint(_ path: String) async throws(StoreError) -> FileFingerprint {
        do {
            return try await OffPool.run { try FileFingerprint(path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .unreadableImage(path)
        }
    }

    static func upsertImage(_ db: Database, path: String, fingerprint: FileFingerprint) throws -> StoredImage {
        try db.execute(
            sql: """
                INSERT INTO images (path, contentHash, byteSize, modified) VALUES (?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET contentHash = excluded.contentHash, byteSize = excluded.byteSize, modified = excluded.modified
                """,
            arguments: [path, fingerprint.sha256, fingerprint.byteSize, fingerprint.modified.timeIntervalSince1970])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM images WHERE path = ?", arguments: [path]) else {
            throw StoreError.corruptRow("image \(path)")
        }
        return StoredImage(id: id, path: path, contentHash: fingerprint.sha256, byteSize: fingerprint.byteSize, modified: fingerprint.modified)
    }

    static func currentDetections(_ db: Database, imageID: Int64) throws -> [StoredDetection] {
        try fetchDetections(db, where: "detections.imageId = ? AND \(isCurrentDetection)", arguments: [imageID])
    }

    static func fetchDetections(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [StoredDetection] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT detections.*, images.path AS path, answers.imageWidth AS imageWidth, answers.imageHeight AS imageHeight
            FROM detections
            JOIN answers ON answers.id = detections.answerId
            JOIN images ON images.id = detections.imageId
            WHERE \(condition)
            ORDER BY images.path, answers.createdAt, answers.id, detections.position
            """, arguments: arguments)
        return try rows.map(detection(from:))
    }

    static func detection(from row: Row) throws -> StoredDetection {
        guard let kind = Detection.Kind(rawValue: row["kind"]),
              let review = ReviewState(name: row["reviewState"], label: row["reviewLabel"]) else {
            throw StoreError.corruptRow("detection")
        }
        var box: PixelBox?
        if let x0: Double = row["x0"], let y0: Double = row["y0"], let x1: Double = row["x1"], let y1: Double = row["y1"] {
            box = PixelBox(x0: x0, y0: y0, x1: x1, y1: y1)
        }
        var point: PixelPoint?
        if let x: Double = row["pointX"], let y: Double = row["pointY"] { point = PixelPoint(x: x, y: y) }
        let mask = (row["maskRLE"] as Data?).flatMap { MaskRLE.decode([UInt8]($0)) }
        var detection = Detection(
            label: row["label"], kind: kind, box: box, box2D: decodeJSON([Double].self, row["box2d"]),
            point: point, rawPoint: decodeJSON([Double].self, row["rawPoint"]), mask: mask, sourceIndex: row["position"],
            score: row["score"])
        detection.polygons = decodeJSON([[Double]].self, row["polygons"])
        detection.isCrowd = (row["isCrowd"] as Int?) == 1
        var edited: PixelBox?
        if let x0: Double = row["editedX0"], let y0: Double = row["editedY0"], let x1: Double = row["editedX1"], let y1: Double = row["editedY1"] {
            edited = PixelBox(x0: x0, y0: y0, x1: x1, y1: y1)
        }
        return StoredDetection(
            id: row["id"], answerID: row["answerId"], imagePath: row["path"],
            imageSize: PixelSize(width: row["imageWidth"], height: row["imageHeight"]),
            detection: detection, review: review,
            reviewedAt: (row["reviewedAt"] as Double?).map(Date.init(timeIntervalSince1970:)),
            editedBox: edited, isAddedByPerson: (row["addedByPerson"] as Int?) == 1)
    }

    static func answer(from row: Row) -> StoredAnswer {
        let task = AskTask(rawValue: row["task"]) ?? .question
        let draft = AnswerDraft(
            imagePath: row["path"], otherImagePaths: decodeJSON([String].self, row["otherPaths"]) ?? [], task: task,
            question: row["question"], prompt: row["prompt"] ?? row["question"], text: row["text"], model: row["model"],
            modelVersion: row["modelVersion"], usage: decodeJSON(TokenUsage.self, row["usage"]),
            imageSize: PixelSize(width: row["imageWidth"], height: row["imageHeight"]),
            warnings: decodeJSON([String].self, row["warnings"]) ?? [], isComplete: (row["status"] as String?) != "incomplete",
            error: row["error"], finishReason: row["finishReason"], retries: row["retries"] ?? 0,
            createdAt: Date(timeIntervalSince1970: row["createdAt"]),
            labelSet: (row["labelSet"] as String?).flatMap { name in
                LabelSet.Role(rawValue: row["role"] ?? "").map { LabelSet(name: name, role: $0) }
            })
        return StoredAnswer(id: row["id"], contentHash: row["contentHash"], detectionCount: row["detectionCount"], draft: draft,
                            conversationID: row["conversationId"])
    }

    static func encodeJSON<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
