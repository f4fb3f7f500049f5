/// Renders a query plan as an indented tree, for `:explain`: which index answers each part,
/// the order of intersections, size estimates, and which authors each name resolved to.
///
/// ```
/// papers
///   intersect, smallest first
///     papers by "Jack Rae"  (≤ 6 papers)
///       "Jack Rae" → Jack Rae (6 papers, 2019–2023)
///     years 2020 on: one id range  (≤ 21 papers)
/// | limit 5
/// ```
public struct PlanExplainer: Sendable {
    public let graph: PaperGraph

    public init(graph: PaperGraph) {
        self.graph = graph
    }

    public func render(_ plan: QueryPlan) -> String {
        var lines: [String] = []
        source(plan.source, depth: 0, into: &lines)
        for stage in plan.stages { lines.append("| " + describe(stage)) }
        lines.append("→ \(plan.kind.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func source(_ plan: SourcePlan, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch plan {
        case .papers(let papers):
            lines.append(pad + "papers")
            self.papers(papers, depth: depth + 1, into: &lines)
        case .authorsOf(let papers):
            lines.append(pad + (papers == nil ? "every author" : "authors of"))
            if let papers { self.papers(papers, depth: depth + 1, into: &lines) }
        case .authorsNamed(let name):
            lines.append(pad + "the people a name means (name → people)")
            authors(.named(name), depth: depth + 1, into: &lines)
        case .venuesOf(let papers):
            lines.append(pad + (papers == nil ? "every venue" : "venues of"))
            if let papers { self.papers(papers, depth: depth + 1, into: &lines) }
        case .coauthors(let authors, let within):
            lines.append(pad + "coauthors" + (within.map { " within \($0) hops (breadth-first)" } ?? "") + " of")
            self.authors(authors, depth: depth + 1, into: &lines)
        case .profile(let people):
            lines.append(pad + "profile: works (author → papers lists), topics by tf-idf (word → papers lists), coauthors, nearby papers of")
            authors(people, depth: depth + 1, into: &lines)
        case .path(let from, let to):
            lines.append(pad + "shortest coauthor path (breadth-first from both ends)")
            lines.append(pad + "  from")
            authors(from, depth: depth + 2, into: &lines)
            lines.append(pad + "  to")
            authors(to, depth: depth + 2, into: &lines)
        case .variable(let name, let kind):
            lines.append(pad + "the value of `\(name)` (\(kind.rawValue))")
        case .nested(let inner):
            lines.append(pad + "query")
            source(inner.source, depth: depth + 1, into: &lines)
            for stage in inner.stages { lines.append(pad + "  | " + describe(stage)) }
        }
    }

    private func papers(_ plan: PaperPlan, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        let estimate = Planner(graph: graph).estimate(plan)
        let size = "  (≤ \(estimate == 1 ? "1 paper" : "\(estimate) papers"))"
        switch plan {
        case .all:
            lines.append(pad + "every paper" + size)
        case .variable(let name):
            lines.append(pad + "the papers of `\(name)`")
        case .nested(let inner):
            lines.append(pad + "query")
            source(inner.source, depth: depth + 1, into: &lines)
            for stage in inner.stages { lines.append(pad + "  | " + describe(stage)) }
        case .years(let range):
            let what = range == .known ? "papers with a known year" : "years \(range.description)"
            lines.append(pad + what + ": one id range" + size)
        case .authors(let authors):
            lines.append(pad + "papers by (author → papers lists)" + size)
            self.authors(authors, depth: depth + 1, into: &lines)
        case .facet(let kind, let values, let label):
            let count = values.count == 1 ? "1 value" : "\(values.count) values"
            lines.append(pad + "\(kind.rawValue) \(label): \(count) (\(kind.rawValue) → papers lists)" + size)
        case .words(let ids, let label):
            lines.append(pad + "words \(label): \(ids.count) word lists, shortest first" + size)
        case .explicit(let ids, let label):
            lines.append(pad + "\(label): \(ids.count) papers")
        case .intersect(let parts):
            lines.append(pad + "intersect, smallest first" + size)
            for part in parts { papers(part, depth: depth + 1, into: &lines) }
        case .union(let parts):
            lines.append(pad + "union" + size)
            for part in parts { papers(part, depth: depth + 1, into: &lines) }
        case .subtract(let kept, let removed):
            lines.append(pad + "subtract" + size)
            papers(kept, depth: depth + 1, into: &lines)
            lines.append(pad + "  minus")
            papers(removed, depth: depth + 2, into: &lines)
        case .scan(let input, let predicates):
            lines.append(pad + "scan each paper: " + predicates.map(\.label).joined(separator: " and ") + size)
            papers(input, depth: depth + 1, into: &lines)
        case .phrase(let input, let words):
            lines.append(pad + "phrase \"\(words.joined(separator: " "))\" in title or abstract" + size)
            papers(input, depth: depth + 1, into: &lines)
        case .empty(let label):
            lines.append(pad + "nothing: \(label)")
        }
    }

    private func authors(_ plan: AuthorPlan, depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        switch plan {
        case .named(let name):
            let typed = (name.exactly ? "exactly " : "") + "\"\(name.typed)\""
            if name.authors.isEmpty {
                lines.append(pad + "\(typed) → no author")
            }
            for (index, author) in name.authors.enumerated() {
                let lead = index == 0 ? "\(typed) → " : String(repeating: " ", count: typed.count + 3)
                lines.append(pad + lead + describe(author))
            }
        case .union(let parts):
            lines.append(pad + "any of")
            for part in parts { authors(part, depth: depth + 1, into: &lines) }
        case .query(let inner):
            lines.append(pad + "the authors of a query")
            source(inner.source, depth: depth + 1, into: &lines)
            for stage in inner.stages { lines.append(pad + "  | " + describe(stage)) }
        case .variable(let name):
            lines.append(pad + "the authors of `\(name)`")
        }
    }

    /// `Jack Rae (6 papers, 2019–2023; also written J. Rae)`
    private func describe(_ author: AuthorID) -> String {
        let name = graph.name(of: author)
        let count = graph.paperCount(of: author)
        var detail = count == 1 ? "1 paper" : "\(count) papers"
        if let years = graph.activeYears(of: author) {
            detail += years.lowerBound == years.upperBound ? ", \(years.lowerBound)" : ", \(years.lowerBound)–\(years.upperBound)"
        }
        let variants = graph.variants(of: author).filter { $0 != name }
        if !variants.isEmpty { detail += "; also written " + variants.joined(separator: ", ") }
        let identifier = graph.identifier(of: author).map { " [\($0)]" } ?? ""
        return "\(name)\(identifier) (\(detail))"
    }

    private func describe(_ stage: CheckedStage) -> String {
        switch stage {
        case .count: "count"
        case .countBy(let field): "count by \(field.rawValue)"
        case .sort(let keys): "sort by " + keys.map { "\($0.field.rawValue) \($0.descending ? "desc" : "asc")" }.joined(separator: ", ")
        case .limit(let count): "limit \(count)"
        case .show(let fields): "show " + fields.map(\.rawValue).joined(separator: ", ")
        }
    }
}
