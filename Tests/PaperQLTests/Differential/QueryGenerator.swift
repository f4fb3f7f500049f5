import PaperQL

/// Generates random scripts that follow the grammar, with values drawn from a graph (and now
/// and then values that match nothing, which must be refused by both evaluators alike).
struct QueryGenerator {
    enum Kind { case papers, authors, venues, groups, count, path, profile }

    private let names: [String]
    /// Identifiers of people, when the graph has any (`acl:yang-liu-ict`).
    private let identifiers: [String]
    private let venues: [String]
    private let categories: [String]
    private let institutions: [String]
    private let titles: [String]
    private let keys: [String]
    private let dois: [String]
    private let words: [String]
    private let phrases: [String]
    private let years: ClosedRange<Int>
    var random: RandomSource

    /// - Parameter otherIdentifiers: other identifiers the sources give people (`orcid:…`), each
    ///   with the identifier its person is known by; the chosen people's are typed too.
    init(graph: PaperGraph, seed: UInt64, otherIdentifiers: [String: String] = [:]) {
        random = RandomSource(seed: seed)
        var sample = RandomSource(seed: seed ^ 0xA5A5)
        let papers = graph.allPapers
        let picked = papers.count <= 400 ? papers : (0..<400).map { _ in sample.pick(papers) }
        let people = graph.allAuthors
        let chosenPeople = people.count <= 400 ? people : (0..<400).map { _ in sample.pick(people) }
        names = chosenPeople.flatMap { [graph.name(of: $0)] + graph.variants(of: $0) }
        let chosenIdentifiers = chosenPeople.compactMap { graph.identifier(of: $0) }
        let chosen = Set(chosenIdentifiers)
        identifiers = chosenIdentifiers + otherIdentifiers.filter { chosen.contains($0.value) }.keys.sorted()
        venues = graph.venueNames
        categories = graph.categoryNames
        institutions = graph.institutionNames
        titles = picked.map { graph.title(of: $0) }.filter { !$0.isEmpty }
        keys = picked.map { graph.key(of: $0) }
        dois = picked.compactMap { graph.doi(of: $0) }
        var words: [String] = []
        var phrases: [String] = []
        for paper in picked {
            let text = TextFolding.words(graph.title(of: paper) + " " + (graph.abstract(of: paper) ?? "")).map(String.init)
            words.append(contentsOf: text.prefix(12))
            if text.count >= 2 {
                let start = sample.int(0...(text.count - 2))
                phrases.append(text[start] + " " + text[start + 1])
            }
        }
        self.words = words.isEmpty ? ["memory"] : words
        self.phrases = phrases.isEmpty ? ["neural networks"] : phrases
        let known = papers.compactMap { graph.year(of: $0) }
        years = (known.min() ?? 2000) - 1...(known.max() ?? 2020) + 1
    }

    // MARK: - Scripts

    mutating func script() -> GeneratedScript {
        var lets: [(name: String, value: GeneratedPipeline)] = []
        var scope: [(name: String, kind: Kind)] = []
        for index in 0..<(random.chance(0.25) ? random.int(1...2) : 0) {
            let kind: Kind = random.chance(0.7) ? .papers : .authors
            let name = "s\(index + 1)"
            let value = pipeline(kind, depth: 2, scope: scope, stagesKeepKind: true)
            lets.append((name, value))
            scope.append((name, kind))
        }
        let kind = random.pick([Kind.papers, .papers, .papers, .papers, .authors, .authors, .venues, .path, .profile])
        return GeneratedScript(lets: lets, query: pipeline(kind, depth: 3, scope: scope, stagesKeepKind: false))
    }

    /// A pipeline whose source is of `kind`, with random stages (which may change the kind
    /// unless `stagesKeepKind`).
    mutating func pipeline(_ kind: Kind, depth: Int, scope: [(name: String, kind: Kind)], stagesKeepKind: Bool) -> GeneratedPipeline {
        let source = set(kind, depth: depth, scope: scope)
        var stages: [String] = []
        var current = kind
        for _ in 0..<(random.chance(0.5) ? random.int(1...3) : 0) {
            guard let (stage, next) = stage(after: current, keepKind: stagesKeepKind) else { break }
            stages.append(stage)
            current = next
        }
        return GeneratedPipeline(source: source, stages: stages)
    }

