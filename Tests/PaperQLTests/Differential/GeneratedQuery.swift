/// A generated script as a tree, so it can be printed as PaperQL text and shrunk part by part.
/// Each case mirrors a production of Grammar/paperql.ebnf; a new construct gets a case here, a
/// rule in `QueryGenerator` and a reading in `ReferenceEvaluator`.
struct GeneratedScript: CustomStringConvertible {
    var lets: [(name: String, value: GeneratedPipeline)]
    var query: GeneratedPipeline

    var description: String {
        (lets.map { "let \($0.name) = \($0.value)" } + [query.description]).joined(separator: "\n")
    }
}

struct GeneratedPipeline: CustomStringConvertible {
    var source: GeneratedSet
    var stages: [String]

    var description: String { ([source.description] + stages).joined(separator: " | ") }
}

indirect enum GeneratedSet: CustomStringConvertible {
    case papers(GeneratedFilter?)
    case authors(of: GeneratedSet?)
    /// `authors named ["exactly"] "NAME"`
    case authorsNamed(String, exactly: Bool)
    case venues(of: GeneratedSet?)
    case coauthors(GeneratedAuthors, within: Int?)
    case path(GeneratedAuthors, GeneratedAuthors)
    /// `profile AUTHORS`
    case profile(GeneratedAuthors)
    case variable(String)
    case nested(GeneratedPipeline)
    case filtered(GeneratedSet, GeneratedFilter)

    var description: String {
        switch self {
        case .papers(let filter): filter.map { "papers \($0.render(.or))" } ?? "papers"
        case .authors(let of): of.map { "authors of \($0.asArgument)" } ?? "authors"
        case .authorsNamed(let name, let exactly): "authors named " + (exactly ? "exactly " : "") + quoted(name)
        case .venues(let of): of.map { "venues of \($0.asArgument)" } ?? "venues"
        case .coauthors(let authors, let within): "coauthors of \(authors)" + (within.map { " within \($0)" } ?? "")
        case .path(let from, let to): "path from \(from) to \(to)"
        case .profile(let people): "profile \(people)"
        case .variable(let name): name
        case .nested(let pipeline): "(\(pipeline))"
        case .filtered(let base, let filter): "\(base.asArgument) \(filter.render(.or))"
        }
    }

    /// Parenthesized unless it is one word or already in parentheses.
    var asArgument: String {
        switch self {
        case .variable, .nested: description
        case .papers(nil), .authors(nil), .venues(nil): description
        default: "(\(description))"
        }
    }
}

indirect enum GeneratedFilter {
    enum Precedence: Int { case or, and, not }

    case and([GeneratedFilter], juxtaposed: Bool)
    case or([GeneratedFilter])
    case not(GeneratedFilter)
    case by(GeneratedAuthors)
    /// A filter written as one piece of text: `at "NeurIPS"`, `where year != 2018`, …
    case atom(String)

    func render(_ context: Precedence) -> String {
        let text: String
        let own: Precedence
        switch self {
        case .and(let parts, let juxtaposed):
            text = parts.map { $0.render(.not) }.joined(separator: juxtaposed ? " " : " and ")
            own = .and
        case .or(let parts):
            text = parts.map { $0.render(.and) }.joined(separator: " or ")
            own = .or
        case .not(let inner):
            text = "not " + inner.render(.not)
            own = .not
        case .by(let authors):
            text = "by \(authors)"
            own = .not
        case .atom(let atom):
            text = atom
            own = .not
        }
        return own.rawValue < context.rawValue ? "(\(text))" : text
    }
}

/// An author reference: names combined with `and` (tighter) and `or`, or one set of authors.
/// A set (query or name) may only come first: after `and`/`or` only a quoted name continues
/// the list (the grammar's rule).
indirect enum GeneratedAuthors: CustomStringConvertible {
    case name(String, exactly: Bool)
    case all([GeneratedAuthors])
    case any([GeneratedAuthors])
    case set(GeneratedSet)

    var description: String {
        switch self {
        case .name(let name, let exactly): (exactly ? "exactly " : "") + quoted(name)
        case .all(let parts): parts.map(\.description).joined(separator: " and ")
        case .any(let parts): parts.map(\.description).joined(separator: " or ")
        case .set(.variable(let name)): name
        case .set(.nested(let pipeline)): "(\(pipeline))"
        case .set(let set): "(\(set))"
        }
    }

    var hasConjunction: Bool {
        switch self {
        case .all: true
        case .any(let parts): parts.contains(where: \.hasConjunction)
        case .name, .set: false
        }
    }
}

