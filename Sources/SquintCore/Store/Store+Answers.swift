import Foundation
import GRDB
import Imaging

extension Store {
    /// Records (or refreshes) an image: path, SHA-256, size and modification time.
    @discardableResult
    public func registerImage(path: String) throws -> StoredImage {
        let canonical = Self.canonicalPath(path)
        let fingerprint = try FileFingerprint(path: canonical)
        return try pool.write { db in try Self.upsertImage(db, path: canonical, fingerprint: fingerprint) }
    }

    /// Saves a question, its answer and the detections parsed from it, in one transaction.
    /// Returns the answer's id.
    @discardableResult
    public func saveAnswer(_ draft: AnswerDraft, detections: [Detection]) throws -> Int64 {
        let canonical = Self.canonicalPath(draft.imagePath)
        let fingerprint = try FileFingerprint(path: canonical)
        let others = try draft.otherImagePaths.map { path in
            let other = Self.canonicalPath(path)
            return (other, try FileFingerprint(path: other))
        }
        return try pool.write { db in
            let image = try Self.upsertImage(db, path: canonical, fingerprint: fingerprint)
            try db.execute(
                sql: """
                    INSERT INTO answers (imageId, contentHash, task, question, text, model, usage, imageWidth, imageHeight, warnings, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    image.id, image.contentHash, draft.task, draft.question, draft.text, draft.model,
                    draft.usage.map(Self.encodeJSON), draft.imageSize.width, draft.imageSize.height,
                    Self.encodeJSON(draft.warnings), draft.createdAt.timeIntervalSince1970,
                ])
            let answerID = db.lastInsertedRowID
            for (position, (path, otherFingerprint)) in others.enumerated() {
                let other = try Self.upsertImage(db, path: path, fingerprint: otherFingerprint)
                try db.execute(sql: "INSERT INTO answer_images (answerId, imageId, position) VALUES (?, ?, ?)",
                               arguments: [answerID, other.id, position + 1])
            }
            for detection in detections {
                try db.execute(
                    sql: """
                        INSERT INTO detections (answerId, imageId, position, label, kind, x0, y0, x1, y1, box2d, pointX, pointY, rawPoint, maskRLE)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        answerID, image.id, detection.sourceIndex, detection.label, detection.kind.rawValue,
                        detection.box?.x0, detection.box?.y0, detection.box?.x1, detection.box?.y1,
                        detection.box2D.map(Self.encodeJSON), detection.point?.x, detection.point?.y,
                        detection.rawPoint.map(Self.encodeJSON), detection.mask.map { Data(MaskRLE.encode($0)) },
                    ])
            }
            return answerID
        }
    }

    /// Past questions and answers, newest first; for one image when `imagePath` is given.
    public func history(imagePath: String? = nil, limit: Int = 1000) throws -> [StoredAnswer] {
        try pool.read { db in
            var sql = """
                SELECT answers.*, images.path AS path,
                       (SELECT COUNT(*) FROM detections WHERE detections.answerId = answers.id) AS detectionCount,
                       (SELECT json_group_array(path) FROM (SELECT others.path AS path FROM answer_images
                            JOIN images AS others ON others.id = answer_images.imageId
                            WHERE answer_images.answerId = answers.id ORDER BY answer_images.position)) AS otherPaths
                FROM answers JOIN images ON images.id = answers.imageId
                """
            var arguments: StatementArguments = []
            if let imagePath {
                let path = Self.canonicalPath(imagePath)
                sql += """
                     WHERE images.path = ? OR answers.id IN (SELECT answerId FROM answer_images
                        JOIN images AS others ON others.id = answer_images.imageId WHERE others.path = ?)
                    """
                arguments += [path, path]
            }
            sql += " ORDER BY answers.createdAt DESC, answers.id DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.answer(from:))
        }
    }

    /// The detections of one answer, in the model's order.
    public func detections(answerID: Int64) throws -> [StoredDetection] {
        try pool.read { db in
            try Self.fetchDetections(db, where: "detections.answerId = ?", arguments: [answerID])
        }
    }

    /// The detections of the latest answer that has any for an image (what the preview draws).
    public func latestDetections(imagePath: String) throws -> [StoredDetection] {
        try pool.read { db in
            let path = Self.canonicalPath(imagePath)
            guard let answerID = try Int64.fetchOne(db, sql: """
                SELECT answers.id FROM answers JOIN images ON images.id = answers.imageId
                WHERE images.path = ? AND EXISTS (SELECT 1 FROM detections WHERE detections.answerId = answers.id)
                ORDER BY answers.createdAt DESC, answers.id DESC LIMIT 1
                """, arguments: [path]) else { return [] }
            return try Self.fetchDetections(db, where: "detections.answerId = ?", arguments: [answerID])
        }
    }

    /// Every stored detection of the given images (all images when `imagePaths` is nil), for exports.
    public func allDetections(imagePaths: [String]? = nil, acceptedOnly: Bool = false) throws -> [StoredDetection] {
        try pool.read { db in
            var detections: [StoredDetection]
            if let imagePaths {
                detections = []
                for path in imagePaths {
                    detections += try Self.fetchDetections(db, where: "images.path = ?", arguments: [Self.canonicalPath(path)])
                }
            } else {
                detections = try Self.fetchDetections(db, where: "1", arguments: [])
            }
            return acceptedOnly ? detections.filter { $0.review.isAccepted } : detections
        }
    }

    /// Paths of every image the store knows, sorted.
    public func knownImagePaths() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT path FROM images ORDER BY path") }
    }

    // MARK: - Rows

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
        let detection = Detection(
            label: row["label"], kind: kind, box: box, box2D: decodeJSON([Double].self, row["box2d"]),
            point: point, rawPoint: decodeJSON([Double].self, row["rawPoint"]), mask: mask, sourceIndex: row["position"])
        return StoredDetection(
            id: row["id"], answerID: row["answerId"], imagePath: row["path"],
            imageSize: PixelSize(width: row["imageWidth"], height: row["imageHeight"]),
            detection: detection, review: review,
            reviewedAt: (row["reviewedAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    static func answer(from row: Row) -> StoredAnswer {
        StoredAnswer(
            id: row["id"], imagePath: row["path"], otherImagePaths: decodeJSON([String].self, row["otherPaths"]) ?? [],
            contentHash: row["contentHash"], task: row["task"],
            question: row["question"], text: row["text"], model: row["model"],
            usage: decodeJSON(TokenUsage.self, row["usage"]),
            imageSize: PixelSize(width: row["imageWidth"], height: row["imageHeight"]),
            warnings: decodeJSON([String].self, row["warnings"]) ?? [],
            createdAt: Date(timeIntervalSince1970: row["createdAt"]), detectionCount: row["detectionCount"])
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
