import Foundation
import Testing
@testable import PaperQL

/// A record can hold escape sequences (retitle the window, clear the screen): tables always show
/// them escaped, and the other formats do when asked to (on a terminal).
@Suite struct TerminalSafetyTests {
    static let hostileTitle = "Clear\u{1B}[2J\u{1B}]0;owned\u{07} and C1\u{9B}31m done"

    static var graph: PaperGraph {
        var builder = GraphBuilder()
        var record = PaperRecord(id: "x", title: hostileTitle)
        record.authors = ["Eve\u{1B}[5m Blink"]
        record.year = 2020
        builder.add(record)
        return builder.build()
    }

    static func render(_ format: OutputFormat, escaping: Bool) -> String {
        var session = QuerySession(graph: graph)
        let outcome = session.run("papers | show title, authors")
        let result = outcome.statements.first?.result
        return result.map {
            ResultFormatter(format: format, options: FormatOptions(escapesControlCharacters: escaping)).render($0, graph: graph)
        } ?? ""
    }

    @Test func tablesShowControlCharactersEscaped() {
        let table = Self.render(.table, escaping: false)
        #expect(!table.unicodeScalars.contains { TerminalText.isUnsafe($0) })
        #expect(table.contains("Clear\\x1B[2J\\x1B]0;owned\\x07 and C1\\u{9B}31m done"))
        #expect(table.contains("Eve\\x1B[5m Blink"))
    }

    @Test(arguments: [OutputFormat.csv, .markdown, .json, .jsonl])
    func otherFormatsEscapeOnATerminal(format: OutputFormat) {
        let escaped = Self.render(format, escaping: true)
        #expect(!escaped.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\r" })
        if format == .csv { #expect(escaped.hasSuffix("\r\n")) }
    }

    @Test func csvKeepsItsDataWhenNotOnATerminal() {
        #expect(Self.render(.csv, escaping: false).contains("\u{1B}[2J"))
    }

    @Test func escapingIsReadable() {
        #expect(TerminalText.escaped("a\u{0}b\u{7F}c\td\ne") == "a\\x00b\\x7Fc\td\ne")
        #expect(TerminalText.escaped("x\r\ny\rz") == "x\r\ny\\rz")
        #expect(TerminalText.escaped("plain Łukasz") == "plain Łukasz")
    }
}
