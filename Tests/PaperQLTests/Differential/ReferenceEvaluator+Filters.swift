import Foundation
import PaperQL

/// Filters, one paper at a time, as SEMANTICS.md states them. A filter is first read into a
/// test on one paper (every name in it resolved, or the query refused), then run on each paper.
extension ReferenceEvaluator {
    typealias Test = (ReferenceCorpus.Paper) -> Bool

    func test(_ filter: Filter) throws(Rejection) -> Test {
        switch filter {
        case .and(let parts):
            var tests: [Test] = []
            for part in parts { tests.append(try test(part)) }
            return { paper in tests.allSatisfy { $0(paper) } }
        case .or(let parts):
            var tests: [Test] = []
            for part in parts { tests.append(try test(part)) }
            return { paper in tests.contains { $0(paper) } }
        case .not(let inner, _):
            let inner = try test(inner)
            return { !inner($0) }
        case .group(let inner, _):
            return try test(inner)
        case .by(let reference, _):
            return try authored(reference)
        case .at(let venue, _):
            let wanted = try facetValues(typed: venue.text, names: allVenues, rule: .words)
            return { paper in paper.venue.map { wanted.contains(TextFolding.fold($0)) } ?? false }
        case .category(let category, _):
            let wanted = try facetValues(typed: category.text, names: allCategories, rule: .lastWord)
            return { paper in paper.categories.contains { wanted.contains(TextFolding.fold($0)) } }
        case .institution(let institution, _):
            let wanted = try facetValues(typed: institution.text, names: allInstitutions, rule: .words)
            return { paper in paper.institutions.contains { wanted.contains(TextFolding.fold($0)) } }
        case .years(let bound, _, _):
            let (low, high) = try yearBounds(bound)
            return { paper in paper.year.map { $0 >= low && $0 <= high } ?? false }
        case .matching(let text, _):
            return try matching(text.text)
        case .titled(let title, _):
            let folded = TextFolding.fold(title.text)
            guard !folded.isEmpty, corpus.papers.contains(where: { $0.foldedTitle == folded }) else {
                throw Rejection(reason: "no title \(title.text)")
            }
            return { $0.foldedTitle == folded }
        case .comparison(let field, let op, _, let value):
            return try comparison(field.text, op, value)
        case .invalid:
            throw Rejection(reason: "invalid filter")
        }
    }

    // MARK: - Authors

    func authored(_ reference: AuthorReference) throws(Rejection) -> Test {
        switch reference {
        case .name(let literal, let exactly, _):
            let people = try self.people(named: literal.text, exactly: exactly)
            return { paper in paper.authors.contains(where: people.contains) }
        case .all(let parts):
            var tests: [Test] = []
            for part in parts { tests.append(try authored(part)) }
            return { paper in tests.allSatisfy { $0(paper) } }
        case .any(let parts):
            var tests: [Test] = []
            for part in parts { tests.append(try authored(part)) }
            return { paper in tests.contains { $0(paper) } }
        case .set(let expression):
            let people = try authorSet(expression)
            return { paper in paper.authors.contains(where: people.contains) }
        }
    }

    /// The people a traversal starts from: any of them; `and` is refused.
    func people(anyOf reference: AuthorReference) throws(Rejection) -> Set<Int> {
        switch reference {
        case .name(let literal, let exactly, _):
            return try people(named: literal.text, exactly: exactly)
        case .all:
            throw Rejection(reason: "and in a traversal")
        case .any(let parts):
            var all = Set<Int>()
            for part in parts { all.formUnion(try people(anyOf: part)) }
            return all
        case .set(let expression):
            return try authorSet(expression)
        }
    }

    private func authorSet(_ expression: SetExpression) throws(Rejection) -> Set<Int> {
        guard case .authors(let rows) = try set(expression) else { throw Rejection(reason: "not authors") }
        return Set(rows.map(\.person))
    }

    /// The people a typed name means: the people one of whose written names folds to its folded
    /// text, or when there are none, is a spelling of it (folded text or name key equal); without
    /// `exactly`, also every person with a written name
    /// of the same family name whose given names are compatible (equal, or one an initial of the
    /// other; middle names may be missing on one side, and otherwise match in order), unless the
    /// person's full given names are known and none is the typed name's first full given name.
    func people(named typed: String, exactly: Bool) throws(Rejection) -> Set<Int> {
        // An identifier names one person: theirs, or one of the others the sources give them.
        let trimmed = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.contains(":"), let person = corpus.people.indices.first(where: { corpus.people[$0].identifiers.contains(trimmed) }) {
            return [person]
        }
        let folded = TextFolding.fold(typed)
        guard !folded.isEmpty else { throw Rejection(reason: "empty name") }
        let key = TextFolding.nameKey(typed)
        let typedWords = [TextFolding.foldName(typed), key].map { $0.split(separator: " ") }
        // The typed name's first full given name; a person whose written names give full given
        // names, none of them that one, is not found through an initial or a missing name.
        let typedFirstNames = Set(typedWords.compactMap { $0.dropLast().first { $0.count > 1 } })
        // Written exactly so (folded); else written as a spelling of the name (a form equal).
        var found = Set(corpus.people.indices.filter { corpus.people[$0].foldedVariants.contains(folded) })
        if found.isEmpty {
            found = Set(corpus.people.indices.filter { person in
                let forms = Set(corpus.people[person].foldedVariants + corpus.people[person].variantKeys)
                return forms.contains(folded) || forms.contains(key)
            })
        }
        for (person, entry) in corpus.people.enumerated() where !found.contains(person) {
            guard !exactly, entry.variantWords.contains(where: { words in
                typedWords.contains { Self.compatible($0, words) || Self.leading($0, words) || Self.leading(words, $0) }
            })
            else { continue }
            let fullGivenNames = Set(entry.variantWords.flatMap { $0.dropLast().filter { $0.count > 1 } })
            if typedFirstNames.isEmpty || fullGivenNames.isEmpty || !fullGivenNames.isDisjoint(with: typedFirstNames) {
                found.insert(person)
            }
        }
        guard !found.isEmpty else { throw Rejection(reason: "no author \(typed)") }
        return found
    }

