import Foundation
import Testing
@testable import PaperQL

/// XML that used to kill the process inside Foundation's parser (SIGILL on invalid UTF-8 in
/// names, comments and processing instructions; a segfault on `<!ATTLIST … #REQUIRED>` in an
/// internal DTD subset) is reported as malformed XML with its place, or parsed.
@Suite struct XMLInputRobustnessTests {
    static func load(_ bytes: [UInt8], name: String = "hostile.xml") -> Result<CorpusLoader.Loaded, CorpusLoader.Failure> {
        let url = temporaryPath(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(at: url) }
        // The format named, so that a broken root name reaches the parser.
        let format: DataFormat = bytes.starts(with: Array((acl + "<collection").utf8)) ? .acl : .dblp
        return CorpusLoader.load(paths: [url.path], options: ImportOptions(format: format))
    }

    static func bytes(_ parts: [Any]) -> [UInt8] {
        parts.flatMap { part -> [UInt8] in
            if let text = part as? String { return Array(text.utf8) }
            if let bytes = part as? [UInt8] { return bytes }
            return (part as? [Int] ?? []).map { UInt8($0) }
        }
    }

    static let acl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let dblp = "<?xml version=\"1.0\"?>\n"

    @Test(arguments: [
        // name, file bytes, expected line:column of the bad byte
        ("element name", bytes([acl, "<collection id=\"X\"><volume id=\"1\"><pap", [0xFF], "er id=\"1\"/></volume></collection>\n"]), "2:39"),
        ("attribute name", bytes([acl, "<collection i", [0xC3, 0x28], "d=\"X\"></collection>\n"]), "2:14"),
        ("root name", bytes([dblp, "<db", [0xE0, 0x80, 0x80], "lp></dblp>\n"]), "2:4"),
        ("comment", bytes([dblp, "<dblp><!-- ", [0xFF], " --><article key=\"a\"><title>T</title></article></dblp>\n"]), "2:12"),
        ("processing instruction", bytes([dblp, "<dblp><?pi ", [0xED, 0xA0, 0x80], "?></dblp>\n"]), "2:12"),
        ("cut character at the end", bytes([dblp, "<dblp></dblp>", [0xE2, 0x82]]), "2:14"),
    ])
    func invalidUTF8IsMalformedXMLWithItsPlace(what: String, file: [UInt8], place: String) throws {
        guard case .failure(let failure) = Self.load(file) else {
            Issue.record("\(what): loaded")
            return
        }
        let issue = try #require(failure.report.files.first?.failure)
        #expect(issue.kind == .malformedXML)
        #expect(issue.description.contains(".xml:\(place): "), "\(what): \(issue.description)")
        #expect(issue.message.contains("invalid UTF-8"))
    }

    /// A character XML does not allow inside a comment made the parser read on as markup and
    /// reach a processing instruction without data: a segfault (found by the `dblp` fuzz target).
    @Test(arguments: [
        ("control character in a comment", bytes([dblp, "<dblp><!--", [0x15], "<?l?>"]), "2:11", "control character (U+0015)"),
        ("U+FFFE in a comment", bytes([dblp, "<dblp><!--", [0xEF, 0xBF, 0xBE], "<?l?>"]), "2:11", "U+FFFE"),
        ("U+FFFF in a title", bytes([dblp, "<dblp><article key=\"a\"><title>T", [0xEF, 0xBF, 0xBF], "</title></article></dblp>\n"]), "2:32", "U+FFFF"),
        ("control character in text", bytes([dblp, "<dblp>", [0x01], "</dblp>\n"]), "2:7", "control character (U+0001)"),
    ])
    func charactersXMLForbidsAreMalformedXMLWithTheirPlace(what: String, file: [UInt8], place: String, message: String) throws {
        guard case .failure(let failure) = Self.load(file) else {
            Issue.record("\(what): loaded")
            return
        }
        let issue = try #require(failure.report.files.first?.failure, "\(what)")
        #expect(issue.kind == .malformedXML)
        #expect(issue.description.contains(".xml:\(place): "), "\(what): \(issue.description)")
        #expect(issue.message.contains(message), "\(what): \(issue.message)")
    }

    @Test func tabsAndLineBreaksAreAllowed() throws {
        let file = Self.bytes([Self.dblp, "<dblp>\t<article key=\"a\">\r\n<title>T</title><year>2001</year></article></dblp>\n"])
        guard case .success(let loaded) = Self.load(file) else {
            Issue.record("did not load")
            return
        }
        #expect(loaded.graph.records().first?.title == "T")
    }

