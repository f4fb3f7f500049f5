/// For each author, the distinct coauthors and how many papers they share, derived from the
/// authorships of papers with at most `largePaperLimit` authors. Papers with more authors (large
/// collaborations) would make this quadratic; they are listed per author instead, and traversals
/// read their authors directly.
struct CoauthorIndex: Sendable {
    static let largePaperLimit = 64

    /// Coauthors of each author, ascending.
    let coauthors: AdjacencyLists
    /// Papers shared with each coauthor in `coauthors` (same positions), large papers excluded.
    let sharedPapers: Column<UInt32>
    /// Each author's papers with more than `largePaperLimit` authors, ascending.
    let largePapers: AdjacencyLists

    init(coauthors: AdjacencyLists, sharedPapers: Column<UInt32>, largePapers: AdjacencyLists) {
        self.coauthors = coauthors
        self.sharedPapers = sharedPapers
        self.largePapers = largePapers
    }

    init(paperAuthors: AdjacencyLists, authorPapers: AdjacencyLists) {
        let authorCount = authorPapers.count
        var counts = [UInt32](repeating: 0, count: authorCount)
        var touched: [UInt32] = []
        var ends: [Int] = []
        ends.reserveCapacity(authorCount)
        // Room for every pair of authors on a paper, counted with repeats: an upper bound, so
        // the lists never grow by copying (pages reserved and never written take no memory).
        var pairs = 0
        for paper in 0..<paperAuthors.count {
            let count = paperAuthors.count(paper)
            if count <= Self.largePaperLimit { pairs += count * (count - 1) }
        }
        // Written straight into the index's columns (no second copy at the import's peak).
        var values = Column<UInt32>()
        var shared = Column<UInt32>()
        values.reserveCapacity(pairs)
        shared.reserveCapacity(pairs)
        var largeLists: [[UInt32]] = []
        largeLists.reserveCapacity(authorCount)
        for author in 0..<authorCount {
            var large: [UInt32] = []
            for paper in authorPapers[author] {
                let authors = paperAuthors[Int(paper)]
                if authors.count > Self.largePaperLimit {
                    large.append(paper)
                    continue
                }
                for coauthor in authors where Int(coauthor) != author {
                    if counts[Int(coauthor)] == 0 { touched.append(coauthor) }
                    counts[Int(coauthor)] += 1
                }
            }
            touched.sort()
            for coauthor in touched {
                values.append(coauthor)
                shared.append(counts[Int(coauthor)])
                counts[Int(coauthor)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            ends.append(values.count)
            largeLists.append(large)
        }
        coauthors = AdjacencyLists(ends: Column(ends), values: values)
        sharedPapers = shared
        largePapers = AdjacencyLists(largeLists)
    }
}
