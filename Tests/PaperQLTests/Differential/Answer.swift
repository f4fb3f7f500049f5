import PaperQL

/// What a statement answered, in a form both evaluators produce and that can be compared.
enum Answer: Equatable, CustomStringConvertible {
    struct AuthorRow: Equatable {
        let person: Int
        let name: String
        let papers: Int
        let shared: Int?
        let distance: Int?
        /// What `show years, venues, coauthors, identifier` gives for the person, on the first
        /// `Answer.factRows` rows (nil elsewhere, and from the SQL engines, which do not compute
        /// them): compared when both sides have it.
        var facts: String? = nil
        /// The row as a failure shows it: who (id), then what every output shows.
        var shown: String {
            "#\(person) \(name)|\(papers)|\(shared.map(String.init) ?? "-")|\(distance.map(String.init) ?? "-")"
                + (facts.map { " {\($0)}" } ?? "")
        }

        static func == (lhs: AuthorRow, rhs: AuthorRow) -> Bool {
            lhs.person == rhs.person && lhs.name == rhs.name && lhs.papers == rhs.papers && lhs.shared == rhs.shared
                && lhs.distance == rhs.distance && (lhs.facts == nil || rhs.facts == nil || lhs.facts == rhs.facts)
        }
    }

    /// How many rows of an author answer carry their facts.
    static let factRows = 20

    /// The facts of a person as both sides write them.
    static func facts(years: ClosedRange<Int>?, venues: [String], coauthors: [String], identifier: String?) -> String {
        "years \(years.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-"); venues \(venues); coauthors \(coauthors); identifier \(identifier ?? "-")"
    }

    /// The answer with the facts of the first `factRows` people.
    func withFacts(_ facts: (Int) -> String) -> Answer {
        guard case .authors(var rows) = self else { return self }
        for index in rows.indices.prefix(Self.factRows) { rows[index].facts = facts(rows[index].person) }
        return .authors(rows)
    }

    struct VenueRow: Equatable {
        let name: String
        let papers: Int
    }

    struct GroupRow: Equatable {
        /// nil for the group of papers without a value.
        let key: String?
        let count: Int
    }

    case papers([Int])
    case authors([AuthorRow])
    case venues([VenueRow])
    case groups([GroupRow])
    case count(Int)
    /// A path: the authors stepped through and the paper behind each step (nil for the first).
    case path([(person: Int, via: Int?)])
    /// A profile: the works (ids, ascending) and the shared papers of the coauthors it lists
    /// (the engine lists the closest ten; the reference, every coauthor).
    case profile(works: [Int], shared: [Int: Int])
    /// The statement was refused (a name that matches nothing, a year that is not one, …).
    case rejected

    static func == (lhs: Answer, rhs: Answer) -> Bool {
        switch (lhs, rhs) {
        case (.papers(let a), .papers(let b)): a == b
        case (.authors(let a), .authors(let b)): a == b
        case (.venues(let a), .venues(let b)): a == b
        case (.groups(let a), .groups(let b)): a == b
        case (.count(let a), .count(let b)): a == b
        case (.path(let a), .path(let b)): a.map(\.person) == b.map(\.person) && a.map(\.via) == b.map(\.via)
        case (.profile(let a, let x), .profile(let b, let y)): a == b && x == y
        case (.rejected, .rejected): true
        default: false
        }
    }

    var rowCount: Int? {
        switch self {
        case .papers(let rows): rows.count
        case .authors(let rows): rows.count
        case .venues(let rows): rows.count
        case .groups(let rows): rows.count
        case .count, .path, .profile, .rejected: nil
        }
    }

    var description: String {
        switch self {
        case .papers(let rows): "papers \(rows.prefix(30))\(rows.count > 30 ? "… (\(rows.count))" : "")"
        case .authors(let rows): "authors \(rows.prefix(12).map(\.shown))\(rows.count > 12 ? "… (\(rows.count))" : "")"
        case .venues(let rows): "venues \(rows.prefix(12).map { "\($0.name)|\($0.papers)" })"
        case .groups(let rows): "groups \(rows.prefix(12).map { "\($0.key ?? "∅")|\($0.count)" })"
        case .count(let count): "count \(count)"
        case .path(let steps): "path \(steps.map(\.person)) via \(steps.map { $0.via.map(String.init) ?? "-" })"
        case .profile(let works, let shared):
            "profile of \(works.count) works \(works.prefix(20)), coauthors \(shared.sorted { $0.key < $1.key }.prefix(12).map { "\($0.key)|\($0.value)" })"
        case .rejected: "rejected"
        }
    }
}

extension Answer {
    /// The engine's result in comparable form.
    init(_ result: QueryResult, graph: PaperGraph) {
        switch result {
        case .papers(let rows):
            self = .papers(rows.papers.map { Int($0.rawValue) })
        case .authors(let rows):
            self = Answer.authors(rows.rows.map {
                AuthorRow(person: Int($0.author.rawValue), name: graph.name(of: $0.author), papers: $0.papers,
                          shared: $0.shared, distance: $0.distance)
            }).withFacts { person in
                // What the output shows for `years`, `venues`, `coauthors` and `identifier`.
                let author = AuthorID(UInt32(person))
                return Answer.facts(years: graph.activeYears(of: author), venues: graph.topVenues(of: author).map(\.name),
                                    coauthors: graph.topCoauthors(of: author).map(\.name), identifier: graph.identifier(of: author))
            }
        case .venues(let rows):
            self = .venues(rows.rows.map { VenueRow(name: $0.name, papers: $0.papers) })
        case .groups(let rows):
            self = .groups(rows.rows.map { row in
                switch row.key {
                case .year(let year): GroupRow(key: String(year), count: row.count)
                case .text(let text): GroupRow(key: text, count: row.count)
                case .none: GroupRow(key: nil, count: row.count)
                }
            })
        case .count(let count):
            self = .count(count)
        case .path(let path):
            self = .path(path.steps.map { (Int($0.author.rawValue), $0.via.map { Int($0.rawValue) }) })
        case .profile(let profile):
            self = .profile(works: profile.works.map { Int($0.rawValue) }.sorted(),
                            shared: Dictionary(uniqueKeysWithValues: profile.collaborators.map { (Int($0.author.rawValue), $0.shared) }))
        }
    }

    /// Whether the engine's answer agrees with the reference's. Rows must agree in order, people
    /// by who they are as well as by what is shown (namesakes come in the order of their ids). A
    /// path must have the reference's length and be a real path between the two groups.
    func agrees(withReference reference: Answer, pathCheck: (([(person: Int, via: Int?)]) -> Bool)?) -> Bool {
        switch (self, reference) {
        case (.profile(let works, let shared), .profile(let allWorks, let allShared)):
            // The same works; the closest ten coauthors, each with the reference's count.
            return works == allWorks && shared.count == min(10, allShared.count)
                && shared.allSatisfy { allShared[$0.key] == $0.value }
                && shared.values.sorted(by: >) == Array(allShared.values.sorted(by: >).prefix(10))
        case (.path(let mine), .path(let theirs)):
            guard mine.count == theirs.count else { return false }
            return mine.isEmpty || (pathCheck?(mine) ?? true)
        default:
            return self == reference
        }
    }
}
