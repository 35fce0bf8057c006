import GRDB

extension Store {
    /// Versioned schema. Never edit a registered migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE images (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    path TEXT NOT NULL UNIQUE,
                    contentHash TEXT NOT NULL,
                    byteSize INTEGER NOT NULL,
                    modified DOUBLE NOT NULL
                );
                CREATE TABLE answers (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    imageId INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                    contentHash TEXT NOT NULL,
                    task TEXT NOT NULL,
                    question TEXT NOT NULL,
                    text TEXT NOT NULL,
                    model TEXT NOT NULL,
                    usage TEXT,
                    imageWidth INTEGER NOT NULL,
                    imageHeight INTEGER NOT NULL,
                    warnings TEXT NOT NULL DEFAULT '[]',
                    createdAt DOUBLE NOT NULL
                );
                CREATE INDEX answers_image ON answers(imageId, createdAt);
                CREATE TABLE detections (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    answerId INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
                    imageId INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    x0 DOUBLE, y0 DOUBLE, x1 DOUBLE, y1 DOUBLE,
                    box2d TEXT,
                    pointX DOUBLE, pointY DOUBLE,
                    rawPoint TEXT,
                    maskRLE BLOB,
                    reviewState TEXT NOT NULL DEFAULT 'pending',
                    reviewLabel TEXT,
                    reviewedAt DOUBLE
                );
                CREATE INDEX detections_image ON detections(imageId, reviewState);
                CREATE INDEX detections_answer ON detections(answerId, position);
                CREATE TABLE review_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    detectionId INTEGER NOT NULL REFERENCES detections(id) ON DELETE CASCADE,
                    imageId INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                    fromState TEXT NOT NULL,
                    fromLabel TEXT,
                    fromAt DOUBLE,
                    toState TEXT NOT NULL,
                    toLabel TEXT,
                    at DOUBLE NOT NULL,
                    undone INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX review_events_image ON review_events(imageId, undone, id);
                CREATE TABLE uploads (
                    sha256 TEXT NOT NULL,
                    mimeType TEXT NOT NULL,
                    name TEXT NOT NULL,
                    uri TEXT NOT NULL,
                    expiresAt DOUBLE,
                    createdAt DOUBLE NOT NULL,
                    PRIMARY KEY (sha256, mimeType)
                );
                """)
        }
        // Questions about several images at once: the answer row names the first, this table the others.
        migrator.registerMigration("v2-answer-images") { db in
            try db.execute(sql: """
                CREATE TABLE answer_images (
                    answerId INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
                    imageId INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (answerId, position)
                );
                CREATE INDEX answer_images_image ON answer_images(imageId);
                """)
        }
        // The person's words apart from the prompt sent; answers that broke off; what answered and how.
        migrator.registerMigration("v3-answer-status") { db in
            try db.execute(sql: """
                ALTER TABLE answers ADD COLUMN prompt TEXT;
                ALTER TABLE answers ADD COLUMN modelVersion TEXT;
                ALTER TABLE answers ADD COLUMN status TEXT NOT NULL DEFAULT 'complete';
                ALTER TABLE answers ADD COLUMN error TEXT;
                ALTER TABLE answers ADD COLUMN finishReason TEXT;
                ALTER TABLE answers ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX answers_current ON answers(imageId, task, status, createdAt);
                """)
            // Earlier versions saved the spatial prompt template as the question: keep it as the prompt and
            // recover what the person asked for ("cups") as the question.
            let rows = try Row.fetchAll(db, sql: "SELECT id, task, question FROM answers")
            for row in rows {
                let question: String = row["question"]
                let task = AskTask(rawValue: row["task"]) ?? .question
                let words = TaskPrompt.subject(ofPrompt: question, task: task) ?? question
                try db.execute(sql: "UPDATE answers SET prompt = ?, question = ? WHERE id = ?",
                               arguments: [question, words, row["id"] as Int64])
            }
        }
        // Gemini Batch API jobs: recorded before polling, with the key of every request and the image it asks
        // about, so a later process (`squint batch resume`) can ingest the results.
        migrator.registerMigration("v4-batch-jobs") { db in
            try db.execute(sql: """
                CREATE TABLE batch_jobs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT UNIQUE,
                    model TEXT NOT NULL,
                    task TEXT NOT NULL,
                    prompt TEXT NOT NULL,
                    spec TEXT NOT NULL,
                    state TEXT NOT NULL,
                    requestCount INTEGER NOT NULL,
                    succeededCount INTEGER NOT NULL DEFAULT 0,
                    failedCount INTEGER NOT NULL DEFAULT 0,
                    error TEXT,
                    createdAt DOUBLE NOT NULL,
                    updatedAt DOUBLE NOT NULL,
                    ingestedAt DOUBLE
                );
                CREATE TABLE batch_job_items (
                    jobId INTEGER NOT NULL REFERENCES batch_jobs(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    path TEXT NOT NULL,
                    imageWidth INTEGER NOT NULL,
                    imageHeight INTEGER NOT NULL,
                    estimatedTokens INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (jobId, key)
                );
                CREATE INDEX batch_job_items_path ON batch_job_items(path);
                CREATE INDEX answers_task_prompt ON answers(task, model, prompt);
                """)
        }
        // Imported label sets (predictions to review, or ground truth), scores, and a person's box edits and
        // added boxes, each a review event that can be undone.
        migrator.registerMigration("v5-label-sets-and-edits") { db in
            try db.execute(sql: """
                ALTER TABLE answers ADD COLUMN labelSet TEXT;
                ALTER TABLE answers ADD COLUMN role TEXT NOT NULL DEFAULT 'answer';
                ALTER TABLE detections ADD COLUMN score DOUBLE;
                ALTER TABLE detections ADD COLUMN editedX0 DOUBLE;
                ALTER TABLE detections ADD COLUMN editedY0 DOUBLE;
                ALTER TABLE detections ADD COLUMN editedX1 DOUBLE;
                ALTER TABLE detections ADD COLUMN editedY1 DOUBLE;
                ALTER TABLE detections ADD COLUMN addedByPerson INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE review_events ADD COLUMN fromBox TEXT;
                ALTER TABLE review_events ADD COLUMN toBox TEXT;
                CREATE INDEX answers_label_set ON answers(labelSet, role);
                """)
        }
        // Gemini 3's polygon masks, kept as polygons (the filled plane is in maskRLE) for COCO's polygon form.
        migrator.registerMigration("v6-mask-polygons") { db in
            try db.execute(sql: "ALTER TABLE detections ADD COLUMN polygons TEXT")
        }
        // Conversations: follow-up questions about the same images, each turn with the model's parts exactly as
        // they came (thought signatures included), so a later process can continue the thread.
        migrator.registerMigration("v7-conversations") { db in
            try db.execute(sql: """
                CREATE TABLE conversations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    model TEXT NOT NULL,
                    imagePaths TEXT NOT NULL,
                    createdAt DOUBLE NOT NULL,
                    updatedAt DOUBLE NOT NULL
                );
                CREATE TABLE conversation_turns (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    conversationId INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    prompt TEXT NOT NULL,
                    modelParts TEXT NOT NULL,
                    answerId INTEGER REFERENCES answers(id) ON DELETE SET NULL,
                    createdAt DOUBLE NOT NULL
                );
                CREATE INDEX conversation_turns_order ON conversation_turns(conversationId, position);
                ALTER TABLE answers ADD COLUMN conversationId INTEGER;
                """)
        }
        // COCO crowd regions kept as such when truth is imported (eval ignores detections inside them, as
        // pycocotools does), and Batch API results marked one by one as they are ingested, so an interrupted
        // `squint batch resume` never stores an answer twice.
        migrator.registerMigration("v8-crowds-and-ingested-items") { db in
            try db.execute(sql: """
                ALTER TABLE detections ADD COLUMN isCrowd INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE batch_job_items ADD COLUMN ingestedAt DOUBLE;
                """)
        }
        return migrator
    }

    /// The SQL condition that picks a detection's image's current set: the detections of its latest complete
    /// spatial answer. Earlier runs stay in history but are not reviewed or exported (unless asked for).
    static let isCurrentDetection = """
        detections.answerId = (SELECT current.id FROM answers AS current
            WHERE current.imageId = detections.imageId AND current.task IN ('detect', 'segment', 'point')
              AND current.status = 'complete' AND current.role != 'truth'
            ORDER BY current.createdAt DESC, current.id DESC LIMIT 1)
        """
}
