import Foundation
import PaperQL
import Testing

/// A snapshot loads back into a graph that answers every query the same, and a damaged or
/// foreign file is refused with a clear reason.
@Suite struct SnapshotTests {
    static let queries = [
        #"papers by "Jack Rae" since 2020"#, #"coauthors of "Łukasz Kaiser" within 2"#, "papers | count by venue",
        #"path from "Jack Rae" to "Mostafa Dehghani""#, #"papers matching "memory sparse""#,
        #"papers titled "Neural Arithmetic Logic Units" | show title, versions, sources, truncated"#,
        #"papers by "Scott Reed" | show authors"#, "papers in category LG | count by institution",
        #"authors | sort by name | show name, variants"#, #"papers where id = "arxiv-2020-algebranets""#,
        #"papers by "lukasz kaiser" | show title, date, doi"#, "venues", #"papers from deepmind"#,
    ]

    static func temporaryPath(_ name: String) -> String {
        PaperQLTests.temporaryPath(name).path
    }

    @Test func roundTripAnswersEveryQueryTheSame() throws {
        let path = Self.temporaryPath("corpus.pqg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try defaultGraph.writeSnapshot(to: path)
        let loaded = try PaperGraph.loadSnapshot(from: path)
        #expect(loaded.paperCount == defaultGraph.paperCount)
        #expect(loaded.authorCount == defaultGraph.authorCount)
        for query in Self.queries {
            #expect(QueryCase.render(query, on: loaded) == QueryCase.render(query, on: defaultGraph), "\(query)")
        }
        #expect(loaded.records() == defaultGraph.records())
    }

    @Test func writingTwiceGivesTheSameBytes() throws {
        let first = Self.temporaryPath("a.pqg")
        let second = Self.temporaryPath("b.pqg")
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        try defaultGraph.writeSnapshot(to: first)
        try DefaultCorpus.load().writeSnapshot(to: second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    /// Damage done to a good snapshot, and the refusal it must get.
    static let damages: [(name: String, damage: @Sendable (inout Data) -> Void, expected: SnapshotError)] = [
        ("a flipped byte", { $0[$0.count / 2] ^= 0x5A }, .checksumMismatch),
        ("a cut-off end", { $0.removeLast(100) }, .truncated(expectedBytes: 0, foundBytes: 0)),
        ("another format version", { $0[8] = 99 }, .unsupportedVersion(found: 99, supported: 3)),
        ("another file type", { $0.replaceSubrange(0..<8, with: Data("%PDF-1.7".utf8)) }, .notASnapshot),
        ("only a header", { $0 = $0.prefix(20) }, .truncated(expectedBytes: 0, foundBytes: 0)),
        ("an empty file", { $0 = Data() }, .notASnapshot),
    ]

    @Test(arguments: damages.indices)
    func damagedSnapshotsAreRefused(_ index: Int) throws {
        let (name, damage, expected) = Self.damages[index]
        let path = Self.temporaryPath("damaged.pqg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try defaultGraph.writeSnapshot(to: path)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        damage(&data)
        try data.write(to: URL(fileURLWithPath: path))
        do {
            _ = try PaperGraph.loadSnapshot(from: path)
            Issue.record("\(name): loaded")
        } catch {
            switch (error, expected) {
            case (.truncated, .truncated): break
            default: #expect(error == expected, "\(name)")
            }
            #expect(!error.description.isEmpty)
        }
    }

    @Test func rewritingASnapshotInUseLeavesTheLoadedGraphIntact() throws {
        let path = Self.temporaryPath("in-use.pqg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try defaultGraph.writeSnapshot(to: path)
        let loaded = try PaperGraph.loadSnapshot(from: path)
        var builder = GraphBuilder()
        builder.add(PaperRecord(id: "x", title: "Something else", abstract: "A different abstract."))
        try builder.build().writeSnapshot(to: path)
        // The loaded graph reads its abstracts from the old file, which the rewrite replaced
        // rather than overwrote.
        #expect(loaded.records() == defaultGraph.records())
        #expect(try PaperGraph.loadSnapshot(from: path).paperCount == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix(URL(fileURLWithPath: path).lastPathComponent + ".partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func aMissingFileIsReported() {
        #expect(throws: SnapshotError.self) { try PaperGraph.loadSnapshot(from: "/nonexistent/corpus.pqg") }
    }
}
