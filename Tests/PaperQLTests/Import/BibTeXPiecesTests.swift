import Foundation
import Testing
@testable import PaperQL

/// A BibTeX file is lexed in pieces on both cores (`BibTeXPieces`); whatever the pieces, the
/// import is the one a single lexer reading the whole file gives: the same records in the same
/// order, the same problems at the same lines, the same macros. Random files made of ordinary
/// and awkward entries are cut at every few bytes and compared with one piece.
@Suite struct BibTeXPiecesTests {
    /// Text that ends a line; each may be cut before (pieces begin at an `@` after a line break).
    static let snippets: [String] = [
        "@article{plain%d, author = {Ana Smith and Bo Jones}, title = {Parsing %d}, year = 2020}\n",
        "@inproceedings(paren%d, title = \"Quoted {Title} %d\", booktitle = conf, year = {2019})\n",
        "@string{conf = {Proceedings of Conf %d}}\n",
        "@STRING{conf = \"Redefined %d\"}\n",
        "@comment{ a comment\n@article{hidden%d, title = {Inside a comment}}\n}\n",
        "@article{\n@keyline%d, title = {Key on its own line}}\n",
        "@article{open%d, title = {Never closed\n",
        "@article{comma%d title = {Missing comma}}\n",
        "@misc{mail%d, title = {Write to a@b.org %d}, note = {x @ y}}\n",
        "@book{macro%d, title = undefinedmacro # { %d}, year = 2001}\n",
        "@proceedings{parent%d, title = {The Parent %d}, year = 2018}\n",
        "@inproceedings{child%d, crossref = {parent%d}, title = {A Child}}\n",
        "@preamble{\"\\newcommand{\\x}{y}\"}\n",
        "stray text with an @ sign %d\n",
        "  @article{indented%d, title = {Indented %d}}\n",
        "@article{spaced%d, title = {Spans\n  lines %d},\n  year = 1999,\n}\n",
        "@\n",
        "@article{unbalanced%d, title = {a}}}\n",
        "@xdata{shared%d, publisher = {Pub %d}}\n",
        "@article{usesx%d, xdata = {shared%d}, title = {With Xdata}}\n",
        "@article{dup, title = {Duplicate key %d}}\n",
        "@article{notitle%d, author = {Nobody}}\n",
    ]

    /// What an import gives, in a form that compares: records, the report, the macros, and
    /// the issue that stopped it.
    struct Outcome: Equatable {
        var records: [PaperRecord] = []
        var issues: [ImportIssue] = []
        var rejected = 0
        var warnings = 0
        /// Bytes read and macros defined, when the whole file was read.
        var bytes = 0
        var macros: [String: String] = [:]
        var stop: ImportIssue?

        /// The first part that differs from `other`, shortly: the records' ids, an issue.
        func difference(from other: Outcome) -> String? {
            if records != other.records {
                let index = zip(records, other.records).map { $0 != $1 }.firstIndex(of: true) ?? min(records.count, other.records.count)
                return "records differ from #\(index): \(records.dropFirst(index).first.map(\.id) ?? "none") vs \(other.records.dropFirst(index).first.map(\.id) ?? "none")"
            }
            if issues != other.issues {
                let index = zip(issues, other.issues).map { $0 != $1 }.firstIndex(of: true) ?? min(issues.count, other.issues.count)
                return "issues differ from #\(index): \(issues.dropFirst(index).first.map(\.description) ?? "none") vs \(other.issues.dropFirst(index).first.map(\.description) ?? "none")"
            }
            if rejected != other.rejected || warnings != other.warnings { return "counts \(rejected)/\(warnings) vs \(other.rejected)/\(other.warnings)" }
            if bytes != other.bytes { return "bytes \(bytes) vs \(other.bytes)" }
            if macros != other.macros { return "macros \(macros) vs \(other.macros)" }
            if stop != other.stop { return "stop \(stop.map(\.description) ?? "none") vs \(other.stop.map(\.description) ?? "none")" }
            return nil
        }
    }

    func read(_ path: String, pieceBytes: Int, strict: Bool = false) -> Outcome {
        var records: [PaperRecord] = []
        var sink = ImportSink(path: path, format: .bibtex, strict: strict, issueLimit: 1000) { records.append($0) }
        var macros: [String: String] = ["given": "From an earlier file"]
        var outcome = Outcome()
        do {
            try BibTeXImporter.read(path: path, totalBytes: nil, macros: &macros, into: &sink, pieceBytes: pieceBytes)
        } catch {
            outcome.stop = error.issue
        }
        outcome.records = records
        outcome.issues = sink.report.issues
        outcome.rejected = sink.report.rejected
        outcome.warnings = sink.report.warnings
        // After `--strict` stops the import nothing reads on, so neither is defined there.
        if outcome.stop == nil {
            outcome.bytes = sink.report.bytes
            outcome.macros = macros
        }
        return outcome
    }

    @Test(arguments: 0..<12)
    func piecesGiveWhatOneLexerGives(seed: UInt64) throws {
        var generator = SplitMix(seed: seed)
        var text = ""
        for number in 0..<(20 + Int(generator.next() % 40)) {
            let snippet = Self.snippets[Int(generator.next() % UInt64(Self.snippets.count))]
            text += snippet.replacingOccurrences(of: "%d", with: String(number))
        }
        let path = temporaryPath("pieces-\(seed)-\(UUID().uuidString).bib").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for strict in [false, true] {
            let whole = read(path, pieceBytes: .max, strict: strict)
            #expect(strict || !whole.records.isEmpty, "seed \(seed): the file should give records")
            for pieceBytes in [1, 2, 3, 7, 16, 40, 100, 333, 1000] {
                let pieces = read(path, pieceBytes: pieceBytes, strict: strict)
                let difference = pieces.difference(from: whole)
                #expect(difference == nil, "seed \(seed), pieces of \(pieceBytes) bytes, strict \(strict)")
            }
        }
    }

    /// An `@comment` that holds a line starting with `@` runs over the cut before that line:
    /// the next piece is lexed again from where the comment ends.
    @Test func aCommentOverACutIsReadAsOneLexerReadsIt() throws {
        let text = """
            @article{a, title = {First}}
            @comment{
            @article{hidden, title = {Hidden}}
            }
            @article{b, title = {Second}}

            """
        let path = temporaryPath("pieces-comment-\(UUID().uuidString).bib").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = read(path, pieceBytes: 1)
        #expect(outcome.records.map(\.id) == ["a", "b"])
        #expect(outcome.difference(from: read(path, pieceBytes: .max)) == nil)
    }
}
