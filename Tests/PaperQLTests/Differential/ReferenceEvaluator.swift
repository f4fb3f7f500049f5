import PaperQL

/// A second, deliberately plain reading of SEMANTICS.md: it walks the parser's syntax tree and
/// tests every paper one by one against each filter. It uses no index, planner, checker or
/// evaluator code of the engine; only the parser (the one grammar), text folding (the one
/// definition of "ignoring case, accents and punctuation") and the graph's per-paper values.
struct ReferenceEvaluator {
    let corpus: ReferenceCorpus
    private(set) var bindings: [String: Answer] = [:]
    /// The groups the last `path` went between, to check the engine's path against.
    let pathEnds = PathEnds()

    final class PathEnds {
        var sources: Set<Int> = []
        var targets: Set<Int> = []
    }

    init(corpus: ReferenceCorpus) {
        self.corpus = corpus
    }

    struct Rejection: Error {
        let reason: String
    }

    /// Runs every statement of a script; the answer of the last one (`rejected` when any is refused).
    mutating func run(_ text: String) -> Answer {
        let parsed = Parser.parse(SourceFile(name: "<reference>", text: text))
        if parsed.diagnostics.contains(where: { $0.severity == .error }) { return .rejected }
        var last = Answer.rejected
        for statement in parsed.script.statements {
            do {
                switch statement {
                case .binding(let name, let value, _):
                    let answer = try pipeline(value)
                    bindings[name.text] = answer
                    last = answer
                case .query(let value):
                    last = try pipeline(value)
                case .invalid:
                    return .rejected
                }
            } catch {
                return .rejected
            }
        }
        return last
    }

    // MARK: - Pipelines

    func pipeline(_ pipeline: Pipeline) throws(Rejection) -> Answer {
        var value = try set(pipeline.source)
        for stage in pipeline.stages { value = try apply(stage, to: value) }
        return value
    }

    func set(_ expression: SetExpression) throws(Rejection) -> Answer {
        switch expression {
        case .papers(_, let filter):
            guard let filter else { return .papers(ordered(Array(corpus.papers.indices))) }
            let test = try test(filter)
            return .papers(ordered(corpus.papers.indices.filter { test(corpus.papers[$0]) }))
        case .authors(_, let of):
            guard let of else {
                return .authors(authorOrder(corpus.people.indices.map { person in
                    Answer.AuthorRow(person: person, name: corpus.people[person].name,
                                     papers: corpus.paperCounts[person], shared: nil, distance: nil)
                }))
            }
            var counts: [Int: Int] = [:]
            for paper in try paperIDs(of: try set(of)) {
                for author in corpus.papers[paper].authors { counts[author, default: 0] += 1 }
            }
            return .authors(authorOrder(counts.map { person, count in
                Answer.AuthorRow(person: person, name: corpus.people[person].name, papers: count, shared: nil, distance: nil)
            }))
        case .authorsNamed(_, let name, let exactly):
            // Every person the name means, with all their papers.
            let people = try people(named: name.text, exactly: exactly)
            return .authors(authorOrder(people.map { person in
                Answer.AuthorRow(person: person, name: corpus.people[person].name, papers: corpus.paperCounts[person],
                                 shared: nil, distance: nil)
            }))
        case .venues(_, let of):
            var counts: [String: Int] = [:]
            let papers = try of.map { of throws(Rejection) in try paperIDs(of: try set(of)) } ?? Array(corpus.papers.indices)
            for paper in papers { if let venue = corpus.papers[paper].venue { counts[venue, default: 0] += 1 } }
            return .venues(counts.map { Answer.VenueRow(name: $0.key, papers: $0.value) }
                .sorted { $0.papers != $1.papers ? $0.papers > $1.papers : $0.name < $1.name })
        case .coauthors(_, let reference, let within):
            let sources = try people(anyOf: reference)
            if let within {
                guard case .integer(let hops) = within.kind, hops >= 1 else { throw Rejection(reason: "within < 1") }
                return .authors(authorOrder(distances(from: sources, upTo: hops).map { person, distance in
                    Answer.AuthorRow(person: person, name: corpus.people[person].name, papers: corpus.paperCounts[person],
                                     shared: nil, distance: distance)
                }))
            }
            var shared: [Int: Int] = [:]
            for paper in corpus.papers where paper.authors.contains(where: sources.contains) {
                for author in paper.authors where !sources.contains(author) { shared[author, default: 0] += 1 }
            }
            return .authors(authorOrder(shared.map { person, count in
                Answer.AuthorRow(person: person, name: corpus.people[person].name, papers: corpus.paperCounts[person],
                                 shared: count, distance: nil)
            }))
        case .path(_, let from, let to):
            let sources = try people(anyOf: from)
            let targets = try people(anyOf: to)
            pathEnds.sources = sources
            pathEnds.targets = targets
            return .path(shortestPath(from: sources, to: targets))
        case .profile(_, let reference):
            // The works are every paper of one of the people; a coauthor's count is the works
            // they are on.
            let people = try people(anyOf: reference)
            let works = corpus.papers.indices.filter { corpus.papers[$0].authors.contains(where: people.contains) }
            var shared: [Int: Int] = [:]
            for paper in works {
                for author in Set(corpus.papers[paper].authors) where !people.contains(author) { shared[author, default: 0] += 1 }
            }
            return .profile(works: works.sorted(), shared: shared)
        case .variable(let name):
            guard let value = bindings[name.text] else { throw Rejection(reason: "unknown name \(name.text)") }
            return value
        case .parenthesized(let inner, _):
            return try pipeline(inner)
        case .filtered(let base, let filter):
            let papers = try paperIDs(of: try set(base))
            let test = try test(filter)
            return .papers(ordered(papers.filter { test(corpus.papers[$0]) }))
        case .invalid:
            throw Rejection(reason: "invalid")
        }
    }

