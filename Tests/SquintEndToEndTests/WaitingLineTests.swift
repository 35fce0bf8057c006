@testable import GeminiAPI
import SquintCore
import Testing
@testable import squint

/// The wording of the line on stderr while waiting, fed events and a clock.
@Suite struct WaitingLineTests {
    @Test func followsTheAskFromPreparingToTheFirstWord() {
        var line = WaitingLine(model: "gemini-2.5-flash", started: 100, maxAttempts: 5)
        #expect(line.text(now: 100)?.hasSuffix("preparing the images for gemini-2.5-flash… 0.0 s") == true)
        line.apply(.uploading(image: "/photos/big.jpg", bytes: 12_300_000), now: 100.5)
        #expect(line.text(now: 101)?.hasSuffix("uploading big.jpg (12.3 MB)… 1.0 s") == true)
        line.apply(.planned(model: "gemini-2.5-pro", images: []), now: 102)
        #expect(line.text(now: 103.24)?.hasSuffix("asking gemini-2.5-pro… 3.2 s") == true, "the model actually asked")
        line.apply(.text("A cup"), now: 104)
        #expect(line.text(now: 104) == nil)
    }

    @Test func aRetryCountsDownAndNamesTheReason() {
        var line = WaitingLine(model: "m", started: 0, maxAttempts: 5)
        line.apply(.planned(model: "m", images: []), now: 0)
        let overloaded = GeminiError(.http(status: 503, rpc: nil, body: nil))
        line.apply(.retrying(attempt: 1, delay: .seconds(4), error: overloaded), now: 10)
        #expect(line.text(now: 10)?.hasSuffix("retry 2/5 in 4 s (503 overloaded) · 10.0 s") == true, "\(line.text(now: 10) ?? "")")
        #expect(line.text(now: 12.5)?.contains("retry 2/5 in 2 s") == true)
        #expect(line.text(now: 14.1)?.hasSuffix("asking m again… 14.1 s") == true)
    }

    @Test func anImageByURLSaysItIsFetchingWithoutTheQuery() {
        var line = WaitingLine(model: "m", started: 0)
        line.apply(.fetchingImage(url: "https://bucket.example/frames/2026/cat.jpg?X-Amz-Signature=secret"), now: 0)
        #expect(line.text(now: 1.5)?.hasSuffix("fetching bucket.example/…/cat.jpg… 1.5 s") == true, "\(line.text(now: 1.5) ?? "")")
        #expect(ProgressWords.shortURL("https://example.com/a.jpg") == "example.com/a.jpg")
        #expect(ProgressWords.shortURL("https://example.com") == "example.com")
        #expect(ProgressWords.shortURL("https://h.example/%1B%5D0;x%07.jpg?sig=1") == "h.example/%1B%5D0;x%07.jpg", "an encoded escape stays text")
        #expect(ProgressWords.shortURL("not a url?secret=1") == "not a url", "no query even when it does not parse")
        line.apply(.planned(model: "m", images: []), now: 2)
        #expect(line.text(now: 2)?.contains("asking m") == true)
    }
}
