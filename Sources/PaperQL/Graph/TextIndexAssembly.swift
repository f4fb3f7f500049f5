/// Builds the text indexes of a graph — the inverted index over title and abstract words, and
/// the folded-title index — from papers given in final id order. It shares no state with
/// `GraphAssembly`, so the two run on different cores.
struct TextIndexAssembly {
    private var words = ByteStringTable()
    private var wordScratch: [UInt32] = []
    /// Distinct words of each paper, papers end to end; inverted into word → papers at the end.
    private var paperWords: [UInt32] = []
    private var paperWordEnds: [Int] = []
    private var lastPaperOfWord: [UInt32] = []
    private var papersByTitle: [String: [UInt32]] = [:]

    struct Indexes {
        let wordPapers: AdjacencyLists
        let wordsByText: StringIndex
        let papersByTitle: StringMultiIndex
    }

    init(paperCapacity: Int) {
        paperWordEnds.reserveCapacity(paperCapacity)
    }

    mutating func addPaper(title: String, abstract: String?) {
        let paper = UInt32(paperWordEnds.count)
        let foldedTitle = TextFolding.fold(title)
        if !foldedTitle.isEmpty { papersByTitle[foldedTitle, default: []].append(paper) }
        wordScratch.removeAll(keepingCapacity: true)
        WordScanner.internWords(in: title, table: &words, into: &wordScratch)
        if let abstract {
            WordScanner.internWords(in: abstract, table: &words, into: &wordScratch)
        }
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
            papersByTitle: StringMultiIndex(papersByTitle))
    }
}