    @Test func anAttlistInTheInternalSubsetParses() throws {
        let file = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE dblp [
            <!ELEMENT dblp (article)*>
            <!ATTLIST article key CDATA #REQUIRED
                              mdate CDATA #IMPLIED>
            <!-- a comment with ] inside -->
            <!ENTITY  reg "&#174;">
            ]>
            <dblp>
            <article key="journals/x/A1" mdate="2020-01-01"><author>Ada Lovelace</author><title>Notes.</title><year>1843</year></article>
            </dblp>
            """
        guard case .success(let loaded) = Self.load(Array(file.utf8)) else {
            Issue.record("the DBLP excerpt did not load")
            return
        }
        let record = try #require(loaded.graph.records().first)
        #expect(record.id == "journals/x/A1")
        #expect(record.title == "Notes")
        #expect(record.year == 1843)
    }

    /// Blanking the subset keeps its line breaks: an error after it is on the same line as in
    /// the same file without a subset.
    @Test func anErrorAfterTheSubsetKeepsItsLine() throws {
        let body = "<dblp>\n<article key=\"a\"></wrong></dblp>\n"
        let withSubset = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp [\n<!ATTLIST a b CDATA #REQUIRED>\n]>\n" + body
        let withoutSubset = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp\n\n>\n" + body
        guard case .failure(let failure) = Self.load(Array(withSubset.utf8)),
            case .failure(let plain) = Self.load(Array(withoutSubset.utf8))
        else {
            Issue.record("loaded")
            return
        }
        #expect(failure.report.files.first?.failure?.kind == .malformedXML)
        #expect(failure.report.files.first?.failure?.line == plain.report.files.first?.failure?.line)
    }

    @Test func latin1FilesAreNotValidatedAsUTF8() throws {
        let file = Self.bytes(["<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<dblp><article key=\"a\"><author>J", [0xFC], "rgen M</author><title>T</title></article></dblp>\n"])
        guard case .success(let loaded) = Self.load(file) else {
            Issue.record("a Latin-1 file did not load")
            return
        }
        #expect(loaded.graph.records().first?.authors == ["Jürgen M"])
    }

    @Test func anUnsupportedEncodingIsRefused() throws {
        let file = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<dblp></dblp>\n"
        guard case .failure(let failure) = Self.load(Array(file.utf8)) else {
            Issue.record("loaded")
            return
        }
        #expect(failure.report.files.first?.failure?.message.contains("shift_jis") == true)
    }

    /// The whole path as a user meets it: exit status 2 and `FILE:LINE:COL`, not a signal.
    @Test func theBinaryExitsWithStatusTwo() throws {
        let url = temporaryPath("bad-comment.xml")
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(Self.bytes([Self.dblp, "<dblp><!-- ", [0xFF], " --></dblp>\n"])))
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try runProduct("paperql", ["--data", url.path, "-e", "papers | count"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("bad-comment.xml:2:12: error: malformed XML: invalid UTF-8"))
    }

    /// Found by the dblp and acl fuzz targets: `<?pi?>` (no data) made Foundation call strlen on
    /// NULL; a declaration naming ISO-8859-1 that the parser did not read as one let invalid
    /// UTF-8 through to a trap in the element callback.
    @Test(arguments: [
        bytes([dblp, "<dblp><?x?><article key=\"a\"><title>T</title></article></dblp>\n"]),
        bytes(["<?x1?>\n<dblp><article key=\"a\"><title>T</title></article></dblp>\n"]),
        bytes(["<?xml version=\"1.0\" &U\"<encoding=\"ISO-8859-1\"?>\n<dblp><art", [0xE9], "icle key=\"a\"/></dblp>\n"]),
        bytes(["<?xmlr s=\"1.0\" encoding=\"ISO-8859-1\"?>\n<dblp><art", [0xE9], "icle key=\"a\"/></dblp>\n"]),
    ])
    func processingInstructionsAndOddDeclarationsDoNotCrash(file: [UInt8]) {
        _ = Self.load(file)
    }

    /// The checks hold wherever the chunks of the file end: a declaration, a subset, a UTF-8
    /// character or a Latin-1 letter cut in two reads the same as whole.
    @Test func aDocumentCutAnywhereIsReadTheSame() {
        let document = Self.bytes(["<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE dblp [\n<!ATTLIST a b CDATA #REQUIRED>\n]>\n",
                                   "<dblp><?pi data?><!-- <?not?> --><article key=\"k\"><title>J", [0xFC], "rgen <![CDATA[<?kept?>]]></title></article></dblp>\n"])
        let whole = XMLReaderTests.events(document, chunkSize: 1 << 16)
        #expect(whole == [#"<dblp>"#, #"<article key="k">"#, #"<title>"#, #""Jürgen <?kept?>""#, "</title>", "</article>", "</dblp>"])
        for size in [1, 2, 3, 5, 7] {
            #expect(XMLReaderTests.events(document, chunkSize: size) == whole, "chunks of \(size)")
        }
    }
}
