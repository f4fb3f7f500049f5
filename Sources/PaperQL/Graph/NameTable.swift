/// A curated list of people: for each, an identifier, the canonical name and the other ways the
/// name is written (the ACL Anthology's `name_variants.yaml`). Given to the graph builder, it
/// joins spellings that no folding could (Dan / Daniel Jurafsky) and names the person.
public struct NameTable: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        /// Namespaced: `acl:steven-abney`.
        public let identifier: String
        public let canonical: String
        public let variants: [String]

        public init(identifier: String, canonical: String, variants: [String]) {
            self.identifier = identifier
            self.canonical = canonical
            self.variants = variants
        }
    }

    public private(set) var people: [Person] = []
    /// Folded name (canonical or variant) → the people written so.
    private(set) var byFoldedName: [String: [Int]] = [:]
    private(set) var byIdentifier: [String: Int] = [:]

    public init() {}

    public var isEmpty: Bool { people.isEmpty }

    /// Adds a person; a later entry with the same identifier adds its names to the earlier one.
    public mutating func add(_ person: Person) {
        let index: Int
        if let known = byIdentifier[person.identifier] {
            index = known
            let merged = people[known]
            people[known] = Person(identifier: merged.identifier, canonical: merged.canonical,
                                   variants: merged.variants + [person.canonical] + person.variants)
        } else {
            index = people.count
            byIdentifier[person.identifier] = index
            people.append(person)
        }
        for name in [person.canonical] + person.variants {
            let folded = TextFolding.fold(name)
            guard !folded.isEmpty else { continue }
            if !(byFoldedName[folded]?.contains(index) ?? false) { byFoldedName[folded, default: []].append(index) }
        }
    }

    public mutating func add(contentsOf other: NameTable) {
        for person in other.people { add(person) }
    }

    /// The identifier a name written without one stands for: the only person written so, or,
    /// among several, the one whose identifier is the name's own slug (`acl:yang-liu` for an
    /// unmarked "Yang Liu", as the Anthology assigns it). Nil when the table cannot tell.
    func identifier(forFoldedName folded: String) -> String? {
        guard let candidates = byFoldedName[folded] else { return nil }
        if candidates.count == 1 { return people[candidates[0]].identifier }
        let slug = Self.slug(folded)
        return candidates.map { people[$0].identifier }.first { Self.localPart($0) == slug }
    }

    func person(identifier: String) -> Person? {
        byIdentifier[identifier].map { people[$0] }
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
