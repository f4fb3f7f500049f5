/// Builds the text indexes of a graph — the inverted index over title and abstract words, and
/// the folded-title index — from papers given in final id order. It shares no state with the
/// interning of bylines (`AuthorNameResolver`), so the two run on different cores.
struct TextIndexAssembly {
    private var words = ByteStringTable()
    private var wordScratch: [UInt32] = []
    /// Distinct words of each paper, papers end to end; inverted into word → papers at the end.
    private var paperWords: [UInt32] = []
    private var paperWordEnds: [Int] = []
    private var lastPaperOfWord: [UInt32] = []
    /// Folded titles, and each paper's (`noTitle` for a title that folds to nothing).
    private var titles = ByteStringTable()
    private var paperTitles: [UInt32] = []
    private static let noTitle = UInt32.max

    struct Indexes {
        let wordPapers: AdjacencyLists
        let wordsByText: StringIndex
        let papersByTitle: StringMultiIndex
    }

    init(paperCapacity: Int) {
        paperWordEnds.reserveCapacity(paperCapacity)
    }

    /// A paper of a record store, read from its columns without making strings of them.
    mutating func addPaper(from store: RecordStore, at position: Int) {
        if let record = store.replacement(at: position) {
            addPaper(title: record.title, abstract: record.abstract)
            return
        }
        let title = store.columns.titles[position]
        addTitle(title)
        wordScratch.removeAll(keepingCapacity: true)
        WordScanner.internWords(in: title, table: &words, into: &wordScratch)
        store.columns.abstracts.withBytes(position) { WordScanner.internWords(in: $0, table: &words, into: &wordScratch) }
        addWords()
    }

    mutating func addPaper(title: String, abstract: String?) {
        addTitle(title)
        wordScratch.removeAll(keepingCapacity: true)
        WordScanner.internWords(in: title, table: &words, into: &wordScratch)
        if let abstract {
            WordScanner.internWords(in: abstract, table: &words, into: &wordScratch)
        }
        addWords()
    }

    private mutating func addTitle(_ title: String) {
        var foldedTitle = TextFolding.fold(title)
        paperTitles.append(foldedTitle.isEmpty ? Self.noTitle : foldedTitle.withUTF8 { titles.intern($0) })
    }

    /// Records the words in `wordScratch` as the next paper's.
    private mutating func addWords() {
        let paper = UInt32(paperWordEnds.count)
        // Each word once per paper: remember the last paper that listed it.
        let stamp = paper + 1
        for id in wordScratch {
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

    consuming func finish() -> Indexes {
        Indexes(
            wordPapers: AdjacencyLists(inverting: AdjacencyLists(ends: paperWordEnds, values: paperWords),
                                       targetCount: words.count),
            wordsByText: StringIndex((0..<words.count).map { (key: words.strings[$0], value: UInt32($0)) }),
            papersByTitle: titleIndex())
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
