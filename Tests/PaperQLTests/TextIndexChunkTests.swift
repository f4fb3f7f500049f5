import Foundation
import Testing
@testable import PaperQL

/// Words are interned in chunks of papers on both cores and the chunks merged in paper order
/// (`TextIndexAssembly`): whatever the chunk size, every word gets the id and the papers that
/// one table interning every paper in order gives.
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

    /// The word lines of `contents` made plainly: one table, every paper in order.
    func reference(_ store: RecordStore, _ order: [Int]) -> [String] {
        var table = ByteStringTable()
        var papersOfWord: [Int: [UInt32]] = [:]
        for (paper, position) in order.enumerated() {
            var ids: [UInt32] = []
            WordScanner.internWords(in: store.columns.titles[position], table: &table, into: &ids)
            store.columns.abstracts.withBytes(position) { WordScanner.internWords(in: $0, table: &table, into: &ids) }
            for id in Set(ids) { papersOfWord[Int(id), default: []].append(UInt32(paper)) }
        }
        return (0..<table.count).map { id in (table.strings[id], id) }.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
            .map { word, id in "\(word) #\(id): \(papersOfWord[id] ?? [])" }
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
        let expected = reference(store, order)
        for chunkPapers in [.max, 1, 2, 3, 5, 16] {
            let (_, chunked) = TextIndexAssembly.build(from: store, in: order, chunkPapers: chunkPapers) { 0 }
            #expect(contents(chunked).filter { !$0.hasPrefix("title ") } == expected, "seed \(seed), chunks of \(chunkPapers) papers")
            // The other core busy for longer: the text core takes every chunk and finishes alone.
            let (_, alone) = TextIndexAssembly.build(from: store, in: order, chunkPapers: chunkPapers) { usleep(20_000) }
            #expect(contents(alone) == contents(chunked), "seed \(seed), chunks of \(chunkPapers) papers, the other core busy")
        }
        // Some word was indexed at all, or the comparison says nothing.
        #expect(papers < 3 || !expected.isEmpty)
    }
}

extension SplitMix: RandomNumberGenerator {}