    mutating func set(_ kind: Kind, depth: Int, scope: [(name: String, kind: Kind)]) -> GeneratedSet {
        let variables = scope.filter { $0.kind == kind }.map(\.name)
        switch kind {
        case .papers:
            let roll = random.int(0...9)
            if roll < 6 || depth <= 0 { return .papers(random.chance(0.9) ? filter(depth: depth, scope: scope) : nil) }
            if roll < 8, !variables.isEmpty {
                let base = GeneratedSet.variable(random.pick(variables))
                return random.chance(0.6) ? .filtered(base, filter(depth: depth - 1, scope: scope)) : base
            }
            let inner = pipeline(.papers, depth: depth - 1, scope: scope, stagesKeepKind: true)
            return random.chance(0.7) ? .filtered(.nested(inner), filter(depth: depth - 1, scope: scope)) : .nested(inner)
        case .authors:
            let roll = random.int(0...9)
            if roll < 1 { return .authors(of: nil) }
            if roll < 4 { return .authors(of: set(.papers, depth: depth - 1, scope: scope)) }
            if roll < 5, !variables.isEmpty { return .variable(random.pick(variables)) }
            if roll < 6 { return .authorsNamed(nameText(), exactly: random.chance(0.2)) }
            let within: Int? = random.chance(0.4) ? random.int(1...3) : nil
            // Now and then with `and`, which a traversal refuses.
            return .coauthors(authors(depth: depth - 1, scope: scope, conjunctions: random.chance(0.05)), within: within)
        case .venues:
            return random.chance(0.3) ? .venues(of: nil) : .venues(of: set(.papers, depth: depth - 1, scope: scope))
        case .profile:
            // Now and then with `and`, which a profile refuses as a traversal does.
            return .profile(authors(depth: 0, scope: scope, conjunctions: random.chance(0.05)))
        default:
            return .path(authors(depth: 0, scope: scope, conjunctions: false), authors(depth: 0, scope: scope, conjunctions: false))
        }
    }

    // MARK: - Stages

    mutating func stage(after kind: Kind, keepKind: Bool) -> (String, Kind)? {
        let fields: (sort: [String], show: [String])
        switch kind {
        case .papers: fields = (["title", "year", "venue", "date", "id", "type", "authors"],
                                ["id", "title", "year", "venue", "authors", "type", "date", "categories", "doi"])
        case .authors: fields = (["name", "papers", "shared", "distance"],
                                 ["name", "papers", "shared", "distance", "variants", "identifier", "years", "venues", "coauthors"])
        case .venues: fields = (["name", "papers"], ["name", "papers"])
        case .groups: fields = (["key", "count"], ["key", "count"])
        case .count, .path, .profile: return nil
        }
        let roll = random.int(0...9)
        if roll < 3 {
            let keys = (0..<random.int(1...2)).map { _ in
                random.pick(fields.sort) + random.pick(["", " asc", " desc"])
            }
            return ("sort by " + keys.joined(separator: ", "), kind)
        }
        if roll < 6 { return ("limit \(random.int(0...12))", kind) }
        if roll < 7 { return ("show " + random.pick(fields.show), kind) }
        if keepKind { return ("limit \(random.int(1...40))", kind) }
        if kind == .papers, roll < 9 {
            return ("count by " + random.pick(["year", "venue", "authors", "categories", "institutions", "type", "sources"]), .groups)
        }
        return ("count", .count)
    }

    // MARK: - Filters

