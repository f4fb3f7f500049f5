import Foundation
import Testing
@testable import PaperQL

/// Bad input: every problem is reported with its place and reason; malformed records are
/// skipped and counted (or stop the load with --strict); unusable files load nothing.
@Suite struct ImportBrokenInputTests {
    @Test(arguments: [
        ("broken/empty.bib", ImportIssue.Kind.emptyFile),
        ("broken/binary.bib", .binaryFile),
        ("broken/truncated-dblp.xml", .malformedXML),
        ("broken/mismatched-acl.xml", .malformedXML),
    ])
    func unusableFilesLoadNothing(name: String, kind: ImportIssue.Kind) throws {
        let failure = try #require(ImportFixtures.failure([name]))
        let issue = try #require(failure.report.files.first?.failure)
        #expect(issue.kind == kind)
        #expect(failure.errors.first?.file.hasSuffix(name) == true)
    }

    @Test func truncatedXMLNamesTheLine() throws {
        let failure = try #require(ImportFixtures.failure(["broken/truncated-dblp.xml"]))
        let issue = try #require(failure.report.files.first?.failure)
        #expect(issue.line != nil)
        #expect(issue.description.contains("truncated-dblp.xml:"))
    }

    @Test func bibtexUnbalancedBracesAreSkippedAndCounted() throws {
        let loaded = try ImportFixtures.load(["broken/unbalanced.bib"])
        let file = loaded.report.files[0]
        #expect(file.recordsRead == 2)
        #expect(file.rejected == 2)
        let kinds = file.issues.map(\.kind)
        #expect(kinds == [.unbalancedBraces, .syntax, .unknownMacro])
        #expect(kinds.contains(.unknownMacro))
        #expect(file.issues[0].line == 1)
        #expect(file.issues[0].message.contains("not closed before the next entry at line 7"))
        let records = ImportFixtures.records(loaded)
        #expect(records["good1"]?.authors == ["Hans Müller", "Łukasz Kaiser", "Juan de la Fuente Jr."])
        #expect(records["undefinedmacro"] != nil)
        #expect(records["broken1"] == nil)
    }

    @Test func strictStopsAtTheFirstMalformedRecord() throws {
        let failure = try #require(ImportFixtures.failure(["broken/unbalanced.bib"], strict: true))
        #expect(failure.errors.count == 1)
        #expect(failure.report.stoppedEarly)
        #expect(failure.errors[0].line == 1)
    }

    @Test func bibtexTruncatedFile() throws {
        let loaded = try ImportFixtures.load(["broken/truncated.bib"])
        #expect(loaded.report.files[0].recordsRead == 1)
        #expect(loaded.report.files[0].rejected == 1)
        #expect(loaded.report.files[0].issues.first?.line == 6, "the line where the unclosed value opens")
    }

    @Test func bibtexInvalidUTF8() throws {
        let loaded = try ImportFixtures.load(["broken/latin1.bib"])
        #expect(loaded.report.files[0].issues.map(\.kind) == [.invalidUTF8])
        #expect(ImportFixtures.records(loaded)["fine"]?.title == "Fine UTF-8 café")
    }

    @Test func arxivBadLines() throws {
        let loaded = try ImportFixtures.load(["broken/bad-lines-arxiv.json"])
        let file = loaded.report.files[0]
        #expect(file.recordsRead == 1)
        #expect(file.rejected == 6)
        #expect(file.issues.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(file.issues.map(\.kind) == [.truncated, .wrongType, .wrongType, .invalidJSON, .missingField, .invalidUTF8])
        #expect(file.issues[1].message.contains("field \"title\" must be a string, found an array"))
        #expect(file.issues[3].message.contains("nests more than"))
    }

    @Test func xmlUnknownEntityAndBadYear() throws {
        let loaded = try ImportFixtures.load(["broken/entities-dblp.xml"])
        let file = loaded.report.files[0]
        #expect(file.recordsRead == 1)
        #expect(file.rejected == 1)
        #expect(file.warnings == 1)
        #expect(file.issues.contains { $0.kind == .unknownEntity && $0.line == 5 && $0.message.contains("&foo;") })
        #expect(file.issues.contains { $0.kind == .badValue && $0.message.contains("20x0") })
        #expect(ImportFixtures.records(loaded)["journals/x/C20"]?.title == "Unknown entity & friends")
    }

    @Test func csvBadRows() throws {
        let loaded = try ImportFixtures.load(["broken/bad-rows.csv"])
        let file = loaded.report.files[0]
        #expect(file.recordsRead == 1)
        #expect(file.rejected == 4)
        #expect(file.issues.map(\.line) == [3, 4, 5, 6])
        #expect(file.issues.map(\.kind) == [.syntax, .badValue, .badValue, .truncated])
    }

    @Test func nativeJSONLinesStayAllOrNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mixed.jsonl")
        try Data("{\"id\":\"a\",\"title\":\"Fine\"}\n{\"id\":\"b\",\"title\":3}\n".utf8).write(to: file)
        switch CorpusLoader.load(paths: [file.path], options: ImportOptions()) {
        case .success: Issue.record("a bad native line must fail the load")
        case .failure(let failure):
            #expect(failure.errors.count == 1)
            #expect(failure.errors[0].line == 2)
        }
    }

    @Test func unknownFormatIsExplained() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("notes.txt")
        try Data("just some words\n".utf8).write(to: file)
        switch CorpusLoader.load(paths: [file.path], options: ImportOptions()) {
        case .success: Issue.record("unknown format must fail")
        case .failure(let failure):
            #expect(failure.report.files.first?.failure?.kind == .unknownFormat)
            #expect(failure.errors[0].message.contains("--data-format"))
        }
    }
}
