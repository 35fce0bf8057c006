import Foundation
import GRDB

extension Store {
    /// Sets a detection's review state, remembering the previous one so it can be undone.
    public func setReview(detectionID: Int64, to state: ReviewState, at time: Date = Date()) throws {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT imageId, reviewState, reviewLabel, reviewedAt FROM detections WHERE id = ?", arguments: [detectionID]) else {
                throw StoreError.unknownDetection(detectionID)
            }
            try db.execute(
                sql: """
                    INSERT INTO review_events (detectionId, imageId, fromState, fromLabel, fromAt, toState, toLabel, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [detectionID, row["imageId"] as Int64, row["reviewState"] as String, row["reviewLabel"] as String?,
                            row["reviewedAt"] as Double?, state.name, state.newLabel, time.timeIntervalSince1970])
            try db.execute(
                sql: "UPDATE detections SET reviewState = ?, reviewLabel = ?, reviewedAt = ? WHERE id = ?",
                arguments: [state.name, state.newLabel, state == .pending ? nil : time.timeIntervalSince1970, detectionID])
        }
    }

    /// Undoes the most recent review action on an image that has not been undone yet; nil when there is none.
    @discardableResult
    public func undoLastReview(imagePath: String) throws -> UndoneReview? {
        let path = Self.canonicalPath(imagePath)
        return try pool.write { db in
            guard let event = try Row.fetchOne(db, sql: """
                SELECT review_events.* FROM review_events JOIN images ON images.id = review_events.imageId
                WHERE images.path = ? AND review_events.undone = 0
                ORDER BY review_events.id DESC LIMIT 1
                """, arguments: [path]) else { return nil }
            let detectionID: Int64 = event["detectionId"]
            guard let restored = ReviewState(name: event["fromState"], label: event["fromLabel"]) else {
                throw StoreError.corruptRow("review event")
            }
            try db.execute(sql: "UPDATE detections SET reviewState = ?, reviewLabel = ?, reviewedAt = ? WHERE id = ?",
                           arguments: [restored.name, restored.newLabel, event["fromAt"] as Double?, detectionID])
            try db.execute(sql: "UPDATE review_events SET undone = 1 WHERE id = ?", arguments: [event["id"] as Int64])
            return UndoneReview(detectionID: detectionID, restored: restored)
        }
    }

    /// Every image directly inside `folder` that the store knows, with its answer and review marks.
    public func imageStatuses(inFolder folder: String) throws -> [ImageStatus] {
        let prefix = Self.canonicalPath(folder).hasSuffix("/") ? Self.canonicalPath(folder) : Self.canonicalPath(folder) + "/"
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT images.path AS path,
                    (SELECT COUNT(*) FROM answers WHERE answers.imageId = images.id) AS answerCount,
                    (SELECT COUNT(*) FROM detections WHERE detections.imageId = images.id) AS detectionCount,
                    (SELECT COUNT(*) FROM detections WHERE detections.imageId = images.id AND reviewState = 'pending') AS pendingCount,
                    (SELECT COUNT(*) FROM detections WHERE detections.imageId = images.id AND reviewState IN ('accepted', 'relabelled')) AS acceptedCount
                FROM images WHERE substr(images.path, 1, ?) = ? ORDER BY images.path
                """, arguments: [prefix.unicodeScalars.count, prefix])  // SQLite counts code points
            .filter { !(($0["path"] as String).dropFirst(prefix.count).contains("/")) }
            .map { row in
                ImageStatus(path: row["path"], answerCount: row["answerCount"], detectionCount: row["detectionCount"],
                            pendingCount: row["pendingCount"], acceptedCount: row["acceptedCount"])
            }
        }
    }

    /// The next image (by path, wrapping around) after `path` that still has detections waiting for review,
    /// within `folder` when given. Nil when nothing is pending.
    public func nextImageWithPendingReview(after path: String?, inFolder folder: String? = nil) throws -> String? {
        let candidates: [String] = try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT images.path FROM images JOIN detections ON detections.imageId = images.id
                WHERE detections.reviewState = 'pending' ORDER BY images.path
                """)
        }
        var pending = candidates
        if let folder {
            let prefix = Self.canonicalPath(folder) + "/"
            pending = pending.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
        }
        guard let path else { return pending.first }
        let current = Self.canonicalPath(path)
        return pending.first { $0 > current } ?? pending.first { $0 != current } ?? pending.first
    }
}