    mutating func filter(depth: Int, scope: [(name: String, kind: Kind)]) -> GeneratedFilter {
        let roll = random.int(0...9)
        if depth <= 0 || roll < 4 { return atom(scope: scope, depth: depth) }
        switch roll {
        case 4, 5:
            return .and((0..<random.int(2...3)).map { _ in filter(depth: depth - 1, scope: scope) }, juxtaposed: random.chance(0.4))
        case 6, 7:
            return .or((0..<random.int(2...3)).map { _ in filter(depth: depth - 1, scope: scope) })
        default:
            return .not(filter(depth: depth - 1, scope: scope))
        }
    }

    mutating func atom(scope: [(name: String, kind: Kind)], depth: Int) -> GeneratedFilter {
        // Facets the graph does not have are asked for only now and then (they are refused).
        var roll = random.int(0...13)
        while (roll == 5 && categories.isEmpty) || (roll == 6 && institutions.isEmpty), !random.chance(0.1) {
            roll = random.int(0...13)
        }
        switch roll {
        case 0, 1, 2: return .by(authors(depth: depth - 1, scope: scope, conjunctions: true))
        case 3: return .atom("at " + quoted(venueText()))
        case 4: return .atom(yearFilter())
        case 5: return .atom("in category " + quoted(categoryText()))
        case 6: return .atom("from " + quoted(institutionText()))
        case 7: return .atom("matching " + matchingText())
        case 8: return .atom("titled " + quoted(titleText()))
        default: return .atom((random.chance(0.6) ? "where " : "") + comparison())
        }
    }

    mutating func yearFilter() -> String {
        let year = random.int(years)
        switch random.int(0...4) {
        case 0: return "since \(year)"
        case 1: return "before \(year)"
        case 2: return "until \(year)"
        case 3: return "in \(year)"
        default:
            let other = random.int(years)
            return random.chance(0.9) ? "between \(min(year, other)) and \(max(year, other))" : "between \(max(year, other) + 1) and \(min(year, other))"
        }
    }

    mutating func comparison() -> String {
        let ops = ["=", "!=", "~"]
        var roll = random.int(0...10)
        while (roll == 7 && categories.isEmpty) || (roll == 8 && institutions.isEmpty), !random.chance(0.1) {
            roll = random.int(0...10)
        }
        switch roll {
        case 0:
            return "year \(random.pick(["=", "!=", "<", "<=", ">", ">=", "=="])) \(random.int(years))"
        case 1:
            let year = random.int(years)
            let bound = random.chance(0.5) ? "\(year)" : "\(year)-0\(random.int(1...9))"
            return "date \(random.pick(["=", "!=", "<", "<=", ">", ">="])) \(quoted(bound))"
        case 2:
            return "type \(random.pick(["=", "!="])) \(random.pick(PaperType.allCases).rawValue)"
        case 3:
            let op = random.pick(ops)
            return "title \(op) " + quoted(op == "~" ? random.pick(words) : titleText())
        case 4:
            return "abstract ~ " + quoted(random.pick(words))
        case 5:
            let op = random.pick(ops)
            return "venue \(op) " + quoted(op == "~" ? fragment(venueText()) : venueText())
        case 6:
            let op = random.pick(ops)
            return "authors \(op) " + quoted(op == "~" ? fragment(nameText()) : nameText())
        case 7:
            let op = random.pick(ops)
            return "categories \(op) " + quoted(op == "~" ? fragment(categoryText()) : categoryText())
        case 8:
            let op = random.pick(ops)
            return "institutions \(op) " + quoted(op == "~" ? fragment(institutionText()) : institutionText())
        case 9:
            let op = random.pick(ops)
            let key = keys.isEmpty ? "x" : random.pick(keys)
            return "id \(op) " + quoted(op == "~" ? String(key.prefix(random.int(1...max(1, key.count)))).uppercased() : key)
        default:
            let op = random.pick(ops)
            let doi = dois.isEmpty ? "10.1/x" : random.pick(dois)
            return "doi \(op) " + quoted(op == "~" ? String(doi.suffix(3)) : (random.chance(0.5) ? doi.uppercased() : doi))
        }
    }

    // MARK: - Authors

