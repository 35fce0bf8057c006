import Testing
@testable import TerminalGraphics

@Suite struct TerminalSanitizerTests {
    @Test func escapesControlCharacters() {
        #expect(TerminalSanitizer.sanitize("a\u{1B}]0;pwned\u{07}b") == "a^[]0;pwned^Gb")
        #expect(TerminalSanitizer.sanitize("x\u{9B}31m") == "x\\u{9B}31m")
        #expect(TerminalSanitizer.sanitize("del\u{7F}") == "del^?")
        #expect(TerminalSanitizer.sanitize("evil\u{202E}gpj.exe") == "evil\\u{202E}gpj.exe")
        #expect(TerminalSanitizer.sanitize("two\nlines") == "two^Jlines")
        #expect(TerminalSanitizer.sanitize("two\nlines", keepNewlines: true) == "two\nlines")
    }

    @Test func leavesOrdinaryTextAlone() {
        let names = ["ロケット 🚀.jpg", "name with spaces.jpg", "café.png"]
        for name in names { #expect(TerminalSanitizer.isClean(name)) }
    }
}
