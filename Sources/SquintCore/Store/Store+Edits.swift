import Foundation
import GRDB
import Imaging

/// A person's changes beyond decisions: moved and resized boxes, boxes drawn by hand, decisions on many
/// detections at once, and the counts a review queue shows. Every change is a `review_events` row, so `u` in the
/// TUI and `squint review --undo` take it back like an accept:
///
/// - a box edit keeps the states it had (`fromState`/`toState`; a pending or rejected box becomes accepted, a
///   person who fixed it has judged it) and records the boxes: `fromBox` is the person's box before the edit,
///   NULL when the model's box stood, `toBox` the new one, both JSON `[x0, y0, x1, y1]`. Undo puts `fromBox`
///   back (NULL: the model's box again).
/// - an added box is a detection on the image's current answer with `addedByPerson = 1`, accepted, and one
///   event whose `fromState` is `absent` (it did not exist), `toState` `accepted`, `toBox` its box. Undo of that
///   event deletes the detection.
/// - accept-all and reject-all write one event per detection, in one transaction and with the same time; the
///   store undoes them one at a time (`undoLastReview`), or as the group the TUI remembers (`undoReviews`).
extension Store {
    /// `review_events.fromState` of an added box: nothing was there before.
    static let absentState = "absent"

    /// Moves or resizes a detection's box (kept inside the image) as a review event that can be undone; returns
    /// the detection as stored now.
    @discardableResult
    public func editBox(detectionID: Int64, to box: PixelBox, at time: Date = Date()) async throws(StoreError) -> StoredDetection {
        try await write { db in
            guard let stored = try Self.fetchDetections(db, where: "detections.id = ?", arguments: [detectionID]).first else {
                throw StoreError.unknownDetection(detectionID)
            }
            let clamped = box.clamped(to: stored.imageSize)
            let state: ReviewState = stored.review.isAccepted ? stored.review : .accepted
            try db.execute(
                sql: """
                    INSERT INTO review_events (detectionId, imageId, fromState, fromLabel, fromAt, toState, toLabel, at, fromBox, toBox)
                    VALUES (?, (SELECT imageId FROM detections WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [detectionID, detectionID, stored.review.name, stored.review.newLabel,
                            stored.reviewedAt?.timeIntervalSince1970, state.name, state.newLabel, time.timeIntervalSince1970,
                            stored.editedBox.map(Self.boxJSON), Self.boxJSON(clamped)])
            try db.execute(
                sql: """
                    UPDATE detections SET editedX0 = ?, editedY0 = ?, editedX1 = ?, editedY1 = ?, reviewState = ?, reviewLabel = ?,
                        reviewedAt = ? WHERE id = ?
                    """,
                arguments: [clamped.x0, clamped.y0, clamped.x1, clamped.y1, state.name, state.newLabel, time.timeIntervalSince1970, detectionID])
            var edited = stored
            edited.editedBox = clamped
            edited.review = state
            edited.reviewedAt = time
            return edited
        }
    }

    /// Adds a box a person drew to the image's current detection set, accepted, as a review event whose undo
    /// removes it. Fails when the image has no current set (nothing asked or imported yet).
    @discardableResult
    public func addDetection(imagePath: String, label: String, box: PixelBox, at time: Date = Date()) async throws(StoreError) -> StoredDetection {
        let path = Self.canonicalPath(imagePath)
        return try await write { db in
            guard let answer = try Row.fetchOne(db, sql: """
                SELECT answers.id AS id, answers.imageId AS imageId, answers.imageWidth AS width, answers.imageHeight AS height
                FROM answers JOIN images ON images.id = answers.imageId
                WHERE images.path = ? AND answers.task IN ('detect', 'segment', 'point') AND answers.status = 'complete'
                  AND answers.role != 'truth'
                ORDER BY answers.createdAt DESC, answers.id DESC LIMIT 1
                """, arguments: [path]) else { throw StoreError.noDetectionSet(path) }
            let answerID: Int64 = answer["id"], imageID: Int64 = answer["imageId"]
            let clamped = box.clamped(to: PixelSize(width: answer["width"], height: answer["height"]))
            let position = (try Int.fetchOne(db, sql: "SELECT MAX(position) FROM detections WHERE answerId = ?", arguments: [answerID]) ?? -1) + 1
            try db.execute(
                sql: """
                    INSERT INTO detections (answerId, imageId, position, label, kind, x0, y0, x1, y1, reviewState, reviewedAt, addedByPerson)
                    VALUES (?, ?, ?, ?, 'box', ?, ?, ?, ?, 'accepted', ?, 1)
                    """,
                arguments: [answerID, imageID, position, label, clamped.x0, clamped.y0, clamped.x1, clamped.y1, time.timeIntervalSince1970])
            let detectionID = db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO review_events (detectionId, imageId, fromState, toState, at, toBox)
                    VALUES (?, ?, ?, 'accepted', ?, ?)
                    """,
                arguments: [detectionID, imageID, Self.absentState, time.timeIntervalSince1970, Self.boxJSON(clamped)])
            guard let added = try Self.fetchDetections(db, where: "detections.id = ?", arguments: [detectionID]).first else {
                throw StoreError.corruptRow("detection")
            }
            return added
        }
    }