    private func paperIDs(of answer: Answer) throws(Rejection) -> [Int] {
        guard case .papers(let ids) = answer else { throw Rejection(reason: "not papers") }
        return ids
    }

    // MARK: - Stages

    func apply(_ stage: Stage, to value: Answer) throws(Rejection) -> Answer {
        switch value {
        case .count, .path, .rejected: throw Rejection(reason: "stage after a scalar")
        default: break
        }
        switch stage {
        case .count(nil, _):
            return .count(value.rowCount ?? 0)
        case .count(let name?, _):
            guard case .papers(let ids) = value, let field = Self.field(name.text),
                ["year", "venue", "authors", "categories", "institutions", "type", "sources"].contains(field)
            else { throw Rejection(reason: "count by") }
            return .groups(groups(ids, by: field))
        case .limit(let count, _):
            switch value {
            case .papers(let rows): return .papers(Array(rows.prefix(count)))
            case .authors(let rows): return .authors(Array(rows.prefix(count)))
            case .venues(let rows): return .venues(Array(rows.prefix(count)))
            case .groups(let rows): return .groups(Array(rows.prefix(count)))
            default: return value
            }
        case .show(let fields, _):
            for field in fields {
                guard let name = Self.field(field.text), Self.shownFields(value).contains(name) else {
                    throw Rejection(reason: "show \(field.text)")
                }
            }
            return value
        case .sort(let keys, _):
            var resolved: [(field: String, descending: Bool)] = []
            for key in keys {
                guard let name = Self.field(key.field.text), Self.sortFields(value).contains(name) else {
                    throw Rejection(reason: "sort by \(key.field.text)")
                }
                resolved.append((name, key.descending ?? Self.descendingByDefault.contains(name)))
            }
            return sorted(value, by: resolved)
        case .invalid:
            throw Rejection(reason: "invalid stage")
        }
    }

