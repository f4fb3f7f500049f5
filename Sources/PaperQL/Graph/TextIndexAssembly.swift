import Foundation

/// Builds the text indexes of a graph — the inverted index over title and abstract words, and
/// the folded-title index — from papers given in final id order. It shares no state with the
/// interning of bylines (`AuthorNameResolver`): `build(from:in:beside:)` runs that on one core
/// and the text on the other, and the word work is shared between them.
///
/// Words are interned a chunk of papers at a time, each chunk with its own table. This core
/// takes chunks from the front; the other, once its own work is done, takes them from the back.
/// The chunks' tables are then merged in paper order, so each word gets the id one table
/// interning every paper in order would give it (the order of first use), whatever the split.
struct TextIndexAssembly {
    /// Folded titles, and each paper's (`noTitle` for a title that folds to nothing).
    private var titles = ByteStringTable()
    private var paperTitles: [UInt32] = []
    private static let noTitle = UInt32.max
    /// Papers per chunk of word interning.
    static let chunkPapers = 8192

    struct Indexes {
        let wordPapers: AdjacencyLists
        let wordsByText: StringIndex
        let papersByTitle: StringMultiIndex
    }

    /// The indexes of the store's papers in `order`, built on this core and on another that
    /// first runs `other`.
    /// - Parameter chunkPapers: papers per chunk (small in tests, to split everywhere).
    static func build<Other>(
        from store: RecordStore, in order: [Int], chunkPapers: Int = Self.chunkPapers, beside other: () -> Other
    ) -> (Other, Indexes) {
        let chunkPapers = max(1, min(chunkPapers, order.count))
        let claims = ChunkClaims(count: order.isEmpty ? 0 : (order.count + chunkPapers - 1) / chunkPapers)
        func chunk(_ number: Int) -> (number: Int, words: WordChunk) {
            var words = WordChunk()
            for position in order[(number * chunkPapers)..<min(order.count, (number + 1) * chunkPapers)] {
                words.addPaper(from: store, at: position)
            }
            return (number, words)
        }
        let ((otherResult, backChunks), (assembly, frontChunks)) = inParallel({
            let result = other()
            var chunks: [(number: Int, words: WordChunk)] = []
            while let number = claims.fromBack() { chunks.append(chunk(number)) }
            return (result, chunks)
        }, {
            var assembly = TextIndexAssembly()
            assembly.paperTitles.reserveCapacity(order.count)
            for position in order { assembly.addTitle(of: store, at: position) }
            var chunks: [(number: Int, words: WordChunk)] = []
            while let number = claims.fromFront() { chunks.append(chunk(number)) }
            return (assembly, chunks)
        })
        let words = WordChunk.merged((frontChunks + backChunks.reversed()).map(\.words))
        return (otherResult, Indexes(
            wordPapers: AdjacencyLists(inverting: AdjacencyLists(ends: words.paperWordEnds, values: words.paperWords),
                                       targetCount: words.table.count),
            wordsByText: StringIndex((0..<words.table.count).map { (key: words.table.strings[$0], value: UInt32($0)) }),
            papersByTitle: assembly.titleIndex()))
    }

    private mutating func addTitle(of store: RecordStore, at position: Int) {
        addTitle(store.replacement(at: position)?.title ?? store.columns.titles[position])
    }

    private mutating func addTitle(_ title: String) {
        var foldedTitle = TextFolding.fold(title)
        paperTitles.append(foldedTitle.isEmpty ? Self.noTitle : foldedTitle.withUTF8 { titles.intern($0) })
    }