    mutating func authors(depth: Int, scope: [(name: String, kind: Kind)], conjunctions: Bool) -> GeneratedAuthors {
        let variables = scope.filter { $0.kind == .authors }.map(\.name)
        var first: GeneratedAuthors = .name(nameText(), exactly: random.chance(0.1))
        if depth > 0, random.chance(0.15) {
            first = .set(random.chance(0.5) || variables.isEmpty ? set(.authors, depth: depth - 1, scope: scope)
                         : .variable(random.pick(variables)))
        }
        guard random.chance(0.4) else { return first }
        // Disjunctive normal form: (a and b) or c … ; only the very first atom may be a set.
        var terms: [GeneratedAuthors] = []
        for termIndex in 0..<random.int(1...3) {
            var atoms: [GeneratedAuthors] = termIndex == 0 ? [first] : [.name(nameText(), exactly: random.chance(0.1))]
            if conjunctions, random.chance(0.5) {
                for _ in 0..<random.int(1...2) { atoms.append(.name(nameText(), exactly: random.chance(0.1))) }
            }
            terms.append(atoms.count == 1 ? atoms[0] : .all(atoms))
        }
        return terms.count == 1 ? terms[0] : .any(terms)
    }

    // MARK: - Values

    /// A name as people type it: as written, folded, without the middle name, with an initial,
    /// lower-cased; now and then one that matches nobody.
    mutating func nameText() -> String {
        guard !names.isEmpty, !random.chance(0.03) else { return "Nobody Atall" }
        if !identifiers.isEmpty, random.chance(0.15) {
            let identifier = random.pick(identifiers)
            return random.chance(0.2) ? identifier.uppercased() : identifier
        }
        let name = random.pick(names)
        var parts = name.split(separator: " ").map(String.init)
        switch random.int(0...7) {
        case 0: return TextFolding.fold(name)
        case 1 where parts.count > 2: parts.remove(at: 1)
        case 2 where parts.count > 1: parts[0] = String(parts[0].prefix(1)) + "."
        case 3: return name.lowercased()
        case 4 where parts.count > 1: return parts[parts.count - 1]
        default: break
        }
        return parts.joined(separator: " ")
    }

    mutating func venueText() -> String {
        guard !venues.isEmpty, !random.chance(0.03) else { return "Nowhere Conference" }
        let venue = random.pick(venues)
        if random.chance(0.3), let word = TextFolding.words(venue).randomElement(using: &random) { return String(word) }
        return random.chance(0.3) ? venue.lowercased() : venue
    }

    mutating func categoryText() -> String {
        guard !categories.isEmpty, !random.chance(0.03) else { return "zz.XX" }
        let category = random.pick(categories)
        if random.chance(0.4), let last = category.split(separator: ".").last { return String(last) }
        return category
    }

    mutating func institutionText() -> String {
        guard !institutions.isEmpty, !random.chance(0.03) else { return "Nowhere Institute" }
        let institution = random.pick(institutions)
        if random.chance(0.3), let word = TextFolding.words(institution).randomElement(using: &random) { return String(word) }
        return institution
    }

    mutating func titleText() -> String {
        guard !titles.isEmpty, !random.chance(0.03) else { return "No Such Title" }
        let title = random.pick(titles)
        return random.chance(0.3) ? title.uppercased() : title
    }

    mutating func matchingText() -> String {
        switch random.int(0...5) {
        case 0: return quoted(random.pick(words) + " " + random.pick(words))
        case 1: return "'\"" + random.pick(phrases) + "\"'"
        case 2: return "'" + random.pick(words) + " \"" + random.pick(phrases) + "\"'"
        case 3 where random.chance(0.2): return quoted("zzyzx")
        default: return quoted(random.chance(0.2) ? random.pick(words).uppercased() : random.pick(words))
        }
    }

    /// Part of a text, for `~`.
    mutating func fragment(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 2 else { return text }
        let start = random.int(0...(characters.count - 2))
        let end = random.int((start + 1)...characters.count)
        return String(characters[start..<end])
    }
}