    static func field(_ typed: String) -> String? {
        let lowered = typed.lowercased()
        let aliases = ["author": "authors", "category": "categories", "institution": "institutions", "source": "sources",
                       "version": "versions", "paper": "papers"]
        let known = ["id", "title", "year", "venue", "authors", "type", "date", "categories", "institutions", "abstract",
                     "sources", "versions", "doi", "truncated", "name", "papers", "shared", "distance", "variants", "key",
                     "count", "identifier", "years", "venues", "coauthors"]
        if known.contains(lowered) { return lowered }
        return aliases[lowered]
    }

    static let descendingByDefault: Set<String> = ["year", "date", "papers", "shared", "count", "authors"]

    static func sortFields(_ value: Answer) -> [String] {
        switch value {
        case .papers: ["title", "year", "venue", "date", "id", "type", "authors"]
        case .authors: ["name", "papers", "shared", "distance"]
        case .venues: ["name", "papers"]
        case .groups: ["key", "count"]
        default: []
        }
    }

    static func shownFields(_ value: Answer) -> [String] {
        switch value {
        case .papers: ["id", "title", "year", "venue", "authors", "type", "date", "categories", "institutions", "abstract",
                       "sources", "versions", "doi", "truncated"]
        case .authors: ["name", "papers", "shared", "distance", "variants", "identifier", "years", "venues", "coauthors"]
        case .venues: ["name", "papers"]
        case .groups: ["key", "count"]
        default: []
        }
    }

    // MARK: - Orders

    /// Papers: newest first (no year last), then title (by code points), then id.
    func ordered(_ ids: [Int]) -> [Int] {
        ids.sorted { a, b in
            let x = corpus.papers[a]
            let y = corpus.papers[b]
            if x.year != y.year {
                guard let first = x.year else { return false }
                guard let second = y.year else { return true }
                return first > second
            }
            if x.titleBytes != y.titleBytes { return x.titleBytes.lexicographicallyPrecedes(y.titleBytes) }
            return x.keyBytes.lexicographicallyPrecedes(y.keyBytes)
        }
    }

    /// Authors: by distance (nearest first), or shared papers, or papers (most first); then name;
    /// then the person's id (namesakes).
    func authorOrder(_ rows: [Answer.AuthorRow]) -> [Answer.AuthorRow] {
        rows.sorted { a, b in
            if let x = a.distance, let y = b.distance, x != y { return x < y }
            if let x = a.shared, let y = b.shared, x != y { return x > y }
            if a.distance != nil || a.shared == nil, a.papers != b.papers { return a.papers > b.papers }
            return a.name != b.name ? a.name < b.name : a.person < b.person
        }
    }

    func groups(_ ids: [Int], by field: String) -> [Answer.GroupRow] {
        var counts: [String: Int] = [:]
        var missing = 0
        for id in ids {
            let paper = corpus.papers[id]
            let keys: [String]
            switch field {
            case "year": keys = paper.year.map { [String($0)] } ?? []
            case "type": keys = paper.type.map { [$0.rawValue] } ?? []
            case "venue": keys = paper.venue.map { [$0] } ?? []
            case "authors": keys = paper.authors.map { "\($0)" }
            case "categories": keys = Array(Set(paper.categories))
            case "institutions": keys = Array(Set(paper.institutions))
            default: keys = Array(Set(paper.sources))
            }
            if keys.isEmpty { missing += 1 }
            for key in keys { counts[key, default: 0] += 1 }
        }
        var rows = counts.map { key, count in
            Answer.GroupRow(key: field == "authors" ? corpus.people[Int(key) ?? 0].name : key, count: count)
        }
        if field == "year" {
            rows.sort { Int($0.key ?? "") ?? 0 < Int($1.key ?? "") ?? 0 }
        } else {
            rows.sort { $0.count != $1.count ? $0.count > $1.count : ($0.key ?? "") < ($1.key ?? "") }
        }
        if missing > 0 { rows.append(Answer.GroupRow(key: nil, count: missing)) }
        return rows
    }

