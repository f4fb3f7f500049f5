/// A result seen as a graph of people and what links them: what the DOT and GraphML formats
/// write.
///
/// - authors (`coauthors of`, `within k`, `authors of`): one node per row (and the people asked
///   about, when the rows name them), with their paper counts; an edge between two of them for
///   every pair that shares papers, weighted by how many;
/// - a path: one node per step, and an edge from each step to the next naming the paper behind it;
/// - papers: the coauthor graph among their authors (papers counted within the set);
/// - a profile: the research graph: the person, close collaborators, topics and institutions.
///
/// Counts, groups and venues are not graphs (`ResultGraph(result:graph:)` is nil).
public struct ResultGraph: Sendable {
    /// A value of a node or edge attribute.
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
    }

    public struct Node: Sendable {
        /// Unique within the graph: `a12` for author 12, `t3` for a topic, `i1` for an institution.
        public let id: String
        public let label: String
        /// `person` (the people asked about), `author`, `topic` or `institution`.
        public let kind: String
        public var attributes: [(String, Value)]
    }

    public struct Edge: Sendable {
        public let source: String
        public let target: String
        /// Shared papers (authors), the weight of a topic or institution, or 1 (a path's step).
        public let weight: Int
        public var attributes: [(String, Value)]
    }

    public var directed: Bool
    public var nodes: [Node]
    public var edges: [Edge]

    public init(directed: Bool, nodes: [Node], edges: [Edge]) {
        self.directed = directed
        self.nodes = nodes
        self.edges = edges
    }

    /// The graph of a result, or nil for a result that is not one (a count, groups, venues).
    public init?(_ result: QueryResult, graph: PaperGraph) {
        switch result {
        case .authors(let rows):
            self = Self.coauthorGraph(rows, graph: graph)
        case .path(let path):
            self = Self.pathGraph(path, graph: graph)
        case .papers(let rows):
            self = Self.paperGraph(rows.papers, graph: graph)
        case .profile(let profile):
            self = Self.researchGraph(profile, graph: graph)
        case .count, .groups, .venues:
            return nil
        }
    }

    /// Whether results of a kind are graphs.
    public static func draws(_ kind: ResultKind) -> Bool {
        switch kind {
        case .papers, .authors, .path, .profile: true
        case .count, .groups, .venues: false
        }
    }

    static func authorNode(_ author: AuthorID, kind: String, graph: PaperGraph, _ attributes: [(String, Value)]) -> Node {
        Node(id: "a\(author.rawValue)", label: graph.name(of: author), kind: kind, attributes: attributes)
    }

    /// Rows of authors, and the people asked about: edges weighted by the papers each pair shares.
    static func coauthorGraph(_ rows: AuthorRows, graph: PaperGraph) -> ResultGraph {
        var nodes: [Node] = []
        var members: [AuthorID] = []
        var seen = Set<AuthorID>()
        for author in rows.origin where seen.insert(author).inserted {
            members.append(author)
            nodes.append(authorNode(author, kind: "person", graph: graph, [("papers", .integer(graph.paperCount(of: author)))]))
        }
        for row in rows.rows where seen.insert(row.author).inserted {
            members.append(row.author)
            var attributes: [(String, Value)] = [("papers", .integer(row.papers))]
            if let shared = row.shared { attributes.append(("shared", .integer(shared))) }
            if let distance = row.distance { attributes.append(("distance", .integer(distance))) }
            nodes.append(authorNode(row.author, kind: "author", graph: graph, attributes))
        }
        return ResultGraph(directed: false, nodes: nodes, edges: sharedPaperEdges(among: members, papers: nil, graph: graph))
    }

    /// Edges between members that share papers (only papers in `papers` when given), weighted by
    /// how many, in the members' order.
    static func sharedPaperEdges(among members: [AuthorID], papers: Set<PaperID>?, graph: PaperGraph) -> [Edge] {
        var position: [AuthorID: Int] = [:]
        for (index, author) in members.enumerated() { position[author] = index }
        var edges: [Edge] = []
        for (index, author) in members.enumerated() {
            var shared: [Int: Int] = [:]
            for paper in graph.papers(of: author) where papers?.contains(paper) ?? true {
                for other in Set(graph.authors(of: paper)) {
                    if let otherIndex = position[other], otherIndex > index { shared[otherIndex, default: 0] += 1 }
                }
            }
            for (otherIndex, count) in shared.sorted(by: { $0.key < $1.key }) {
                edges.append(Edge(source: "a\(author.rawValue)", target: "a\(members[otherIndex].rawValue)", weight: count,
                                  attributes: []))
            }
        }
        return edges
    }

    /// A path: each step to the next, with the paper behind it.
    static func pathGraph(_ path: PathResult, graph: PaperGraph) -> ResultGraph {
        var nodes: [Node] = []
        var edges: [Edge] = []
        var seen = Set<AuthorID>()
        for (index, step) in path.steps.enumerated() {
            let end = index == 0 || index == path.steps.count - 1
            if seen.insert(step.author).inserted {
                nodes.append(authorNode(step.author, kind: end ? "person" : "author", graph: graph,
                                        [("papers", .integer(graph.paperCount(of: step.author))), ("step", .integer(index))]))
            }
            if index > 0, let paper = step.via {
                var attributes: [(String, Value)] = [("paper", .text(graph.title(of: paper))), ("id", .text(graph.key(of: paper)))]
                if let year = graph.year(of: paper) { attributes.append(("year", .integer(year))) }
                edges.append(Edge(source: "a\(path.steps[index - 1].author.rawValue)", target: "a\(step.author.rawValue)",
                                  weight: 1, attributes: attributes))
            }
        }
        return ResultGraph(directed: true, nodes: nodes, edges: edges)
    }

    /// The research graph of a profile: the person, close collaborators (edges weighted by the
    /// papers any two of them share), and topics (categories, distinctive phrases and words) and
    /// institutions joined to the person, weighted by the person's papers with them.
    static func researchGraph(_ profile: ProfileResult, graph: PaperGraph) -> ResultGraph {
        var nodes: [Node] = []
        var members: [AuthorID] = []
        for person in profile.people where !members.contains(person) {
            members.append(person)
            nodes.append(authorNode(person, kind: "person", graph: graph, [("papers", .integer(graph.paperCount(of: person)))]))
        }
        for row in profile.collaborators where !members.contains(row.author) {
            members.append(row.author)
            nodes.append(authorNode(row.author, kind: "author", graph: graph,
                                    [("papers", .integer(graph.paperCount(of: row.author))), ("shared", .integer(row.shared))]))
        }
        var edges = sharedPaperEdges(among: members, papers: nil, graph: graph)
        guard let center = profile.people.first else { return ResultGraph(directed: false, nodes: nodes, edges: edges) }
        func attach(_ id: String, _ label: String, kind: String, papers: Int) {
            nodes.append(Node(id: id, label: label, kind: kind, attributes: [("papers", .integer(papers))]))
            edges.append(Edge(source: "a\(center.rawValue)", target: id, weight: papers, attributes: []))
        }
        let topics = profile.categories.compactMap { tally in tally.value.map { ($0, tally.papers) } }
            + (profile.phrases.prefix(4) + profile.words.prefix(4)).map { ($0.text, $0.papers) }
        for (index, topic) in topics.enumerated() { attach("t\(index)", topic.0, kind: "topic", papers: topic.1) }
        for (index, tally) in profile.institutions.prefix(8).enumerated() {
            if let name = tally.value { attach("i\(index)", name, kind: "institution", papers: tally.papers) }
        }
        return ResultGraph(directed: false, nodes: nodes, edges: edges)
    }

    /// The coauthor graph among the authors of a set of papers, counted within the set.
    static func paperGraph(_ papers: [PaperID], graph: PaperGraph) -> ResultGraph {
        var counts: [AuthorID: Int] = [:]
        var members: [AuthorID] = []
        for paper in papers {
            for author in graph.authors(of: paper) {
                if counts[author] == nil { members.append(author) }
                counts[author, default: 0] += 1
            }
        }
        let nodes = members.map { authorNode($0, kind: "author", graph: graph, [("papers", .integer(counts[$0] ?? 0))]) }
        return ResultGraph(directed: false, nodes: nodes, edges: sharedPaperEdges(among: members, papers: Set(papers), graph: graph))
    }
}
