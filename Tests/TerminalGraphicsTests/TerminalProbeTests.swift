import Foundation
import Imaging
import Testing
@testable import TerminalGraphics
#if canImport(Glibc)
import Glibc
#endif

/// The probe's I/O against a pseudo-terminal whose other end plays a terminal.
@Suite struct TerminalProbeTests {
    /// A pty pair: `terminal` is the side a terminal emulator holds, `program` the side Squint sees.
    private struct PseudoTerminal {
        let terminal: Int32
        let program: Int32

        init() throws {
            // /dev/ptmx with Linux's unlock (TIOCSPTLCK) and number (TIOCGPTN) ioctls: Glibc's Swift
            // module does not export posix_openpt and friends.
            terminal = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            var unlock: Int32 = 0
            var number: UInt32 = 0
            guard terminal >= 0, ioctl(terminal, 0x4004_5431, &unlock) == 0, ioctl(terminal, 0x8004_5430, &number) == 0 else {
                throw POSIXError(.ENODEV)
            }
            program = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
            guard program >= 0 else { throw POSIXError(.ENODEV) }
        }

        func close() {
            Glibc.close(program)
            Glibc.close(terminal)
        }
    }

    /// Plays a terminal on `fd`: waits for the DA1 query, then answers `chunks` with `pause` between.
    private func answer(on fd: Int32, chunks: [String], pause: UInt32) -> Thread {
        let thread = Thread {
            var seen: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 512)
            while !String(decoding: seen, as: UTF8.self).hasSuffix("\u{1B}[c") {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { return }
                seen += buffer[0..<count]
            }
            for chunk in chunks {
                usleep(pause)
                _ = chunk.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            }
        }
        thread.start()
        return thread
    }

    private func pendingInput(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 50) > 0
    }

    @Test func readsRepliesSplitAcrossWrites() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let text = RecordedReplies.foot
        let middle = text.index(text.startIndex, offsetBy: text.count / 2)
        let player = answer(on: pty.terminal, chunks: [String(text[..<middle]), String(text[middle...])], pause: 20_000)
        let replies = try #require(TerminalProbe.exchange(fd: pty.program, timeoutMilliseconds: 2000))
        #expect(replies.terminalVersion == "foot(1.16.2)")
        #expect(replies.cellPixels == PixelSize(width: 11, height: 22))
        #expect(replies.advertisesSixel)
        #expect(!pendingInput(pty.program))
        _ = player
    }

    @Test func lateRepliesAreDrainedNotLeftForTheKeyboard() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        // The terminal takes 900 ms to answer a probe that waits 600 ms: the replies land in the drain, which
        // waits up to another 600 ms. Wide margins both ways: a loaded CI machine wakes threads late.
        let player = answer(on: pty.terminal, chunks: [RecordedReplies.kitty], pause: 900_000)
        let replies = TerminalProbe.exchange(fd: pty.program, timeoutMilliseconds: 600)
        #expect(replies?.kittyGraphics == true)
        usleep(100_000)
        #expect(!pendingInput(pty.program), "late replies reached the keyboard input")
        _ = player
    }

    @Test func silentTerminalTimesOut() throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let replies = try #require(TerminalProbe.exchange(fd: pty.program, timeoutMilliseconds: 50))
        #expect(replies.primaryAttributes == nil)
        #expect(replies.cellPixels == nil)
    }
}
