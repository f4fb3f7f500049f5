import Foundation

/// Finding authors, venues, categories, institutions and words by what a user typed.
extension PaperGraph {
    /// Authors a typed name can mean, most papers first.
    ///
    /// Tolerant matching ignores case, accents and punctuation and allows a missing middle
    /// name or an initial (`"Scott Reed"` finds "Scott E. Reed"); `exactly` requires the whole
    /// folded name (`exactly "Scott E. Reed"` does not find "Scott Reed").
    public func authors(matching typed: String, exactly: Bool = false) -> [AuthorID] {
        // An identifier from the sources picks one person: "acl:yang-liu-ict".
        if typed.contains(":"), let author = authorsByIdentifier[typed.trimmingCharacters(in: .whitespaces).lowercased()] {
            return [AuthorID(author)]
        }
        // A name in either of its forms: folded, and with umlauts written out and hyphens and
        // apostrophes inside names dropped ("Schuetze" finds "Schütze", "Junichi" "Jun-ichi").
        // People written exactly so come first: other spellings only when nobody is.
        let forms = TextFolding.nameForms(typed)
        guard !forms[0].isEmpty else { return [] }
        let spelled = Set<UInt32>(forms.flatMap { authorsByFoldedName[$0].map(Array.init) ?? [] })
        var found = spelled.filter { author in
            authorVariants[Int(author)].contains { TextFolding.fold(variantNames[Int($0)]) == forms[0] }
        }
        if found.isEmpty { found = spelled }
        if !exactly {
            let people = TextFolding.nameForms(typed, folded: TextFolding.foldName(typed)).compactMap(PersonName.init(folded:))
            // The typed name's first full given name ("Aditya" in "Aditya Joshi"), in each form.
            let typedFirstNames = Set(people.compactMap { $0.given.first { $0.count > 1 } })
            for person in people {
                for candidate in authorsByFamilyName[String(person.family)].map(Array.init) ?? [] where !found.contains(candidate) {
                    var matches = false
                    var fullGivenNames = Set<Substring>()
                    for variant in authorVariants[Int(candidate)] {
                        let name = variantNames[Int(variant)]
                        for form in TextFolding.nameForms(name, folded: TextFolding.foldName(name)) {
                            guard let written = PersonName(folded: form) else { continue }
                            if !matches, written.isCompatible(with: person) || written.addsALeadingGivenName(to: person)
                                || person.addsALeadingGivenName(to: written)
                            {
                                matches = true
                            }
                            fullGivenNames.formUnion(written.given.filter { $0.count > 1 })
                        }
                    }
                    // A known full given name beats an initial: "Aditya Joshi" does not find the
                    // person written "Aravind K. Joshi" and "A. Joshi".
                    if matches, !typedFirstNames.isEmpty, !fullGivenNames.isEmpty, fullGivenNames.isDisjoint(with: typedFirstNames) {
                        matches = false
                    }
                    if matches { found.insert(candidate) }
                }
            }
        }
        return found.map(AuthorID.init).sorted { byPaperCountThenName($0, $1) }
    }

    /// The identifier the sources give an author (`acl:yang-liu-ict`), if any.
    public func identifier(of author: AuthorID) -> String? {
        authorIdentifiers.isEmpty(Int(author.rawValue)) ? nil : authorIdentifiers[Int(author.rawValue)]
    }

    /// The venues an author published at most, with their papers there (most first, ties by name).
    public func topVenues(of author: AuthorID, limit: Int = 3) -> [(name: String, papers: Int)] {
        var counts: [UInt32: Int] = [:]
        for paper in authorPapers[Int(author.rawValue)] where paperVenues[Int(paper)] != PaperGraph.noValue {
            counts[paperVenues[Int(paper)], default: 0] += 1
        }
        return counts.map { (name: venues.names[Int($0.key)], papers: $0.value) }
            .sorted { $0.papers != $1.papers ? $0.papers > $1.papers : $0.name < $1.name }
            .prefix(limit).map { $0 }
    }

    /// The people an author shares most papers with, and how many (most first, ties by name).
    public func topCoauthors(of author: AuthorID, limit: Int = 3) -> [(name: String, shared: Int)] {
        var shared: [UInt32: Int] = [:]
        for paper in authorPapers[Int(author.rawValue)] {
            for other in paperAuthors[Int(paper)] where other != author.rawValue { shared[other, default: 0] += 1 }
        }
        return shared.map { (name: name(of: AuthorID($0.key)), shared: $0.value) }
            .sorted { $0.shared != $1.shared ? $0.shared > $1.shared : $0.name < $1.name }
            .prefix(limit).map { $0 }
    }

