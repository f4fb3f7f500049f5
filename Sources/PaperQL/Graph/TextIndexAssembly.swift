import Foundation

/// Builds the text indexes of a graph — the inverted index over title and abstract words, and
/// the folded-title index — from papers given in final id order. It shares no state with the
/// interning of bylines (`AuthorNameResolver`): `build(from:in:beside:)` runs that on one core
/// and the text on the other, and the word work is shared between them.
///
/// Words are interned a chunk of papers at a time. This core takes chunks from the front into
/// one table; the other, once its own work is done, takes them from the back into another.
/// The back's papers are then read in paper order and their words interned in the front's
/// table, so each word gets the id one table interning every paper in order would give it
/// (the order of first use), wherever the two met.
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
        func add(chunk number: Int, to words: inout WordRun) {
            words.chunkStarts.append(words.paperWordEnds.count)
            for position in order[(number * chunkPapers)..<min(order.count, (number + 1) * chunkPapers)] {
                words.addPaper(from: store, at: position)
            }
        }
        /// The word index from both runs, the words by text, and the title index.
        func indexes(front: consuming WordRun, back: consuming WordRun, titles: StringMultiIndex) -> Indexes {
            let (table, wordPapers) = WordRun.papersOfWords(front: front, back: back)
            return Indexes(
                wordPapers: wordPapers,
                wordsByText: StringIndex((0..<table.count).map { (key: table.strings[$0], value: UInt32($0)) }),
                papersByTitle: titles)
        }
        let ((otherResult, back), text) = inParallel({
            let result = other()
            var back = WordRun()
            while let number = claims.fromBack() { add(chunk: number, to: &back) }
            return (result, back)
        }, { () -> TextCoreOutcome in
            var assembly = TextIndexAssembly()
            assembly.paperTitles.reserveCapacity(order.count)
            for position in order { assembly.addTitle(of: store, at: position) }
            var front = WordRun()
            front.paperWordEnds.reserveCapacity(order.count)
            while let number = claims.fromFront() { add(chunk: number, to: &front) }
            let titles = assembly.titleIndex()
            // Every chunk is claimed now. When the other core took none (its own work was the
            // longer), this core has every word and finishes the indexes beside that work.
            if !claims.anyFromBack { return .finished(indexes(front: front, back: WordRun(), titles: titles)) }
            return .share(front, titles: titles)
        })
        switch text {
        case .finished(let done): return (otherResult, done)
        case .share(let front, let titles): return (otherResult, indexes(front: front, back: back, titles: titles))
        }
    }

    /// What the text core hands back: the finished indexes, or, when the other core took
    /// chunks too, its own words and the title index.
    private enum TextCoreOutcome {
        case finished(Indexes)
        case share(WordRun, titles: StringMultiIndex)
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

/// The words of papers interned in one table, a chunk of consecutive papers at a time.
private struct WordRun {
    var table = ByteStringTable()
    /// Distinct words of each paper, papers end to end.
    var paperWords: [UInt32] = []
    var paperWordEnds: [Int] = []
    /// Where each chunk's papers begin in `paperWordEnds`, in the order the chunks were added.
    var chunkStarts: [Int] = []
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

    /// The words of `front`'s papers (chunks added in ascending order) then `back`'s (chunks
    /// added in descending order), and for each word the papers that use it, ascending. `back`'s
    /// papers are read in paper order and each of its words, where first used, is interned in
    /// `front`'s table, so ids stay in order of first use. Inverted from both runs in place: no
    /// merged copy of every paper's words is made.
    static func papersOfWords(front: consuming WordRun, back: consuming WordRun) -> (ByteStringTable, AdjacencyLists) {
        var table = front.table
        front.lastPaperOfWord = []
        back.lastPaperOfWord = []
        // `back`'s chunks in ascending order: ranges of its papers.
        var backPapers: [Range<Int>] = []
        for (index, firstPaper) in back.chunkStarts.enumerated().reversed() {
            backPapers.append(firstPaper..<(index + 1 < back.chunkStarts.count ? back.chunkStarts[index + 1] : back.paperWordEnds.count))
        }
        func words(of paper: Int, in run: WordRun) -> Range<Int> {
            (paper == 0 ? 0 : run.paperWordEnds[paper - 1])..<run.paperWordEnds[paper]
        }
        var renumbered = [UInt32](repeating: .max, count: back.table.count)
        for papers in backPapers {
            for paper in papers {
                for index in words(of: paper, in: back) {
                    let id = Int(back.paperWords[index])
                    if renumbered[id] == .max { renumbered[id] = back.table.strings.withBytes(id) { table.intern($0) } }
                    back.paperWords[index] = renumbered[id]
                }
            }
        }
        renumbered = []
        back.table = ByteStringTable(capacity: 16)
        // Each word's papers, in paper order: `front`'s, then `back`'s.
        let parts = [(front.paperWords, front.paperWordEnds, [0..<front.paperWordEnds.count]),
                     (back.paperWords, back.paperWordEnds, backPapers)]
        let papersOfWord = AdjacencyLists(targetCount: table.count) { row in
            for (paperWords, paperWordEnds, runs) in parts {
                paperWords.withUnsafeBufferPointer { paperWords in
                    for paper in runs.joined() {
                        row(UnsafeBufferPointer(rebasing: paperWords[(paper == 0 ? 0 : paperWordEnds[paper - 1])..<paperWordEnds[paper]]))
                    }
                }
            }
        }
        return (table, papersOfWord)
    }
}

/// Chunks of work handed out from both ends, each once.
private final class ChunkClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var front = 0
    private var back: Int
    private var tookFromBack = false

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
        tookFromBack = true
        return back
    }

    /// Whether any chunk was taken from the back (final once every chunk is taken).
    var anyFromBack: Bool {
        lock.lock()
        defer { lock.unlock() }
        return tookFromBack
    }
}
