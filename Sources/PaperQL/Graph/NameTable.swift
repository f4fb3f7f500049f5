/// People as their sources describe them: for each, an identifier, the names they are written
/// with, and any further identifiers the source gives them (the ACL Anthology's
/// `name_variants.yaml`, DBLP's person records, ORCIDs). Given to the graph builder, it joins
/// spellings that no folding could (Dan / Daniel Jurafsky), names the person, and makes the
/// identifiers one person gives one person.
public struct NameTable: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        /// Namespaced: `acl:steven-abney`.
        public let identifier: String
        /// The names a byline written without an identifier is matched against, as the source
        /// writes them (DBLP's "Wei Wang 0001" keeps its number, so it claims no unnumbered
        /// "Wei Wang").
        public let canonical: String
        public let variants: [String]
        /// The names the person is shown and found by, the display name first: the names above,
        /// unless the source writes them with marks that are not part of a name.
        public let shownNames: [String]
        /// The person's other identifiers (`orcid:0000-0003-1188-1117` for a DBLP person).
        public let otherIdentifiers: [String]

        public init(identifier: String, canonical: String, variants: [String],
                    shownNames: [String]? = nil, otherIdentifiers: [String] = []) {
            self.identifier = identifier
            self.canonical = canonical
            self.variants = variants
            self.shownNames = shownNames ?? ([canonical] + variants).filter { !$0.isEmpty }
            self.otherIdentifiers = otherIdentifiers.filter { $0 != identifier }
        }

        /// Every name the table matches.
        var matchedNames: [String] { [canonical] + variants }

        /// Whether every name and identifier of `other` is this person's already.
        func includes(_ other: Person) -> Bool {
            func has(_ identifier: String) -> Bool { identifier == self.identifier || otherIdentifiers.contains(identifier) }
            func matches(_ name: String) -> Bool { name.isEmpty || name == canonical || variants.contains(name) }
            return has(other.identifier) && other.otherIdentifiers.allSatisfy(has) && matches(other.canonical)
                && other.variants.allSatisfy(matches) && other.shownNames.allSatisfy(shownNames.contains)
        }

        /// This person with `other`'s names and identifiers added; the identifier stays this one's.
        func merged(with other: Person) -> Person {
            func adding(_ list: [String], _ more: [String]) -> [String] {
                var result = list
                for name in more where !name.isEmpty && !result.contains(name) { result.append(name) }
                return result
            }
            return Person(
                identifier: identifier, canonical: canonical,
                variants: adding(variants, other.matchedNames.filter { $0 != canonical }),
                shownNames: adding(shownNames, other.shownNames),
                otherIdentifiers: adding(otherIdentifiers, [other.identifier] + other.otherIdentifiers))
        }
    }

    /// The people, in the order they were first described; nil where a person was found to be
    /// another (two of their identifiers met) and merged into them.
    private var entries: [Person?] = []
    /// Folded name (canonical or variant) → the people written so.
    private(set) var byFoldedName: [String: [Int]] = [:]
    /// Every identifier, the person's own and their others → the person.
    private(set) var byIdentifier: [String: Int] = [:]

    public init() {}

    public var people: [Person] { entries.compactMap { $0 } }

    public var isEmpty: Bool { byIdentifier.isEmpty }

    /// Adds a person. A person one of whose identifiers is known already is that person: their
    /// names and identifiers are joined (`joined(_:_:)` says under which identifier).
    public mutating func add(_ person: Person) {
        // A description given again (DBLP repeats an author's ORCID on each of their papers)
        // changes nothing.
        if let index = byIdentifier[person.identifier], let existing = entries[index], existing.includes(person) { return }
        let known = ([person.identifier] + person.otherIdentifiers).compactMap { byIdentifier[$0] }
        var joined = person
        var index = entries.count
        if var first = known.first {
            // People the newcomer shows to be one are joined first, then the newcomer with them.
            for other in Set(known).sorted() where other != first { first = merge(other, into: first) }
            joined = Self.joined(entries[first]!, person)
            index = first
            entries[index] = joined
        } else {
            entries.append(joined)
        }
        for identifier in [joined.identifier] + joined.otherIdentifiers { byIdentifier[identifier] = index }
        for name in joined.matchedNames { indexName(name, as: index) }
    }

    /// Joins person `other` into `into` (both known), returning where the joined person is.
    private mutating func merge(_ other: Int, into target: Int) -> Int {
        guard let moved = entries[other], let kept = entries[target] else { return target }
        entries[other] = nil
        entries[target] = Self.joined(kept, moved)
        for identifier in [moved.identifier] + moved.otherIdentifiers { byIdentifier[identifier] = target }
        for name in moved.matchedNames {
            let folded = TextFolding.fold(name)
            byFoldedName[folded]?.removeAll { $0 == other }
            indexName(name, as: target)
        }
        return target
    }

    /// Two descriptions of one person as one, known by the identifier of the one that lists the
    /// other's among its others (a DBLP person record over the ORCID it lists); else by the
    /// identifier first in code-point order (`dblp:` before `openalex:` before `orcid:`), so the
    /// order files are loaded in does not matter; the first described when both are the same.
    private static func joined(_ first: Person, _ second: Person) -> Person {
        let firstLeads = first.otherIdentifiers.contains(second.identifier) ? true
            : second.otherIdentifiers.contains(first.identifier) ? false
            : first.identifier <= second.identifier
        return firstLeads ? first.merged(with: second) : second.merged(with: first)
    }

    private mutating func indexName(_ name: String, as person: Int) {
        let folded = TextFolding.fold(name)
        guard !folded.isEmpty else { return }
        if !(byFoldedName[folded]?.contains(person) ?? false) { byFoldedName[folded, default: []].append(person) }
    }

    public mutating func add(contentsOf other: NameTable) {
        for person in other.people { add(person) }
    }

    /// The identifier a name written without one stands for: the only person written so, or,
    /// among several, the one whose identifier is the name's own slug (`acl:yang-liu` for an
    /// unmarked "Yang Liu", as the Anthology assigns it). Nil when the table cannot tell.
    func identifier(forFoldedName folded: String) -> String? {
        guard let candidates = byFoldedName[folded], !candidates.isEmpty else { return nil }
        if candidates.count == 1 { return entries[candidates[0]]?.identifier }
        let slug = Self.slug(folded)
        return candidates.compactMap { entries[$0]?.identifier }.first { Self.localPart($0) == slug }
    }

    /// The person with this identifier, their own or one of their others.
    func person(identifier: String) -> Person? {
        byIdentifier[identifier].flatMap { entries[$0] }
    }

    /// The identifier the person with this one is known by: itself unless the table knows the
    /// person by another (an ORCID a DBLP person record lists gives that record's identifier).
    func primaryIdentifier(of identifier: String) -> String {
        person(identifier: identifier)?.identifier ?? identifier
    }

    /// `yang liu` → `yang-liu`.
    static func slug(_ folded: String) -> String {
        String(folded.map { $0 == " " ? "-" : $0 })
    }

    /// `acl:yang-liu` → `yang-liu`.
    static func localPart(_ identifier: String) -> Substring {
        guard let colon = identifier.firstIndex(of: ":") else { return identifier[...] }
        return identifier[identifier.index(after: colon)...]
    }
}
