import Foundation

/// Computes a researcher profile (`ProfileResult`) for a group of people from the graph.
///
/// - works: every paper of one of the people;
/// - topics: categories counted over the works; words and two-word phrases (of the folded title
///   and abstract, without stop words, numbers or words under three letters) scored by tf-idf
///   against the whole graph: the works that have the term × ln(N / papers of the graph that
///   have it), N the graph's paper count; a term on one work only counts when the person has
///   fewer than four works; ties by text;
/// - close collaborators: coauthors by shared papers (most first; then the latest shared year,
///   then name), with the years of those papers;
/// - nearby: papers of coauthors that none of the people is on, by how many coauthors are on them
///   plus how many of the distinctive terms they have (most first; then newest, then title).
struct ProfileBuilder {
    let graph: PaperGraph
    var collaboratorLimit = 10
    var termLimit = 8
    var nearbyLimit = 10

    /// Words that say nothing about a topic.
    static let stopWords: Set<String> = [
        "a", "about", "above", "across", "after", "again", "against", "all", "also", "among", "an", "and", "any", "are",
        "as", "at", "be", "been", "being", "between", "both", "but", "by", "can", "could", "do", "does", "done", "due",
        "each", "either", "et", "etc", "even", "every", "for", "from", "further", "had", "has", "have", "having", "here",
        "how", "however", "if", "in", "into", "is", "it", "its", "itself", "just", "less", "like", "many", "may", "more",
        "most", "much", "must", "new", "no", "nor", "not", "novel", "of", "on", "one", "only", "or", "other", "our",
        "ours", "out", "over", "paper", "per", "propose", "proposed", "same", "several", "should", "show", "shows",
        "since", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "thus", "to", "two", "under", "up", "upon", "use", "used", "uses", "using", "very",
        "via", "was", "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "results", "approach", "method",
        "methods", "based", "work", "first", "different", "make", "allows", "able", "significantly", "whilst",
        "unclear", "call", "called", "comparably", "comparable", "existing", "performs", "perform", "during", "often",
        "simple", "shown", "demonstrate", "present", "presents", "study", "find", "found", "achieve", "achieves",
        "improve", "improves", "better", "best", "high", "highly", "range", "way", "ways", "number", "order", "known",
        "given", "general", "recent", "recently", "previous", "prior", "provide", "provides", "including", "include",
        "particular", "important", "current", "currently", "compare", "compared", "need", "needs", "still", "take",
        "takes", "second", "three", "four", "set", "sets", "art", "key", "large", "small", "times", "instead",
        "because", "both", "enable", "enables", "introduce", "introduces", "result", "consider", "further", "across",
    ]

    func profile(of people: [AuthorID], name: String) -> ProfileResult {
        let members = Set(people)
        var workSet = Set<PaperID>()
        for person in people { workSet.formUnion(graph.papers(of: person)) }
        let works = Self.newestFirst(Array(workSet), graph: graph)
        let years = works.compactMap { graph.year(of: $0) }
        let span = years.min().flatMap { first in years.max().map { first...$0 } }
        var perYear: [(year: Int, papers: Int)] = []
        if let span, span.count <= 10_000 {
            var counts: [Int: Int] = [:]
            for year in years { counts[year, default: 0] += 1 }
            perYear = span.map { ($0, counts[$0] ?? 0) }
        }
        let (words, phrases) = terms(of: works)
        let coauthors = self.collaborators(of: works, excluding: members)
        let collaborators = Array(coauthors.prefix(collaboratorLimit))
        let distinctive = (words + phrases).map(\.text)
        var variants: [String] = []
        var identifiers: [String] = []
        for person in people {
            for variant in graph.variants(of: person) where !variants.contains(variant) { variants.append(variant) }
            if let identifier = graph.identifier(of: person), !identifiers.contains(identifier) { identifiers.append(identifier) }
        }
        return ProfileResult(
            name: name, people: people, works: works, years: span,
            types: Self.tally(works.map { graph.type(of: $0)?.rawValue }),
            venues: Self.tally(works.map { graph.venue(of: $0) }),
            perYear: perYear,
            categories: Self.tally(works.flatMap { Set(graph.categories(of: $0)).sorted() }),
            words: words, phrases: phrases, collaborators: collaborators,
            institutions: Self.tally(works.flatMap { Set(graph.institutions(of: $0)).sorted() }),
            variants: variants, identifiers: identifiers,
            nearby: nearby(collaborators: coauthors.map(\.author), excluding: workSet, terms: distinctive))
    }

    /// Papers newest first (no year last), then by title (Unicode code points), then id.
    static func newestFirst(_ papers: [PaperID], graph: PaperGraph) -> [PaperID] {
        papers.sorted { a, b in
            let (yearA, yearB) = (graph.year(of: a) ?? Int.min, graph.year(of: b) ?? Int.min)
            if yearA != yearB { return yearA > yearB }
            let (titleA, titleB) = (graph.title(of: a), graph.title(of: b))
            if titleA != titleB { return titleA.unicodeScalars.lexicographicallyPrecedes(titleB.unicodeScalars) }
            return graph.key(of: a) < graph.key(of: b)
        }
    }