    /// `a` is `b` with one more given name in front, `b` going by its (full) second given name:
    /// "W. Bruce Croft" and "Bruce Croft".
    static func leading(_ a: [Substring], _ b: [Substring]) -> Bool {
        guard a.count >= 3, b.count >= 2, b[0].count > 1, a[1] == b[0] else { return false }
        return compatible(Array(a.dropFirst()), b)
    }

    static func compatible(_ a: [Substring], _ b: [Substring]) -> Bool {
        guard let familyA = a.last, let familyB = b.last, familyA == familyB else { return false }
        let givenA = a.dropLast()
        let givenB = b.dropLast()
        guard let firstA = givenA.first, let firstB = givenB.first else { return true }
        func same(_ x: Substring, _ y: Substring) -> Bool {
            x == y || (x.count == 1 && y.first == x.first) || (y.count == 1 && x.first == y.first)
        }
        guard same(firstA, firstB) else { return false }
        let middleA = Array(givenA.dropFirst())
        let middleB = Array(givenB.dropFirst())
        let (short, long) = middleA.count <= middleB.count ? (middleA, middleB) : (middleB, middleA)
        var position = 0
        for word in short {
            while position < long.count, !same(word, long[position]) { position += 1 }
            guard position < long.count else { return false }
            position += 1
        }
        return true
    }

    // MARK: - Facets

    enum FacetRule {
        /// The value with the same folded name; if none, every value whose words include all typed words.
        case words
        /// The value with the same folded name; if none, every value whose last word is the typed text (`LG` → `cs.LG`).
        case lastWord
    }

    var allVenues: Set<String> { corpus.venues }
    var allCategories: Set<String> { corpus.categories }
    var allInstitutions: Set<String> { corpus.institutions }

    /// The folded names a typed facet value means.
    func facetValues(typed: String, names: Set<String>, rule: FacetRule) throws(Rejection) -> Set<String> {
        let folded = TextFolding.fold(typed)
        guard !folded.isEmpty else { throw Rejection(reason: "empty value") }
        let foldedNames = Set(names.map(TextFolding.fold))
        if foldedNames.contains(folded) { return [folded] }
        let found: Set<String>
        switch rule {
        case .words:
            let wanted = Set(folded.split(separator: " "))
            found = foldedNames.filter { wanted.isSubset(of: Set($0.split(separator: " "))) }
        case .lastWord:
            found = foldedNames.filter { $0.split(separator: " ").last.map(String.init) == folded }
        }
        guard !found.isEmpty else { throw Rejection(reason: "no value \(typed)") }
        return found
    }

    /// Folded names that contain the folded text (`~`); refused when none does.
    func facetValues(containing typed: String, names: Set<String>) throws(Rejection) -> Set<String> {
        let needle = try Self.needle(typed)
        let found = Set(names.map(TextFolding.fold).filter { $0.contains(needle) })
        guard !found.isEmpty else { throw Rejection(reason: "nothing contains \(typed)") }
        return found
    }

    static func needle(_ typed: String) throws(Rejection) -> String {
        let needle = TextFolding.fold(typed)
        guard !needle.isEmpty else { throw Rejection(reason: "empty search") }
        return needle
    }

    // MARK: - Years and words

    func yearBounds(_ bound: YearBound) throws(Rejection) -> (Int, Int) {
        func year(_ literal: Literal) throws(Rejection) -> Int {
            guard case .integer(let value) = literal.kind, (1...9999).contains(value) else {
                throw Rejection(reason: "not a year")
            }
            return value
        }
        switch bound {
        case .since(let literal): return (try year(literal), Int.max)
        case .before(let literal): return (Int.min, try year(literal) - 1)
        case .until(let literal): return (Int.min, try year(literal))
        case .during(let literal):
            let value = try year(literal)
            return (value, value)
        case .between(let first, let second):
            let low = try year(first)
            let high = try year(second)
            guard low <= high else { throw Rejection(reason: "empty range") }
            return (low, high)
        }
    }

    /// Every word in the title or abstract; every quoted phrase as consecutive words of one of them.
    func matching(_ text: String) throws(Rejection) -> Test {
        var words: [Substring] = []
        var phrases: [[Substring]] = []
        for (index, segment) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let folded = TextFolding.words(String(segment))
            if index % 2 == 1 {
                if !folded.isEmpty { phrases.append(folded) }
            } else {
                words.append(contentsOf: folded)
            }
        }
        guard !words.isEmpty || !phrases.isEmpty else { throw Rejection(reason: "empty search") }
        return { paper in
            words.allSatisfy { paper.titleWords.contains($0) || paper.abstractWords.contains($0) }
                && phrases.allSatisfy { Self.contains(paper.titleWords, $0) || Self.contains(paper.abstractWords, $0) }
        }
    }

    static func contains(_ text: [Substring], _ phrase: [Substring]) -> Bool {
        guard text.count >= phrase.count else { return false }
        return (0...(text.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { text[start + $0] == phrase[$0] }
        }
    }
}
