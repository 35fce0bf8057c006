import Testing
@testable import SquintTUI

/// Long answers are laid out by one background job at a time; the newest wish waits, older ones are dropped,
/// and a finished layout is kept per (answer, width).
@Suite struct AnswerLayoutCacheTests {
    static func key(_ source: Int, bytes: Int, width: Int = 60) -> AnswerLayoutCache.Key {
        AnswerLayoutCache.Key(identity: AnswerContent.Identity(source: .request(source), textBytes: bytes, mode: 0, detail: 0), width: width)
    }

    static func storedKey(_ id: Int64, width: Int) -> AnswerLayoutCache.Key {
        AnswerLayoutCache.Key(identity: AnswerContent.Identity(source: .stored(id), textBytes: 5_000_000, mode: 0, detail: 0), width: width)
    }

    static func job(_ key: AnswerLayoutCache.Key) -> AnswerLayoutCache.Job {
        AnswerLayoutCache.Job(key: key, content: .markdown(earlier: [], question: "q", text: "t", note: nil))
    }

    static let lines = [StyledLine([Span("one")]), StyledLine([Span("two")])]

    @Test func oneJobRunsTheNewestWaitsAndOlderWishesAreDropped() {
        var cache = AnswerLayoutCache()
        let first = Self.key(1, bytes: 100_000), second = Self.key(1, bytes: 120_000), third = Self.key(1, bytes: 140_000)
        #expect(cache.want(Self.job(first))?.key == first)
        #expect(cache.want(Self.job(first)) == nil, "already running")
        #expect(cache.want(Self.job(second)) == nil)
        #expect(cache.want(Self.job(third)) == nil)
        #expect(cache.queued?.key == third)
        // While the newer layout runs, the older lines of the same answer stand in.
        #expect(cache.standIn(for: second) == nil)
        let next = cache.finished(first, lines: Self.lines)
        #expect(next?.key == third, "the newest wish starts next; the one in between is never laid out")
        #expect(cache.standIn(for: third) == Self.lines)
        #expect(cache.standIn(for: Self.key(2, bytes: 140_000)) == nil, "never another answer's lines")
        #expect(cache.standIn(for: Self.key(1, bytes: 140_000, width: 40)) == nil, "never another width's lines")
        #expect(cache.finished(third, lines: Self.lines) == nil)
        #expect(cache.running == nil)
    }

    @Test func aFinishedLayoutIsKeptPerAnswerAndWidth() {
        var cache = AnswerLayoutCache()
        let wide = Self.storedKey(1, width: 80), narrow = Self.storedKey(1, width: 40)
        cache.store(Self.lines, for: wide)
        cache.store([StyledLine([Span("narrow")])], for: narrow)
        #expect(cache.lines(for: wide) == Self.lines)
        #expect(cache.lines(for: narrow)?.first?.text == "narrow")
        #expect(cache.lines(for: Self.storedKey(2, width: 80)) == nil)
        // Coming back to a laid-out answer needs no job.
        _ = cache.want(Self.job(Self.storedKey(3, width: 80)))
        _ = cache.want(Self.job(wide))
        #expect(cache.finished(Self.storedKey(3, width: 80), lines: []) == nil, "the queued layout is already there")
    }

    @Test func aStreamKeepsOnlyItsLatestLayout() {
        var cache = AnswerLayoutCache()
        cache.store(Self.lines, for: Self.key(1, bytes: 10))
        cache.store([StyledLine([Span("later")])], for: Self.key(1, bytes: 20))
        #expect(cache.lines(for: Self.key(1, bytes: 20))?.first?.text == "later")
        #expect(cache.lines(for: Self.key(1, bytes: 10)) == nil, "older layouts of a growing stream are not kept")
    }
}
