import Foundation
import GRDB

extension Store {
    /// Sets a detection's review state, remembering the previous one so it can be undone.
    public func setReview(detectionID: Int64, to state: ReviewState, at time: Date = Date()) async throws(StoreError) {
        try await write { db in try Self.recordReview(db, detectionID: detectionID, to: state, at: time) }
    }

    /// Takes back the latest decision still standing on one detection (the one a person sees); nil when it
    /// has none.
    @discardableResult
    public func undoReview(detectionID: Int64) async throws(StoreError) -> UndoneReview? {
        try await undo(where: "review_events.detectionId = ?", arguments: [detectionID])
    }

    /// Takes back the most recent decision still standing on an image's current detection set; nil when none.
    @discardableResult
    public func undoLastReview(imagePath: String) async throws(StoreError) -> UndoneReview? {
        let path = Self.canonicalPath(imagePath)
        return try await undo(where: """
            review_events.imageId = (SELECT id FROM images WHERE path = ?) AND review_events.detectionId IN
                (SELECT detections.id FROM detections WHERE detections.imageId = review_events.imageId AND \(Self.isCurrentDetection))
            """, arguments: [path])
    }

    private func undo(where condition: String, arguments: StatementArguments) async throws(StoreError) -> UndoneReview? {
        try await write { db in
            guard let event = try Row.fetchOne(db, sql: """
                SELECT review_events.* FROM review_events WHERE \(condition) AND review_events.undone = 0
                ORDER BY review_events.id DESC LIMIT 1
                """, arguments: arguments) else { return nil }
            return try Self.takeBack(event, in: db)
        }
    }

    /// Takes back one review event: a decision restores the state before it, a box edit the box before it
    /// (see `Store+Edits`), and an addition (`fromState` is `absent`) deletes the added detection, its events
    /// going with it.
    static func takeBack(_ event: Row, in db: Database) throws -> UndoneReview {
        let detectionID: Int64 = event["detectionId"]
        guard let undone = ReviewState(name: event["toState"], label: event["toLabel"]) else {
            throw StoreError.corruptRow("review event")
        }
        if (event["fromState"] as String) == Self.absentState {
            try db.execute(sql: "DELETE FROM detections WHERE id = ?", arguments: [detectionID])
            return UndoneReview(detectionID: detectionID, restored: .pending, undone: undone, change: .addition)
        }
        guard let restored = ReviewState(name: event["fromState"], label: event["fromLabel"]) else {
            throw StoreError.corruptRow("review event")
        }
        try db.execute(sql: "UPDATE detections SET reviewState = ?, reviewLabel = ?, reviewedAt = ? WHERE id = ?",
                       arguments: [restored.name, restored.newLabel, event["fromAt"] as Double?, detectionID])
        var change = UndoneReview.Change.decision
        if (event["toBox"] as String?) != nil {
            let box = Self.box(fromJSON: event["fromBox"])
            try db.execute(sql: "UPDATE detections SET editedX0 = ?, editedY0 = ?, editedX1 = ?, editedY1 = ? WHERE id = ?",
                           arguments: [box?.x0, box?.y0, box?.x1, box?.y1, detectionID])
            change = .boxEdit(restoredBox: box)
        }
        try db.execute(sql: "UPDATE review_events SET undone = 1 WHERE id = ?", arguments: [event["id"] as Int64])
        return UndoneReview(detectionID: detectionID, restored: restored, undone: undone, change: change)
    }

    /// Every image directly inside `folder` that the store knows, with its answer and review marks (an image
    /// asked about together with others counts as answered; review counts are of its current set).
    public func imageStatuses(inFolder folder: String) async throws(StoreError) -> [ImageStatus] {
        let canonical = Self.canonicalPath(folder)
        let prefix = canonical.hasSuffix("/") ? canonical : canonical + "/"
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT images.path AS path,
                    (SELECT COUNT(*) FROM answers WHERE answers.imageId = images.id)
                      + (SELECT COUNT(*) FROM answer_images WHERE answer_images.imageId = images.id) AS answerCount,
                    (SELECT COUNT(*) FROM detections WHERE detections.imageId = images.id AND \(Self.isCurrentDetection)) AS detectionCount,
                    (SELECT COUNT(*) FROM detections WHERE detections.imageId = images.id AND reviewState = 'pending' AND \(Self.isCurrentDetection)) AS pendingCount,
                    (SELECT COUNT(*) FROM detections WHERE detections.imageId = images.id AND reviewState IN ('accepted', 'relabelled') AND \(Self.isCurrentDetection)) AS acceptedCount
                FROM images WHERE substr(images.path, 1, ?) = ? ORDER BY images.path
                """, arguments: [prefix.unicodeScalars.count, prefix])  // SQLite counts code points
            .filter { !(($0["path"] as String).dropFirst(prefix.count).contains("/")) }
            .map { row in
                ImageStatus(path: row["path"], answerCount: row["answerCount"], detectionCount: row["detectionCount"],
                            pendingCount: row["pendingCount"], acceptedCount: row["acceptedCount"])
            }
        }
    }

    /// The next image (by path, wrapping around) after `path` whose current set still has detections waiting
    /// for review, within `folder` when given. Nil when nothing is pending.
    public func nextImageWithPendingReview(after path: String?, inFolder folder: String? = nil) async throws(StoreError) -> String? {
        let candidates: [String] = try await read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT images.path FROM images JOIN detections ON detections.imageId = images.id
                WHERE detections.reviewState = 'pending' AND \(Self.isCurrentDetection) ORDER BY images.path
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
