/// Shortest coauthor paths.
extension Evaluator {
    /// A shortest path between any author of `sources` and any of `targets`, searching from both
    /// ends at once and always widening the smaller frontier.
    func shortestPath(from sources: [UInt32], to targets: [UInt32], fromLabel: String, toLabel: String)
        throws(EvaluationError) -> PathResult
    {
        guard !sources.isEmpty, !targets.isEmpty else { return PathResult(from: fromLabel, to: toLabel, steps: []) }
        if let common = sources.first(where: { Set(targets).contains($0) }) {
            return PathResult(from: fromLabel, to: toLabel, steps: [.init(author: AuthorID(common), via: nil)])
        }
        var forward = SearchSide(authorCount: graph.authorCount, paperCount: graph.paperCount, starts: sources)
        var backward = SearchSide(authorCount: graph.authorCount, paperCount: graph.paperCount, starts: targets)
        var counter = 0
        while !forward.frontier.isEmpty, !backward.frontier.isEmpty {
            let expandForward = forward.frontier.count <= backward.frontier.count
            var meetings: [UInt32] = []
            if expandForward {
                try expand(&forward, other: backward, meetings: &meetings, counter: &counter)
            } else {
                try expand(&backward, other: forward, meetings: &meetings, counter: &counter)
            }
            if !meetings.isEmpty {
                let meeting = meetings.min { a, b in
                    let lengthA = forward.depth[Int(a)] + backward.depth[Int(a)]
                    let lengthB = forward.depth[Int(b)] + backward.depth[Int(b)]
                    return lengthA != lengthB ? lengthA < lengthB : a < b
                }!
                return PathResult(from: fromLabel, to: toLabel, steps: steps(through: meeting, forward, backward))
            }
        }
        return PathResult(from: fromLabel, to: toLabel, steps: [])
    }

    /// One side of a bidirectional search: depth (0 = unseen, 1 = start), parent author and the
    /// paper that led to each author.
    struct SearchSide {
        var depth: [Int32]
        var parent: [UInt32]
        var via: [UInt32]
        var paperSeen: [Bool]
        var frontier: [UInt32]

        init(authorCount: Int, paperCount: Int, starts: [UInt32]) {
            depth = [Int32](repeating: 0, count: authorCount)
            parent = [UInt32](repeating: UInt32.max, count: authorCount)
            via = [UInt32](repeating: UInt32.max, count: authorCount)
            paperSeen = [Bool](repeating: false, count: paperCount)
            frontier = starts
            for start in starts { depth[Int(start)] = 1 }
        }
    }

    private func expand(_ side: inout SearchSide, other: SearchSide, meetings: inout [UInt32], counter: inout Int)
        throws(EvaluationError)
    {
        var next: [UInt32] = []
        for author in side.frontier {
            let level = side.depth[Int(author)] + 1
            for paper in graph.authorPapers[Int(author)] where !side.paperSeen[Int(paper)] {
                side.paperSeen[Int(paper)] = true
                for coauthor in graph.paperAuthors[Int(paper)] where side.depth[Int(coauthor)] == 0 {
                    counter += 1
                    try checkCancellation(every: counter)
                    side.depth[Int(coauthor)] = level
                    side.parent[Int(coauthor)] = author
                    side.via[Int(coauthor)] = paper
                    next.append(coauthor)
                    if other.depth[Int(coauthor)] != 0 { meetings.append(coauthor) }
                }
            }
        }
        side.frontier = next
    }

    private func steps(through meeting: UInt32, _ forward: SearchSide, _ backward: SearchSide) -> [PathResult.Step] {
        // From the meeting author back to a source…
        var head: [(author: UInt32, via: UInt32)] = []
        var current = meeting
        while forward.parent[Int(current)] != UInt32.max {
            head.append((current, forward.via[Int(current)]))
            current = forward.parent[Int(current)]
        }
        var steps = [PathResult.Step(author: AuthorID(current), via: nil)]
        for link in head.reversed() {
            steps.append(.init(author: AuthorID(link.author), via: PaperID(link.via)))
        }
        // …and on to a target.
        current = meeting
        while backward.parent[Int(current)] != UInt32.max {
            let paper = backward.via[Int(current)]
            current = backward.parent[Int(current)]
            steps.append(.init(author: AuthorID(current), via: PaperID(paper)))
        }
        return steps
    }
}
