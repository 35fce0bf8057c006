import Foundation
import Imaging
import Testing
@testable import TerminalGraphics

@Suite struct KittyGraphicsTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func chunksCarryAtMost4096Base64Bytes() throws {
        let bitmap = TestSupport.syntheticPhoto(width: 64, height: 48)  // 12288 bytes → 16384 base64
        let sequences = KittyGraphics.transmit(.rgba(bitmap), id: 42, cells: CellSize(columns: 7, rows: 3))
        #expect(sequences.count == 4)
        var payload: [UInt8] = []
        for (index, sequence) in sequences.enumerated() {
            let string = text(sequence)
            #expect(string.hasPrefix("\u{1B}_G") && string.hasSuffix("\u{1B}\\"))
            let parts = string.dropFirst(3).dropLast(2).split(separator: ";", maxSplits: 1)
            let keys = parts[0], data = parts[1]
            #expect(data.utf8.count <= KittyGraphics.chunkSize)
            #expect(keys.hasSuffix(index == sequences.count - 1 ? "m=0" : "m=1"))
            if index == 0 {
                for key in ["a=T", "q=2", "i=42", "f=32", "s=64", "v=48", "c=7", "r=3"] {
                    #expect(keys.split(separator: ",").contains(Substring(key)), "missing \(key)")
                }
            } else {
                #expect(!keys.contains("i="))
            }
            payload += Array(data.utf8)
        }
        #expect(Data(base64Encoded: Data(payload)).map([UInt8].init) == bitmap.pixels)
    }

    @Test func pngPayloadAndDeletion() {
        let sequences = KittyGraphics.transmit(.png([1, 2, 3, 4], size: PixelSize(width: 2, height: 1)), id: 7, cells: CellSize(columns: 1, rows: 1))
        #expect(sequences.count == 1)
        #expect(text(sequences[0]) == "\u{1B}_Ga=T,q=2,i=7,f=100,s=2,v=1,c=1,r=1,m=0;AQIDBA==\u{1B}\\")
        #expect(text(KittyGraphics.delete(id: 7)) == "\u{1B}_Ga=d,d=I,i=7,q=2\u{1B}\\")
    }

    @Test func placeholdersEncodeIdRowsAndColumns() {
        let rows = KittyGraphics.placeholderRows(id: 0x01_02_03, cells: CellSize(columns: 3, rows: 2)).map(text)
        #expect(rows.count == 2)
        for row in rows {
            #expect(row.hasPrefix("\u{1B}[38;2;1;2;3m") && row.hasSuffix("\u{1B}[39m"))
            #expect(!row.contains("\n") && !row.contains("\r"))
        }
        let secondRow = Array(rows[1].dropFirst("\u{1B}[38;2;1;2;3m".count).dropLast("\u{1B}[39m".count).unicodeScalars)
        #expect(secondRow.count == 9)
        #expect(secondRow[0].value == 0x10EEEE && secondRow[1].value == 0x030D && secondRow[2].value == 0x0305)
        #expect(secondRow[6].value == 0x10EEEE && secondRow[8].value == 0x030E)
    }

    @Test func placeholderRowsArePositionedAtThePicturesColumn() throws {
        let bitmap = Bitmap(width: 20, height: 40, fill: RGBA(1, 2, 3))
        let output = try KittyRenderer(imageID: 9, throughTmux: true)
            .render(bitmap, area: CellSize(columns: 10, rows: 10), cellSize: PixelSize(width: 10, height: 20))
        #expect(output.placeholderRows.count == 2)
        let placed = text(output.placed(atColumn: 30, row: 4))
        #expect(placed.hasPrefix("\u{1B}[5;31H"))
        #expect(placed.contains("\u{1B}[6;31H\u{1B}[38;2;0;0;9m"))
        #expect(!placed.contains("\r\n"))
        let inline = text(output.inline())
        #expect(inline.contains("\u{1B}[2D\u{1B}D\u{1B}[38;2;0;0;9m"))
        #expect(!inline.contains("\n"))
    }

    @Test func rendererInTmuxWrapsAndUsesVirtualPlacement() throws {
        let bitmap = Bitmap(width: 20, height: 40, fill: RGBA(1, 2, 3))
        let output = try KittyRenderer(imageID: 9, throughTmux: true)
            .render(bitmap, area: CellSize(columns: 10, rows: 10), cellSize: PixelSize(width: 10, height: 20))
        let string = text(output.bytes)
        #expect(string.hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}_Ga=T,q=2,i=9"))
        #expect(string.contains(",U=1,"))
        #expect(output.cells == CellSize(columns: 2, rows: 2))
        #expect(text(output.eraseBytes) == "\u{1B}Ptmux;\u{1B}\u{1B}_Ga=d,d=I,i=9,q=2\u{1B}\u{1B}\\\u{1B}\\")
        let direct = try KittyRenderer(imageID: 9).render(bitmap, area: CellSize(columns: 10, rows: 10), cellSize: PixelSize(width: 10, height: 20))
        #expect(!text(direct.bytes).contains("U=1"))
        #expect(direct.imageID == 9)
    }

    @Test func base64MatchesFoundation() {
        for length in 0..<10 {
            let input = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
            #expect(String(decoding: Base64.encode(input), as: UTF8.self) == Data(input).base64EncodedString())
        }
    }
}

@Suite struct TmuxPassthroughTests {
    @Test func everyEscapeIsDoubledInsideTheWrapper() {
        let payload = Array("\u{1B}P0;1q#0!5~\u{1B}\\".utf8)
        let wrapped = TmuxPassthrough.wrap(payload)
        #expect(String(decoding: wrapped, as: UTF8.self) == "\u{1B}Ptmux;\u{1B}\u{1B}P0;1q#0!5~\u{1B}\u{1B}\\\u{1B}\\")
        // Undoing the doubling gives the payload back.
        var inner = Array(wrapped.dropFirst(7).dropLast(2))
        var index = 0
        while index < inner.count - 1 {
            if inner[index] == 0x1B && inner[index + 1] == 0x1B { inner.remove(at: index) }
            index += 1
        }
        #expect(inner == payload)
    }

    @Test func statusParsing() {
        let status = TmuxStatus(displayLine: "1|256,RGB,sixel|xterm-kitty|kitty(0.35.2)|2\n")
        #expect(status.nativeSixel && status.outerSixel && status.passthroughAllowed && status.clientTermName == "xterm-kitty")
        #expect(status.outerTerminal == TerminalVersion(name: "kitty", version: "0.35.2"))
        // tmux 3.3 with no client attached: no sixel_support, no features, no terminal type.
        let detached = TmuxStatus(displayLine: "||||1")
        #expect(!detached.nativeSixel && !detached.outerSixel && detached.passthroughAllowed && detached.outerTerminal == nil)
        let off = TmuxStatus(displayLine: "|256,RGB|xterm|XTerm(379)|0")
        #expect(!off.passthroughAllowed && off.outerTerminal?.name == "XTerm")
        #expect(!TmuxStatus(displayLine: "").passthroughAllowed)
    }
}
