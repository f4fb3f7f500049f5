import Testing
@testable import PaperQL

/// Words are interned in chunks of papers on both cores and the chunks merged in paper order
/// (`TextIndexAssembly`): whatever the chunk size, every word gets the id and the papers that
/// one table interning every paper in order gives, and titles index the same.
@Suite struct TextIndexChunkTests {
    static let vocabulary = ["graph", "neural", "parsing", "Über", "naïve", "東京", "model", "a", "the", "x1", "résumé", "data"]

    /// Words with their ids and papers, and folded titles with their papers, in index order.
    func contents(_ indexes: TextIndexAssembly.Indexes) -> [String] {
        var lines: [String] = []
        for row in 0..<indexes.wordsByText.keys.count {
            let id = Int(indexes.wordsByText.values[row])
            lines.append("\(indexes.wordsByText.keys[row]) #\(id): \(Array(indexes.wordPapers[id]))")
        }
        let titles = indexes.papersByTitle
        for row in 0..<titles.index.keys.count {
            lines.append("title \(titles.index.keys[row]): \(Array(titles.lists[Int(titles.index.values[row])]))")
        }
        return lines
    }

    @Test(arguments: 0..<6)
    func anyChunkSizeGivesOneTablesIndexes(seed: UInt64) {
        var generator = SplitMix(seed: seed)
        func words(_ count: Int) -> String {
            (0..<count).map { _ in Self.vocabulary[Int(generator.next() % UInt64(Self.vocabulary.count))] }.joined(separator: " ")
        }
        var store = RecordStore()
        let papers = 1 + Int(generator.next() % 60)
        for number in 0..<papers {
            var record = PaperRecord(id: "p\(number)", title: words(Int(generator.next() % 4)))
            if generator.next() % 2 == 0 { record.abstract = words(Int(generator.next() % 12)) }
            store.append(record)
        }
        let order = Array(0..<papers).shuffled(using: &generator)
        let (_, whole) = TextIndexAssembly.build(from: store, in: order, chunkPapers: .max) { 0 }
        for chunkPapers in [1, 2, 3, 5, 16] {
            let (_, chunked) = TextIndexAssembly.build(from: store, in: order, chunkPapers: chunkPapers) { 0 }
            #expect(contents(chunked) == contents(whole), "seed \(seed), chunks of \(chunkPapers) papers")
        }
        // Some word was indexed at all, or the comparison says nothing.
        #expect(papers < 3 || whole.wordsByText.keys.count > 0)
    }
}

extension SplitMix: RandomNumberGenerator {}