/// A double-quoted PaperQL string.
func quoted(_ text: String) -> String {
    var output = "\""
    for character in text {
        switch character {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\t": output += "\\t"
        default: output.append(character)
        }
    }
    return output + "\""
}

// MARK: - Shrinking

extension GeneratedScript {
    /// Smaller scripts, simplest first: fewer lets, fewer stages, smaller parts.
    var shrinks: [GeneratedScript] {
        var out: [GeneratedScript] = []
        for index in lets.indices {
            var copy = self
            let removed = copy.lets.remove(at: index)
            let used = (copy.lets.map { $0.value.description } + [copy.query.description]).contains { text in
                text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(Substring(removed.name))
            }
            if !used { out.append(copy) }
        }
        for smaller in query.shrinks {
            var copy = self
            copy.query = smaller
            out.append(copy)
        }
        for index in lets.indices {
            for smaller in lets[index].value.shrinks {
                var copy = self
                copy.lets[index].value = smaller
                out.append(copy)
            }
        }
        return out
    }
}

extension GeneratedPipeline {
    var shrinks: [GeneratedPipeline] {
        var out: [GeneratedPipeline] = []
        for index in stages.indices.reversed() {
            var copy = self
            copy.stages.remove(at: index)
            out.append(copy)
        }
        for smaller in source.shrinks { out.append(GeneratedPipeline(source: smaller, stages: stages)) }
        return out
    }
}

extension GeneratedSet {
    var shrinks: [GeneratedSet] {
        switch self {
        case .papers(let filter?):
            return [.papers(nil)] + filter.shrinks.map { .papers($0) }
        case .papers(nil), .variable, .authors(nil), .venues(nil):
            return []
        case .authorsNamed(let name, let exactly):
            return [.authors(of: nil)] + (exactly ? [.authorsNamed(name, exactly: false)] : [])
        case .authors(let of?):
            return [.authors(of: nil)] + of.shrinks.map { .authors(of: $0) }
        case .venues(let of?):
            return [.venues(of: nil)] + of.shrinks.map { .venues(of: $0) }
        case .coauthors(let authors, let within):
            return (within == nil ? [] : [.coauthors(authors, within: nil)])
                + authors.shrinks.map { .coauthors($0, within: within) }
        case .path(let from, let to):
            return from.shrinks.map { .path($0, to) } + to.shrinks.map { .path(from, $0) }
        case .profile(let people):
            return people.shrinks.map { .profile($0) }
        case .nested(let pipeline):
            return (pipeline.stages.isEmpty ? [pipeline.source] : []) + pipeline.shrinks.map { .nested($0) }
        case .filtered(let base, let filter):
            return [base, .papers(filter)] + filter.shrinks.map { .filtered(base, $0) } + base.shrinks.map { .filtered($0, filter) }
        }
    }
}

extension GeneratedFilter {
    var shrinks: [GeneratedFilter] {
        switch self {
        case .and(let parts, let juxtaposed):
            return parts + parts.indices.compactMap { index in
                var rest = parts
                rest.remove(at: index)
                return rest.count >= 2 ? .and(rest, juxtaposed: juxtaposed) : nil
            } + parts.indices.flatMap { index in
                parts[index].shrinks.map { smaller in
                    var copy = parts
                    copy[index] = smaller
                    return .and(copy, juxtaposed: juxtaposed)
                }
            }
        case .or(let parts):
            return parts + parts.indices.compactMap { index in
                var rest = parts
                rest.remove(at: index)
                return rest.count >= 2 ? .or(rest) : nil
            } + parts.indices.flatMap { index in
                parts[index].shrinks.map { smaller in
                    var copy = parts
                    copy[index] = smaller
                    return .or(copy)
                }
            }
        case .not(let inner):
            return [inner] + inner.shrinks.map { .not($0) }
        case .by(let authors):
            return authors.shrinks.map { .by($0) }
        case .atom:
            return []
        }
    }
}

extension GeneratedAuthors {
    var shrinks: [GeneratedAuthors] {
        switch self {
        case .name(let name, true): return [.name(name, exactly: false)]
        case .name: return []
        case .all(let parts): return parts.count > 1 ? [parts[0]] + [.all(Array(parts.dropLast()))].filter { _ in parts.count > 2 } : []
        case .any(let parts): return parts.count > 1 ? [parts[0]] + [.any(Array(parts.dropLast()))].filter { _ in parts.count > 2 } : []
        case .set(let set): return set.shrinks.map { .set($0) }
        }
    }
}