    /// `2019` or `2015–2021`.
    public static func describe(years: ClosedRange<Int>) -> String {
        years.lowerBound == years.upperBound ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
    }

    /// Author names close to a typed name, for "did you mean": each name once, however many
    /// people bear it (DBLP has dozens of "Jing Hu"s, which were a note each), closest first.
    public func authorSuggestions(for typed: String, limit: Int = 3) -> [AuthorSuggestion] {
        let folded = TextFolding.fold(typed)
        let names = Suggestions.closest(to: folded, among: authorsByFoldedName.index.allKeys, limit: limit, key: { $0 })
        var seen = Set<UInt32>()
        var suggestions: [AuthorSuggestion] = []
        var papersOfName: [Set<UInt32>] = []
        for author in names.flatMap({ authorsByFoldedName[$0].map(Array.init) ?? [] }) where seen.insert(author).inserted {
            let name = name(of: AuthorID(author))
            let index = suggestions.firstIndex { $0.name == name } ?? {
                suggestions.append(AuthorSuggestion(name: name, people: 0, papers: 0))
                papersOfName.append([])
                return suggestions.count - 1
            }()
            suggestions[index].people += 1
            papersOfName[index].formUnion(authorPapers[Int(author)])
            suggestions[index].papers = papersOfName[index].count
        }
        return suggestions
    }

    /// The default order of authors (SEMANTICS.md): most papers first, then by name, then by id
    /// (namesakes come in the order answers list them).
    func byPaperCountThenName(_ a: AuthorID, _ b: AuthorID) -> Bool {
        let countA = paperCount(of: a)
        let countB = paperCount(of: b)
        if countA != countB { return countA > countB }
        let nameA = name(of: a)
        let nameB = name(of: b)
        return nameA != nameB ? nameA < nameB : a.rawValue < b.rawValue
    }

    /// Venue values a typed name means: the venue with that name, or else every venue whose
    /// name contains all the typed words.
    func venueValues(matching typed: String) -> [UInt32] {
        facetValues(venues, matching: typed)
    }

    /// Categories: `LG` matches `LG` and `cs.LG`.
    func categoryValues(matching typed: String) -> [UInt32] {
        let folded = TextFolding.fold(typed)
        if let exact = categories.byFoldedName[folded] { return [exact] }
        return categories.names.indices.filter { index in
            TextFolding.words(categories.names[index]).last.map { String($0) == folded } ?? false
        }.map(UInt32.init)
    }

    func institutionValues(matching typed: String) -> [UInt32] {
        facetValues(institutions, matching: typed)
    }

    private func facetValues(_ facet: Facet, matching typed: String) -> [UInt32] {
        let folded = TextFolding.fold(typed)
        guard !folded.isEmpty else { return [] }
        if let exact = facet.byFoldedName[folded] { return [exact] }
        let wanted = Set(folded.split(separator: " "))
        return facet.names.indices.filter { index in
            wanted.isSubset(of: Set(TextFolding.words(facet.names[index])))
        }.map(UInt32.init)
    }

    /// Word ids of folded words; nil for a word no paper contains.
    func wordID(_ folded: String) -> UInt32? { wordsByText[folded] }

    /// Words in the index close to a typed word.
    func wordSuggestions(for word: String) -> [String] {
        Suggestions.closest(to: word, among: wordsByText.allKeys, limit: 3, key: { $0 })
    }

    func paperCount(inFacet facet: Facet, value: UInt32) -> Int { facet.papers.count(Int(value)) }
}

extension PaperGraph {
    /// Titles close to a typed title, found among papers sharing its rarest word.
    func titleSuggestions(for typed: String) -> [String] {
        let words = TextFolding.words(typed).map(String.init)
        let known = words.compactMap { wordsByText[$0] }
        guard let rarest = known.min(by: { wordPapers.count(Int($0)) < wordPapers.count(Int($1)) }) else { return [] }
        let candidates = wordPapers[Int(rarest)].prefix(20_000).map { titles[Int($0)] }
        return Suggestions.closest(to: typed, among: candidates, key: TextFolding.fold)
    }
}

/// A name offered for a typed author name that matched nobody: how many people bear it, and
/// their papers (a paper two of them wrote counts once).
public struct AuthorSuggestion: Sendable, Equatable {
    public var name: String
    public var people: Int
    public var papers: Int
}
