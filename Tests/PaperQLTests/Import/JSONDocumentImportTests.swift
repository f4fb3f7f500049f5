import Foundation
import Testing
@testable import PaperQL

/// OpenAlex and arXiv data saved as one JSON document — an API page (`{"meta": …, "results":
/// [ … ]}`) or an array of works, on one line or many — load like their JSON Lines; a native file
/// of that shape is refused with a message naming the shape wanted.
@Suite struct JSONDocumentImportTests {
    static let work = (try? String(contentsOfFile: ImportFixtures.path("openalex-works-sample.jsonl"), encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""

    /// The fixture's work and a copy with another id.
    static var twoWorks: [String] {
        [work, work.replacingOccurrences(of: "W2741809807", with: "W1000000001")]
    }

    static func write(_ text: String, name: String) throws -> (path: String, cleanUp: () -> Void) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("json-document-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, { try? FileManager.default.removeItem(at: directory) })
    }

    static let shapes: [(name: String, text: String)] = [
        ("page.json", "{\n  \"meta\": {\"count\": 2, \"page\": 1},\n  \"results\": [\n    " + twoWorks.joined(separator: ",\n    ") + "\n  ]\n}\n"),
        ("page-one-line.json", "{\"meta\": {\"count\": 2}, \"results\": [" + twoWorks.joined(separator: ", ") + "]}\n"),
        ("array.json", "[\n" + twoWorks.joined(separator: ",\n") + "\n]\n"),
        ("array-one-line.json", "[" + twoWorks.joined(separator: ",") + "]"),
    ]

    @Test(arguments: shapes.indices)
    func aSavedPageOrAnArrayOfWorksLoads(_ index: Int) throws {
        #expect(!Self.work.isEmpty)
        let (path, cleanUp) = try Self.write(Self.shapes[index].text, name: Self.shapes[index].name)
        defer { cleanUp() }
        guard case .success(let loaded) = CorpusLoader.load(paths: [path], options: ImportOptions()) else {
            Issue.record("\(Self.shapes[index].name) did not load")
            return
        }
        #expect(loaded.report.files.first?.format == .openalex)
        #expect(loaded.graph.paperCount == 2)
        #expect(Set(loaded.graph.records().map(\.id)) == ["W2741809807", "W1000000001"])
    }

    @Test func aBadWorkInAnArrayIsRejectedWithItsNumber() throws {
        let text = "[\n" + Self.work + ",\n{\"id\": \"https://openalex.org/W5\", \"authorships\": []}\n]\n"
        let (path, cleanUp) = try Self.write(text, name: "works.json")
        defer { cleanUp() }
        guard case .success(let loaded) = CorpusLoader.load(paths: [path], options: ImportOptions()) else {
            Issue.record("did not load")
            return
        }
        #expect(loaded.graph.paperCount == 1)
        #expect(loaded.report.rejected == 1)
        #expect(loaded.report.files.first?.issues.first?.message.hasPrefix("record 2 of the array:") == true)
    }

    @Test func anObjectThatIsNeitherAPageNorAWorkNamesTheShapesWanted() throws {
        let (path, cleanUp) = try Self.write("{\n  \"meta\": {},\n  \"works\": []\n}\n", name: "odd.json")
        defer { cleanUp() }
        let failure = try #require(Self.failure(path, format: .openalex))
        #expect(failure.errors.first?.message.contains("a saved API page") == true)
    }

    @Test func invalidJSONInADocumentSaysWhere() throws {
        let (path, cleanUp) = try Self.write("[\n" + Self.work + ",\n  {\"id\": }\n]\n", name: "broken.json")
        defer { cleanUp() }
        let failure = try #require(Self.failure(path, format: .openalex))
        #expect(failure.errors.first?.line == 3)
        #expect(failure.errors.first?.column == 10)
    }

    @Test func aNativeArrayIsRefusedWithTheShapeWanted() throws {
        let (path, cleanUp) = try Self.write("[\n  {\"id\": \"a\", \"title\": \"T\"}\n]\n", name: "papers.jsonl")
        defer { cleanUp() }
        let failure = try #require(Self.failure(path, format: nil))
        #expect(failure.errors.count == 1)
        #expect(failure.errors.first?.message.contains("one paper object per line") == true)
    }

    static func failure(_ path: String, format: DataFormat?) -> CorpusLoader.Failure? {
        switch CorpusLoader.load(paths: [path], options: ImportOptions(format: format)) {
        case .success: return nil
        case .failure(let failure): return failure
        }
    }
}
