import PaperQL
import Testing

/// The native format: each bad line is reported with its line (and column for JSON errors).
@Suite struct NativeJSONLinesTests {
    static let badLines: [(line: String, message: String)] = [
        (#"{"id": "a", "title": "T", "year": 20000}"#, #"field "year" must be between 1 and 9999, found 20000"#),
        (#"{"id": "a", "title": "T", "year": "soon"}"#, #"field "year" must be an integer, found a string"#),
        (#"{"title": "T"}"#, #"missing field "id""#),
        (#"{"id": "a"}"#, #"missing field "title""#),
        (#"["id", "title"]"#, "expected a JSON object for a paper, found an array"),
        (#"{"id": "a", "title": "T", "authors": ["A", 3]}"#, #"field "authors" must be a list of strings; item 2 is a number"#),
        (#"{"id": "a", "title": "T", "type": "poster"}"#, #"field "type" must be one of conference, journal, preprint, book, thesis, other, found "poster""#),
        (#"{"id": "a", "title": "T",}"#, "invalid JSON: expected a member name in quotes"),
        (#"{"id": "a", "title": "T"} extra"#, "invalid JSON: unexpected text after the JSON value"),
        (String(repeating: "[", count: 100_000), "invalid JSON: JSON nests more than 512 levels deep"),
        ("{\"id\": \"a\", \"title\": \"\\ud800\"}", "invalid JSON: unpaired surrogate in \\u escape"),
    ]

    @Test(arguments: badLines.indices)
    func aBadLineIsReportedWithItsLine(_ index: Int) {
        let (line, message) = Self.badLines[index]
        let text = #"{"id": "ok", "title": "Fine"}"# + "\n" + line + "\n"
        let (records, errors) = NativeJSONLines.read(text: text, name: "data.jsonl")
        #expect(records.count == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.message == message)
    }

    @Test func invalidUTF8InAStringIsAnError() {
        var bytes = Array(#"{"id": "a", "title": ""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}"#.utf8)
        #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse(bytes) }
    }

    @Test func blankLinesAndCommentsAreSkipped() {
        let text = "\n// a comment\n" + #"{"id": "x", "title": "Y", "authors": ["Ada Lovelace"], "year": 1843}"# + "\n\n"
        let (records, errors) = NativeJSONLines.read(text: text, name: "data.jsonl")
        #expect(errors.isEmpty)
        #expect(records.map(\.id) == ["x"])
        #expect(records.first?.sources == ["data.jsonl"])
    }

    @Test func theYearComesFromTheDateWhenMissing() {
        let (records, _) = NativeJSONLines.read(text: #"{"id": "x", "title": "Y", "date": "2023-03-15"}"#, name: "d")
        #expect(records.first?.year == 2023)
    }
}
