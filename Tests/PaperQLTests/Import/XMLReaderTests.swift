import Testing
@testable import PaperQL

/// `XMLReader`, the subset of XML that DBLP and the ACL Anthology write, as a specification:
/// each case is the input and the events it reads as, side by side. Events are written
/// `<name a="v">` (attributes sorted), `</name>`, `"text"` (adjacent pieces joined),
/// `unknown &name; line N`, and `error LINE:COLUMN: message` (the reader stops there).
@Suite struct XMLReaderTests {
    final class Recorder: XMLReaderHandler {
        var events: [String] = []
        var text: [UInt8] = []

        func flush() {
            if !text.isEmpty { events.append("\"" + String(decoding: text, as: UTF8.self) + "\"") }
            text = []
        }

        func startElement(_ name: String, reader: XMLReader) {
            flush()
            let attributes = reader.attributes().sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value)\"" }.joined()
            events.append("<\(name)\(attributes)>")
        }

        func endElement(_ name: String, reader: XMLReader) {
            flush()
            events.append("</\(name)>")
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>, reader: XMLReader) {
            text.append(contentsOf: bytes)
        }
    }

    static func events(_ input: [UInt8], chunkSize: Int) -> [String] {
        let reader = XMLReader(source: .bytes(input, chunkSize: chunkSize))
        let recorder = Recorder()
        let failure = reader.read(into: recorder)
        recorder.flush()
        var events = recorder.events
        events += reader.unknownEntities.map { "unknown &\($0.name); line \($0.line)" }
        if reader.unknownEntityCount > reader.unknownEntities.count {
            events.append("\(reader.unknownEntityCount - reader.unknownEntities.count) more unknown")
        }
        if let failure { events.append("error \(failure)") }
        return events
    }

    /// Text, raw bytes, text.
    static func bytes(_ before: String, _ raw: [UInt8], _ after: String = "") -> [UInt8] {
        Array(before.utf8) + raw + Array(after.utf8)
    }

    static func events(_ input: String, chunkSize: Int = 1 << 16) -> [String] {
        events(Array(input.utf8), chunkSize: chunkSize)
    }

    /// Reads `input` whole and in chunks of 1 to 7 bytes: the events must be the expected ones
    /// every time (tags, entities and UTF-8 characters cut by a chunk's end included).
    static func check(_ input: [UInt8], _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(events(input, chunkSize: 1 << 16) == expected, sourceLocation: sourceLocation)
        for size in 1...7 {
            #expect(events(input, chunkSize: size) == expected, "chunks of \(size)", sourceLocation: sourceLocation)
        }
    }

    static func check(_ input: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        check(Array(input.utf8), expected, sourceLocation: sourceLocation)
    }

    // MARK: What it reads

    @Test func elementsAttributesAndText() {
        Self.check(#"<a x="1" y='two'>t<b/>u<c  z = "3" ></c></a>"#,
                   [#"<a x="1" y="two">"#, #""t""#, "<b>", "</b>", #""u""#, #"<c z="3">"#, "</c>", "</a>"])
        Self.check("<dblp>\n  <article key=\"k\">\n</article>\n</dblp>\n",
                   ["<dblp>", "\"\n  \"", #"<article key="k">"#, "\"\n\"", "</article>", "\"\n\"", "</dblp>"])
    }

    @Test func theDeclarationAndTheDoctypeAreSkipped() {
        Self.check("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<r/>\n", ["<r>", "</r>"])
        Self.check("\u{FEFF}<?xml version=\"1.0\"?><r/>", ["<r>", "</r>"])
        // The internal subset, with `]` and `>` in quotes and in a comment.
        Self.check("<!DOCTYPE r [\n<!ENTITY x \"]>\">\n<!-- ]> -->\n<!ATTLIST r k CDATA #REQUIRED>\n]>\n<r>t</r>", ["<r>", #""t""#, "</r>"])
    }

    @Test func commentsAndProcessingInstructionsAreSkipped() {
        Self.check("<!-- before --><?pi?><r>a<!-- <b> & --><?x data?>b</r><!-- after -->\n<?y?>", ["<r>", #""ab""#, "</r>"])
    }

    @Test func cdataIsText() {
        Self.check("<r><![CDATA[<i>&amp;]] ]>]]>!</r>", ["<r>", #""<i>&amp;]] ]>!""#, "</r>"])
    }

    @Test func entitiesAndCharacterReferences() {
        Self.check("<r>&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600; M&uuml;ller &eacute;&Ouml;</r>",
                   ["<r>", #""<>&"' AB😀 Müller éÖ""#, "</r>"])
        Self.check(#"<r a="x &amp; &uuml; &#10; &lt;"/>"#, ["<r a=\"x & ü \n <\">", "</r>"])
    }

    @Test func unknownEntitiesStayAsTextAndAreListed() {
        Self.check("<r>\nCarl &foo; C\n<a b=\"&bar;\"/></r>",
                   ["<r>", "\"\nCarl &foo; C\n\"", #"<a b="&bar;">"#, "</a>", "</r>", "unknown &foo; line 2", "unknown &bar; line 3"])
        let many = "<r>" + String(repeating: "&zz;", count: 103) + "</r>"
        let events = Self.events(many)
        #expect(events.filter { $0.hasPrefix("unknown") }.count == 100)
        #expect(events.last == "3 more unknown")
    }

    @Test func lineBreaksAreNormalized() {
        Self.check("<r a=\"x\r\ny\tz\">1\r\n2\r3</r>", ["<r a=\"x y z\">", "\"1\n2\n3\"", "</r>"])
    }

    @Test func latin1IsConverted() {
        let head = Self.bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r a=\"", [0xE9], "\">J")
        Self.check(head + Self.bytes("", [0xFC], "rgen</r>"),
                   ["<r a=\"é\">", #""Jürgen""#, "</r>"])
    }

    @Test func utf8CutByChunksReadsWhole() {
        Self.check("<r ä=\"ö\">日本語 😀 ü</r>", ["<r ä=\"ö\">", #""日本語 😀 ü""#, "</r>"])
    }

    // MARK: What it refuses, and where

    @Test(arguments: [
        // input, the error
        ("<a><b></a>", "error 1:7: mismatched end tag: </a> where </b> closes the open <b>"),
        ("<a>\n<b>text", "error 2:8: the file ends before its root element is closed (truncated?)"),
        ("<a><b x=\"1", "error 1:11: the file ends inside a tag before its root element is closed (truncated?)"),
        ("<a><!-- never closed", "error 1:21: the file ends inside a comment before its root element is closed (truncated?)"),
        ("<a>1 < 2</a>", "error 1:6: a stray `<` (write `&lt;` for the character)"),
        ("<a>R&D</a>", "error 1:5: a stray `&` (write `&amp;` for the character; a reference ends with `;`)"),
        ("<a>&;</a>", "error 1:4: a stray `&` (write `&amp;` for the character; a reference ends with `;`)"),
        ("<a></a>\n<b/>", "error 2:1: text or markup after the root element closed"),
        ("<a></a>x", "error 1:8: text or markup after the root element closed"),
        ("x<a></a>", "error 1:1: text before the root element"),
        ("<a x=1/>", "error 1:6: the value of the attribute x of <a> is not in quotes"),
        ("<a x/>", "error 1:5: the attribute x of <a> has no value (`=` expected)"),
        ("<a x=\"1\" x=\"2\"/>", "error 1:10: the attribute x appears twice in the tag <a>"),
        ("<a x=\"1\"y=\"2\"/>", "error 1:9: attributes not separated by white space in the tag <a>"),
        ("<a x=\"<\"/>", "error 1:7: a `<` in the value of the attribute x of <a> (write `&lt;`)"),
        ("<a>&#0;</a>", "error 1:4: the character reference &#0; is not a character XML allows"),
        ("<a>&#xD800;</a>", "error 1:4: the character reference &#xD800; is not a character XML allows"),
        ("<a>&#x110000;</a>", "error 1:4: the character reference &#x110000; is not a character XML allows"),
        ("<a>&#12a;</a>", "error 1:4: the character reference &#12a; is not a character XML allows"),
        ("<a><!DOCTYPE a></a>", "error 1:4: a DOCTYPE is only allowed once, before the root element"),
        ("<a><!ELEMENT a></a>", "error 1:4: `<!` starts neither a comment, a CDATA section nor a DOCTYPE"),
        ("<a></ a>", "error 1:4: an end tag without a name"),
        ("</a>", "error 1:1: the end tag </a> closes no element"),
        ("", "error 1:1: no root element (an empty document?)"),
        ("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>", "error 1:1: the file declares the encoding \"shift_jis\"; only UTF-8 and ISO-8859-1 are read"),
    ])
    func wellFormednessErrors(input: String, error: String) {
        Self.check(input, Self.events(input).filter { !$0.hasPrefix("error") } + [error])
        #expect(Self.events(input).last == error, "\(input)")
    }

    /// Past 16 attributes the duplicate check uses a set: a tag of 50,000 attributes (a 40
    /// seconds' hang when each was compared with all before it) is read, and a duplicate at its
    /// end is still found, at its column.
    @Test func aTagWithManyAttributesIsReadAndItsDuplicateFound() {
        let attributes = (0..<50_000).map { " a\($0)=\"v\"" }.joined()
        let fine = Self.events("<r" + attributes + "/>")
        #expect(fine.count == 2 && fine[0].hasPrefix("<r a0=\"v\" a1=\"v\""), "\(fine.first?.prefix(80) ?? "")")
        let column = "<r".count + attributes.utf8.count + " ".count + 1  // 1-based, at the second a17
        #expect(Self.events("<r" + attributes + " a17=\"w\"/>").last == "error 1:\(column): the attribute a17 appears twice in the tag <r>")
    }

    @Test(arguments: [
        (bytes("<a>\nx", [0xFF], "</a>"), "error 2:2: invalid UTF-8 (byte 0xFF); the file is not read past it"),
        (bytes("<a>é", [0xE2, 0x28, 0xA1], "</a>"), "error 1:5: invalid UTF-8 (byte 0x28); the file is not read past it"),
        (bytes("<a>", [0xED, 0xA0, 0x80]), "error 1:4: invalid UTF-8 (byte 0xA0); the file is not read past it"),
        (bytes("<a></a>", [0xE2, 0x82]), "error 1:8: invalid UTF-8: the file ends inside a character"),
        (bytes("<a>", [0x01]), "error 1:4: a control character (U+0001) is not allowed in XML; the file is not read past it"),
        (bytes("<a><!--", [0xEF, 0xBF, 0xBE], "-->"), "error 1:8: the character U+FFFE is not allowed in XML; the file is not read past it"),
    ])
    func badBytesAreRefusedWhereTheyStand(input: [UInt8], error: String) {
        #expect(Self.events(input, chunkSize: 1 << 16).last == error)
        for size in 1...7 {
            #expect(Self.events(input, chunkSize: size).last == error, "chunks of \(size)")
        }
    }

    /// A hostile file cannot make one tag fill memory: past `maximumTagBytes` it is refused.
    @Test func aTagOverTheLimitIsRefused() {
        let input = "<a x=\"" + String(repeating: "v", count: XMLReader.maximumTagBytes + 10) + "\"/>"
        #expect(Self.events(input, chunkSize: 1 << 18).last == "error 1:1: a tag longer than 4 MB")
    }

    /// Text, comments and CDATA sections longer than the buffer stream through.
    @Test func longTextStreams() {
        let long = String(repeating: "abcdefgh", count: 200_000)
        let input = "<a><!--" + long + "-->" + long + "<![CDATA[" + long + "]]></a>"
        #expect(Self.events(input, chunkSize: 4096) == ["<a>", "\"" + long + long + "\"", "</a>"])
    }
}
