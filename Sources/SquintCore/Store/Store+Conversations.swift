import Foundation
import GeminiAPI
import GRDB

extension Store {
    /// Starts a conversation about `imagePaths` with its first turn; returns its id.
    public func startConversation(model: String, imagePaths: [String], first turn: Conversation.Turn, at time: Date = Date()) async throws(StoreError) -> Int64 {
        let paths = imagePaths.map(Self.canonicalPath)
        return try await write { db in
            try db.execute(sql: "INSERT INTO conversations (model, imagePaths, createdAt, updatedAt) VALUES (?, ?, ?, ?)",
                           arguments: [model, Self.encodeJSON(paths), time.timeIntervalSince1970, time.timeIntervalSince1970])
            let id = db.lastInsertedRowID
            try Self.insertTurn(db, conversation: id, position: 0, turn: turn, at: time)
            return id
        }
    }

    /// Adds the next turn to conversation `id`.
    public func appendTurn(_ turn: Conversation.Turn, to id: Int64, at time: Date = Date()) async throws(StoreError) {
        try await write { db in
            let position = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conversation_turns WHERE conversationId = ?", arguments: [id]) ?? 0
            try Self.insertTurn(db, conversation: id, position: position, turn: turn, at: time)
            try db.execute(sql: "UPDATE conversations SET updatedAt = ? WHERE id = ?", arguments: [time.timeIntervalSince1970, id])
        }
    }

    /// Conversation `id` with its turns in order; nil when there is none.
    public func conversation(id: Int64) async throws(StoreError) -> Conversation? {
        try await read { db in try Self.conversation(db, id: id) }
    }

    /// The conversation touched last (`squint ask --continue`).
    public func latestConversation() async throws(StoreError) -> Conversation? {
        try await read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM conversations ORDER BY updatedAt DESC, id DESC LIMIT 1") else { return nil }
            return try Self.conversation(db, id: id)
        }
    }

    /// The latest conversation about exactly these images (the TUI continues an image's thread).
    public func latestConversation(imagePaths: [String]) async throws(StoreError) -> Conversation? {
        let paths = Self.encodeJSON(imagePaths.map(Self.canonicalPath))
        return try await read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM conversations WHERE imagePaths = ? ORDER BY updatedAt DESC, id DESC LIMIT 1",
                                              arguments: [paths]) else { return nil }
            return try Self.conversation(db, id: id)
        }
    }

    private static func insertTurn(_ db: Database, conversation: Int64, position: Int, turn: Conversation.Turn, at time: Date) throws {
        try db.execute(
            sql: "INSERT INTO conversation_turns (conversationId, position, prompt, modelParts, answerId, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [conversation, position, turn.prompt, encodeJSON(turn.modelParts), turn.answerID, time.timeIntervalSince1970])
        if let answer = turn.answerID {
            try db.execute(sql: "UPDATE answers SET conversationId = ? WHERE id = ?", arguments: [conversation, answer])
        }
    }

    private static func conversation(_ db: Database, id: Int64) throws -> Conversation? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM conversations WHERE id = ?", arguments: [id]) else { return nil }
        let turns = try Row.fetchAll(db, sql: "SELECT * FROM conversation_turns WHERE conversationId = ? ORDER BY position", arguments: [id]).map { turn in
            Conversation.Turn(prompt: turn["prompt"], modelParts: decodeJSON([GeminiAPI.Part].self, turn["modelParts"]) ?? [], answerID: turn["answerId"])
        }
        return Conversation(id: id, model: row["model"], imagePaths: decodeJSON([String].self, row["imagePaths"]) ?? [], turns: turns,
                            updatedAt: Date(timeIntervalSince1970: row["updatedAt"]))
    }
}
