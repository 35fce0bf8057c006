extension TUIApp {
    /// Lays out a long answer off the curses thread; the lines come back through the inbox.
    func startAnswerLayout(_ job: AnswerLayoutCache.Job) {
        let inbox = self.inbox, rawKey = state.keymap.hint(.toggleRaw)
        Task.detached(priority: .userInitiated) {
            let lines = AnswerView.lines(job.content, width: job.key.width, rawKey: rawKey)
            inbox.post(.answerLines(job.key, lines))
        }
    }

    /// A background layout arrived: kept for its (answer, width), and the next wanted one starts.
    func answerLaidOut(_ key: AnswerLayoutCache.Key, lines: [StyledLine]) {
        if let next = answerCache.finished(key, lines: lines) { startAnswerLayout(next) }
    }
}