    /// Sets many detections' review state in one transaction, one event each (accept-all, reject-all).
    public func setReviews(detectionIDs: [Int64], to state: ReviewState, at time: Date = Date()) async throws(StoreError) {
        guard !detectionIDs.isEmpty else { return }
        try await write { db in
            for id in detectionIDs { try Self.recordReview(db, detectionID: id, to: state, at: time) }
        }
    }

    /// Accept-all or reject-all from the command line: every detection of the image's current set still
    /// pending gets `state` (decisions already made stand). Returns the ids changed, in the set's order.
    @discardableResult
    public func setPendingReviews(imagePath: String, to state: ReviewState, at time: Date = Date()) async throws(StoreError) -> [Int64] {
        let path = Self.canonicalPath(imagePath)
        return try await write { db in
            guard let imageID = try Int64.fetchOne(db, sql: "SELECT id FROM images WHERE path = ?", arguments: [path]) else { return [] }
            let ids = try Self.currentDetections(db, imageID: imageID).filter { $0.review == .pending }.map(\.id)
            for id in ids { try Self.recordReview(db, detectionID: id, to: state, at: time) }
            return ids
        }
    }

    /// Takes back the latest event standing on each of these detections, in one transaction, latest given
    /// first: the TUI's undo of an accept-all. Detections with nothing to undo are skipped.
    public func undoReviews(detectionIDs: [Int64]) async throws(StoreError) -> [UndoneReview] {
        try await write { db in
            var undone: [UndoneReview] = []
            for id in detectionIDs.reversed() {
                guard let event = try Row.fetchOne(db, sql: """
                    SELECT * FROM review_events WHERE detectionId = ? AND undone = 0 ORDER BY id DESC LIMIT 1
                    """, arguments: [id]) else { continue }
                undone.append(try Self.takeBack(event, in: db))
            }
            return undone
        }
    }

    /// The review queue's counts over the current sets of the images directly inside `folder`.
    public func reviewCounts(inFolder folder: String) async throws(StoreError) -> ReviewCounts {
        let canonical = Self.canonicalPath(folder)
        let prefix = canonical.hasSuffix("/") ? canonical : canonical + "/"
        return try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT images.path AS path,
                    SUM(detections.reviewState = 'pending') AS pending,
                    SUM(detections.reviewState IN ('accepted', 'relabelled')) AS accepted,
                    SUM(detections.reviewState = 'rejected') AS rejected,
                    SUM(detections.reviewState = 'relabelled') AS relabelled,
                    SUM(detections.editedX0 IS NOT NULL) AS edited,
                    SUM(detections.addedByPerson = 1) AS added
                FROM images JOIN detections ON detections.imageId = images.id
                WHERE substr(images.path, 1, ?) = ? AND \(Self.isCurrentDetection)
                GROUP BY images.id
                """, arguments: [prefix.unicodeScalars.count, prefix])
            var counts = ReviewCounts()
            for row in rows where !(row["path"] as String).dropFirst(prefix.count).contains("/") {
                let pending: Int = row["pending"]
                counts.images += 1
                if pending == 0 { counts.imagesReviewed += 1 }
                counts.pending += pending
                counts.accepted += row["accepted"] as Int
                counts.rejected += row["rejected"] as Int
                counts.relabelled += row["relabelled"] as Int
                counts.edited += row["edited"] as Int
                counts.added += row["added"] as Int
            }
            return counts
        }
    }

    // MARK: - Rows

    static func recordReview(_ db: Database, detectionID: Int64, to state: ReviewState, at time: Date) throws {
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

    /// `[x0, y0, x1, y1]`, the form `review_events.fromBox`/`toBox` hold.
    static func boxJSON(_ box: PixelBox) -> String { encodeJSON(box.corners) }

    static func box(fromJSON text: String?) -> PixelBox? {
        guard let corners = decodeJSON([Double].self, text), corners.count == 4 else { return nil }
        return PixelBox(x0: corners[0], y0: corners[1], x1: corners[2], y1: corners[3])
    }
}