    /// Counts of values, most first, then by value; the missing value (nil) last.
    static func tally(_ values: [String?]) -> [ProfileResult.Tally] {
        var counts: [String?: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.map { ProfileResult.Tally(value: $0.key, papers: $0.value) }.sorted { a, b in
            if (a.value == nil) != (b.value == nil) { return b.value == nil }
            if a.papers != b.papers { return a.papers > b.papers }
            return (a.value ?? "") < (b.value ?? "")
        }
    }

    static func tally(_ values: [String]) -> [ProfileResult.Tally] { tally(values.map(Optional.some)) }

    /// The words and two-word phrases of a paper's title and abstract (each once).
    func termsOf(_ paper: PaperID) -> (words: Set<String>, phrases: Set<String>) {
        var words = Set<String>()
        var phrases = Set<String>()
        // A phrase never spans a sentence or clause: the text is cut at punctuation first.
        let clauses = [graph.title(of: paper), graph.abstract(of: paper) ?? ""].flatMap { text in
            text.split(whereSeparator: { ".,;:!?()[]\"".contains($0) }).map(String.init)
        }
        for text in clauses {
            var previous: Substring?
            for word in TextFolding.words(text) {
                guard Self.isTopicWord(word) else {
                    previous = nil
                    continue
                }
                words.insert(String(word))
                if let previous { phrases.insert("\(previous) \(word)") }
                previous = word
            }
        }
        return (words, phrases)
    }

    static func isTopicWord(_ word: Substring) -> Bool {
        word.count >= 3 && !word.allSatisfy(\.isNumber) && !stopWords.contains(String(word))
    }

    /// Distinctive words and phrases of the works, by tf-idf against the graph.
    func terms(of works: [PaperID]) -> (words: [ProfileResult.Term], phrases: [ProfileResult.Term]) {
        var wordCounts: [String: Int] = [:]
        var phraseCounts: [String: Int] = [:]
        for paper in works {
            let (words, phrases) = termsOf(paper)
            for word in words { wordCounts[word, default: 0] += 1 }
            for phrase in phrases { phraseCounts[phrase, default: 0] += 1 }
        }
        let minimum = works.count < 4 ? 1 : 2
        let total = Double(max(1, graph.paperCount))
        func score(_ counts: [String: Int], graphPapers: (String) -> Int) -> [ProfileResult.Term] {
            counts.filter { $0.value >= minimum }.map { text, papers in
                let inGraph = max(papers, graphPapers(text))
                return ProfileResult.Term(text: text, papers: papers, graphPapers: inGraph,
                                          score: Double(papers) * log(total / Double(inGraph)))
            }.filter { $0.score > 0 }.sorted { a, b in
                a.score != b.score ? a.score > b.score : a.text < b.text
            }.prefix(termLimit).map { $0 }
        }
        let words = score(wordCounts) { word in graph.wordID(word).map { graph.wordPapers.count(Int($0)) } ?? 0 }
        let phrases = score(phraseCounts) { phrase in graphPapers(withPhrase: phrase) }
        return (words, phrases)
    }

    /// Papers of the graph with a two-word phrase: those with both words, checked word by word.
    func graphPapers(withPhrase phrase: String) -> Int {
        let parts = phrase.split(separator: " ").map(String.init)
        guard parts.count == 2, let first = graph.wordID(parts[0]), let second = graph.wordID(parts[1]) else { return 0 }
        let candidates = Set(graph.wordPapers[Int(first)]).intersection(graph.wordPapers[Int(second)])
        return candidates.filter { termsOf(PaperID($0)).phrases.contains(phrase) }.count
    }

    /// Every coauthor by shared papers, with the years of those papers.
    func collaborators(of works: [PaperID], excluding people: Set<AuthorID>) -> [ProfileResult.Collaborator] {
        var shared: [AuthorID: (count: Int, first: Int?, last: Int?)] = [:]
        for paper in works {
            let year = graph.year(of: paper)
            for author in Set(graph.authors(of: paper)) where !people.contains(author) {
                var entry = shared[author] ?? (0, nil, nil)
                entry.count += 1
                if let year {
                    entry.first = min(entry.first ?? year, year)
                    entry.last = max(entry.last ?? year, year)
                }
                shared[author] = entry
            }
        }
        return shared.map { author, entry in
            ProfileResult.Collaborator(author: author, shared: entry.count,
                                       years: entry.first.flatMap { first in entry.last.map { first...$0 } })
        }.sorted { a, b in
            if a.shared != b.shared { return a.shared > b.shared }
            let (lastA, lastB) = (a.years?.upperBound ?? Int.min, b.years?.upperBound ?? Int.min)
            if lastA != lastB { return lastA > lastB }
            let (nameA, nameB) = (graph.name(of: a.author), graph.name(of: b.author))
            return nameA != nameB ? nameA < nameB : a.author < b.author
        }
    }

    /// Papers of the close collaborators that the person is not on, most related first.
    func nearby(collaborators: [AuthorID], excluding works: Set<PaperID>, terms: [String]) -> [ProfileResult.NearbyPaper] {
        var on: [PaperID: [AuthorID]] = [:]
        for collaborator in collaborators {
            for paper in graph.papers(of: collaborator) where !works.contains(paper) { on[paper, default: []].append(collaborator) }
        }
        let papers = on.map { paper, authors -> ProfileResult.NearbyPaper in
            let (words, phrases) = termsOf(paper)
            let found = terms.filter { words.contains($0) || phrases.contains($0) }
            return ProfileResult.NearbyPaper(paper: paper, collaborators: authors, terms: found)
        }
        let newest = Self.newestFirst(papers.map(\.paper), graph: graph)
        let rank = Dictionary(uniqueKeysWithValues: newest.enumerated().map { ($1, $0) })
        return papers.sorted { a, b in
            a.score != b.score ? a.score > b.score : rank[a.paper, default: 0] < rank[b.paper, default: 0]
        }.prefix(nearbyLimit).map { $0 }
    }
}