    func sorted(_ value: Answer, by keys: [(field: String, descending: Bool)]) -> Answer {
        func order<Row>(_ rows: [Row], _ compare: (Row, Row, String) -> Int) -> [Row] {
            rows.enumerated().sorted { a, b in
                for key in keys {
                    let result = compare(a.element, b.element, key.field)
                    if result != 0 { return key.descending ? result > 0 : result < 0 }
                }
                return a.offset < b.offset
            }.map(\.element)
        }
        func three<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch value {
        case .papers(let ids):
            return .papers(order(ids) { a, b, field in
                let x = corpus.papers[a]
                let y = corpus.papers[b]
                switch field {
                case "year": return three(x.year ?? 0, y.year ?? 0)
                case "title": return three(x.title.lowercased(), y.title.lowercased())
                case "venue": return three(x.venue ?? "", y.venue ?? "")
                case "date": return three(x.date ?? x.year.map(String.init) ?? "", y.date ?? y.year.map(String.init) ?? "")
                case "id": return three(x.key, y.key)
                case "type": return three(x.type?.rawValue ?? "", y.type?.rawValue ?? "")
                default: return three(x.authors.count, y.authors.count)
                }
            })
        case .authors(let rows):
            return .authors(order(rows) { a, b, field in
                switch field {
                case "name": three(a.name, b.name)
                case "papers": three(a.papers, b.papers)
                case "shared": three(a.shared ?? 0, b.shared ?? 0)
                default: three(a.distance ?? 0, b.distance ?? 0)
                }
            })
        case .venues(let rows):
            return .venues(order(rows) { a, b, field in field == "name" ? three(a.name, b.name) : three(a.papers, b.papers) })
        case .groups(let rows):
            return .groups(order(rows) { a, b, field in
                if field == "count" { return three(a.count, b.count) }
                switch (a.key, b.key) {
                case (nil, nil): return 0
                case (nil, _): return 1
                case (_, nil): return -1
                case (let x?, let y?):
                    if let p = Int(x), let q = Int(y) { return three(p, q) }
                    return three(x, y)
                }
            })
        default:
            return value
        }
    }

    // MARK: - Traversals

    /// Breadth-first coauthor distances from a group (the group itself excluded).
    func distances(from sources: Set<Int>, upTo hops: Int) -> [Int: Int] {
        var distance: [Int: Int] = [:]
        var seen = sources
        var frontier = sources
        var level = 0
        while !frontier.isEmpty, level < hops {
            level += 1
            var next = Set<Int>()
            for paper in corpus.papers where paper.authors.contains(where: frontier.contains) {
                for author in paper.authors where !seen.contains(author) {
                    seen.insert(author)
                    next.insert(author)
                    distance[author] = level
                }
            }
            frontier = next
        }
        return distance
    }

    /// A shortest path as (person, paper) steps; only its length matters for comparison.
    func shortestPath(from sources: Set<Int>, to targets: Set<Int>) -> [(person: Int, via: Int?)] {
        guard !sources.isEmpty, !targets.isEmpty else { return [] }
        if let common = sources.intersection(targets).min() { return [(common, nil)] }
        var parent: [Int: (person: Int, paper: Int)] = [:]
        var seen = sources
        var frontier = sources
        while !frontier.isEmpty {
            var next = Set<Int>()
            for paper in corpus.papers {
                guard let from = paper.authors.first(where: frontier.contains) else { continue }
                for author in paper.authors where !seen.contains(author) {
                    seen.insert(author)
                    next.insert(author)
                    parent[author] = (from, paper.id)
                }
            }
            if let reached = next.intersection(targets).min() {
                var steps: [(person: Int, via: Int?)] = []
                var current = reached
                while let link = parent[current] {
                    steps.append((current, link.paper))
                    current = link.person
                }
                steps.append((current, nil))
                return steps.reversed()
            }
            frontier = next
        }
        return []
    }
}
