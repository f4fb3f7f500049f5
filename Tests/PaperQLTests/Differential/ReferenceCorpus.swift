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
        /// Every identifier that means the person, lower-cased: that one, and the others the
        /// sources give them (an ORCID).
        let identifiers: Set<String>
    }

    let papers: [Paper]
    let people: [Person]
    /// Every venue, category and institution some paper has.
    let venues: Set<String>
    let categories: Set<String>
    let institutions: Set<String>
    /// Papers of each person, counted by scanning the papers.
    let paperCounts: [Int]
    /// Each person's papers, found by scanning the papers.
    let papersOf: [[Int]]

    /// - Parameter otherIdentifiers: the other identifiers the sources give people, each with
    ///   the identifier its person is known by (`orcid:…` → `openalex:A…`).
    init(_ graph: PaperGraph, otherIdentifiers: [String: String] = [:]) {
        var others: [String: [String]] = [:]
        for (other, known) in otherIdentifiers { others[known.lowercased(), default: []].append(other.lowercased()) }
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
                          identifier: graph.identifier(of: author),
                          identifiers: graph.identifier(of: author).map { Set([$0.lowercased()] + (others[$0.lowercased()] ?? [])) } ?? [])
        }
        var papersOf = [[Int]](repeating: [], count: people.count)
        for paper in papers { for author in paper.authors { papersOf[author].append(paper.id) } }
        self.papersOf = papersOf
        paperCounts = papersOf.map(\.count)
    }

    /// What the output shows for a person's `years` (first and last year of their papers),
    /// `venues` and `coauthors` (the three with most papers, most first, ties by name) and
    /// `identifier` (SEMANTICS.md, `authors named`), read off the papers.
    func facts(of person: Int) -> String {
        let mine = papersOf[person].map { papers[$0] }
        let years = mine.compactMap(\.year)
        var venueCounts: [String: Int] = [:]
        var coauthorCounts: [Int: Int] = [:]
        for paper in mine {
            if let venue = paper.venue { venueCounts[venue, default: 0] += 1 }
            for other in paper.authors where other != person { coauthorCounts[other, default: 0] += 1 }
        }
        let venues = venueCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3).map(\.key)
        let coauthors = coauthorCounts.map { (name: people[$0.key].name, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }.prefix(3).map(\.name)
        return Answer.facts(years: years.min().map { $0...years.max()! }, venues: venues, coauthors: coauthors,
                            identifier: people[person].identifier)
    }
}