    /// Folded title → papers, ascending; rows in key order (as `StringMultiIndex` lays them out).
    private func titleIndex() -> StringMultiIndex {
        var ends: [Int] = []
        ends.reserveCapacity(paperTitles.count)
        var values: [UInt32] = []
        values.reserveCapacity(paperTitles.count)
        for title in paperTitles {
            if title != Self.noTitle { values.append(title) }
            ends.append(values.count)
        }
        let papersOfTitle = AdjacencyLists(inverting: AdjacencyLists(ends: ends, values: values), targetCount: titles.count)
        let sorted = StringIndex(unsortedKeys: titles.strings, values: (0..<UInt32(titles.count)).map { $0 })
        var listEnds: [Int] = []
        listEnds.reserveCapacity(sorted.count)
        var listValues: [UInt32] = []
        listValues.reserveCapacity(values.count)
        for title in sorted.values {
            listValues.append(contentsOf: papersOfTitle[Int(title)])
            listEnds.append(listValues.count)
        }
        let lists = AdjacencyLists(ends: listEnds, values: listValues)
        return StringMultiIndex(index: StringIndex(keys: sorted.keys, values: Column((0..<UInt32(sorted.count)).map { $0 })), lists: lists)
    }
}

/// The words of a run of consecutive papers, interned in a table of their own.
private struct WordChunk {
    var table = ByteStringTable(capacity: 1 << 12)
    /// Distinct words of each paper, papers end to end.
    var paperWords: [UInt32] = []
    var paperWordEnds: [Int] = []
    private var scratch: [UInt32] = []
    private var lastPaperOfWord: [UInt32] = []

    /// A paper of a record store, read from its columns without making strings of them.
    mutating func addPaper(from store: RecordStore, at position: Int) {
        scratch.removeAll(keepingCapacity: true)
        if let record = store.replacement(at: position) {
            WordScanner.internWords(in: record.title, table: &table, into: &scratch)
            if let abstract = record.abstract { WordScanner.internWords(in: abstract, table: &table, into: &scratch) }
        } else {
            WordScanner.internWords(in: store.columns.titles[position], table: &table, into: &scratch)
            store.columns.abstracts.withBytes(position) { WordScanner.internWords(in: $0, table: &table, into: &scratch) }
        }
        // Each word once per paper: remember the last paper that listed it.
        let stamp = UInt32(paperWordEnds.count + 1)
        for id in scratch {
            let index = Int(id)
            if index >= lastPaperOfWord.count {
                lastPaperOfWord.append(contentsOf: repeatElement(0, count: index + 1 - lastPaperOfWord.count))
            }
            if lastPaperOfWord[index] != stamp {
                lastPaperOfWord[index] = stamp
                paperWords.append(id)
            }
        }
        paperWordEnds.append(paperWords.count)
    }

    /// The chunks, given in paper order, as one: the first's table takes each later chunk's
    /// words in that chunk's order of first use, and their papers' words are renumbered.
    static func merged(_ chunks: [WordChunk]) -> WordChunk {
        guard var merged = chunks.first else { return WordChunk() }
        merged.scratch = []
        merged.lastPaperOfWord = []
        merged.paperWords.reserveCapacity(chunks.reduce(0) { $0 + $1.paperWords.count })
        merged.paperWordEnds.reserveCapacity(chunks.reduce(0) { $0 + $1.paperWordEnds.count })
        for chunk in chunks.dropFirst() {
            var renumbered = [UInt32](repeating: 0, count: chunk.table.count)
            for id in 0..<chunk.table.count {
                renumbered[id] = chunk.table.strings.withBytes(id) { merged.table.intern($0) }
            }
            let base = merged.paperWords.count
            merged.paperWords.append(contentsOf: chunk.paperWords.lazy.map { renumbered[Int($0)] })
            merged.paperWordEnds.append(contentsOf: chunk.paperWordEnds.lazy.map { base + $0 })
        }
        return merged
    }
}

/// Chunks of work handed out from both ends, each once.
private final class ChunkClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var front = 0
    private var back: Int

    init(count: Int) {
        back = count
    }

    func fromFront() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard front < back else { return nil }
        front += 1
        return front - 1
    }

    func fromBack() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard front < back else { return nil }
        back -= 1
        return back
    }
}
