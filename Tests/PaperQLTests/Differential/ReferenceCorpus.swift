import PaperQL

/// The papers and people of a graph copied into plain arrays, read only through the graph's
/// public per-paper accessors: what the reference evaluator works on. No index of the engine
/// (author → papers, word → papers, facets, year ranges) is used.
struct ReferenceCorpus {
    struct Paper {
        let id: Int
        let key: String
        let title: String
        let abstract: String?
        let year: Int?
        let date: String?
        let venue: String?
        let type: PaperType?
        /// Distinct authors (graph author ids), byline order.
        let authors: [Int]
        let categories: [String]
        let institutions: [String]
        let doi: String?
        let sources: [String]
        /// Folded words of the title and of the abstract.
        let titleWords: [Substring]
        let abstractWords: [Substring]
        let foldedTitle: String
        /// The title and id as bytes (UTF-8 order is code point order), for the default order.
        let titleBytes: [UInt8]
        let keyBytes: [UInt8]
    }

    struct Person {
        let name: String
        /// Every way the person's name was written, folded, and as its `TextFolding.nameKey`; and
        /// folded as names (a hyphen joins, `TextFolding.foldName`) or as keys, split into words,
        /// for tolerant matching.
        let foldedVariants: [String]
        let variantKeys: [String]
        let variantWords: [[Substring]]
        /// The identifier the sources give the person (`acl:yang-liu-ict`), if any.
        let identifier: String?
    }

    let papers: [Paper]
    let people: [Person]
    /// Every venue, category and institution some paper has.
    let venues: Set<String>
    let categories: Set<String>
    let institutions: Set<String>
    /// Papers of each person, counted by scanning the papers.
    let paperCounts: [Int]

    init(_ graph: PaperGraph) {
        var papers: [Paper] = []
        for paper in graph.allPapers {
            var seen = Set<Int>()
            let authors = graph.authors(of: paper).map { Int($0.rawValue) }.filter { seen.insert($0).inserted }
            let abstract = graph.abstract(of: paper)
            papers.append(Paper(
                id: Int(paper.rawValue), key: graph.key(of: paper), title: graph.title(of: paper), abstract: abstract,
                year: graph.year(of: paper), date: graph.date(of: paper), venue: graph.venue(of: paper),
                type: graph.type(of: paper), authors: authors, categories: graph.categories(of: paper),
                institutions: graph.institutions(of: paper), doi: graph.doi(of: paper), sources: graph.sources(of: paper),
                titleWords: TextFolding.words(graph.title(of: paper)),
                abstractWords: abstract.map(TextFolding.words) ?? [], foldedTitle: TextFolding.fold(graph.title(of: paper)),
                titleBytes: Array(graph.title(of: paper).utf8), keyBytes: Array(graph.key(of: paper).utf8)))
        }
        self.papers = papers
        venues = Set(papers.compactMap(\.venue))
        categories = Set(papers.flatMap(\.categories))
        institutions = Set(papers.flatMap(\.institutions))
        people = graph.allAuthors.map { author in
            let written = [graph.name(of: author)] + graph.variants(of: author)
            return Person(name: graph.name(of: author), foldedVariants: Array(Set(written.map(TextFolding.fold))),
                          variantKeys: Array(Set(written.map(TextFolding.nameKey))),
                          variantWords: Array(Set(written.flatMap { [TextFolding.foldName($0), TextFolding.nameKey($0)] }))
                              .map { $0.split(separator: " ") },
                          identifier: graph.identifier(of: author))
        }
        var counts = [Int](repeating: 0, count: people.count)
        for paper in papers { for author in paper.authors { counts[author] += 1 } }
        paperCounts = counts
    }
}
