/// Shortest coauthor paths.
extension Evaluator {
    /// A shortest path between any author of `sources` and any of `targets`, searching from both
    /// ends at once and always widening the smaller frontier.
    func shortestPath(from sources: [UInt32], to targets: [UInt32], fromLabel: String, toLabel: String)
        throws(EvaluationError) -> PathResult
    {
        guard !sources.isEmpty, !targets.isEmpty else { return PathResult(from: fromLabel, to: toLabel, steps: []) }
        if let common = try firstCommon(sources, targets) {
            return PathResult(from: fromLabel, to: toLabel, steps: [.init(author: AuthorID(common), via: nil)])
        }
        var forward = SearchSide(authorCount: graph.authorCount, starts: sources)
        var backward = SearchSide(authorCount: graph.authorCount, starts: targets)
        var budget = 0
        while !forward.frontier.isEmpty, !backward.frontier.isEmpty {
            let expandForward = forward.frontier.count <= backward.frontier.count
            var meetings: [UInt32] = []
            if expandForward {
                try expand(&forward, other: backward, meetings: &meetings, budget: &budget)
            } else {
                try expand(&backward, other: forward, meetings: &meetings, budget: &budget)
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

    /// The smallest author in both ascending lists.
    private func firstCommon(_ a: [UInt32], _ b: [UInt32]) throws(EvaluationError) -> UInt32? {
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            try checkCancellation(every: i + j)
            if a[i] == b[j] { return a[i] }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return nil
    }

    /// One side of a bidirectional search: depth (0 = unseen, 1 = start) and parent author.
    struct SearchSide {
        var depth: [Int32]
        var parent: [UInt32]
        var frontier: [UInt32]

        init(authorCount: Int, starts: [UInt32]) {
            depth = [Int32](repeating: 0, count: authorCount)
            parent = [UInt32](repeating: UInt32.max, count: authorCount)
            frontier = starts
            for start in starts { depth[Int(start)] = 1 }
        }
    }

    /// Widens one side by a level; `budget` is as in `checkCancellation(after:budget:)`.
    private func expand(_ side: inout SearchSide, other: SearchSide, meetings: inout [UInt32], budget: inout Int)
        throws(EvaluationError)
    {
        var next: [UInt32] = []
        let index = graph.coauthorIndex
        for author in side.frontier {
            let coauthors = index.coauthors[Int(author)]
            try checkCancellation(after: 1 + coauthors.count, budget: &budget)
            let level = side.depth[Int(author)] + 1
            func visit(_ coauthor: UInt32) {
                guard side.depth[Int(coauthor)] == 0 else { return }
                side.depth[Int(coauthor)] = level
                side.parent[Int(coauthor)] = author
                next.append(coauthor)
                if other.depth[Int(coauthor)] != 0 { meetings.append(coauthor) }
            }
            for coauthor in coauthors { visit(coauthor) }
            for paper in index.largePapers[Int(author)] {
                let authors = graph.paperAuthors[Int(paper)]
                try checkCancellation(after: authors.count, budget: &budget)
                for coauthor in authors { visit(coauthor) }
            }
        }
        side.frontier = next
    }

    /// The oldest paper two coauthors share.
    private func sharedPaper(_ a: UInt32, _ b: UInt32) -> PaperID {
        let first = graph.authorPapers[Int(a)]
        let second = graph.authorPapers[Int(b)]
        var i = first.startIndex
        var j = second.startIndex
        while i < first.endIndex, j < second.endIndex {
            if first[i] == second[j] { return PaperID(first[i]) }
            if first[i] < second[j] { i += 1 } else { j += 1 }
        }
        return PaperID(first.first ?? 0)
    }

    private func steps(through meeting: UInt32, _ forward: SearchSide, _ backward: SearchSide) -> [PathResult.Step] {
        // From the meeting author back to a source…
        var chain: [UInt32] = [meeting]
        var current = meeting
        while forward.parent[Int(current)] != UInt32.max {
            current = forward.parent[Int(current)]
            chain.append(current)
        }
        chain.reverse()
        // …and on to a target.
        current = meeting
        while backward.parent[Int(current)] != UInt32.max {
            current = backward.parent[Int(current)]
            chain.append(current)
        }
        var steps = [PathResult.Step(author: AuthorID(chain[0]), via: nil)]
        for (previous, author) in zip(chain, chain.dropFirst()) {
            steps.append(.init(author: AuthorID(author), via: sharedPaper(previous, author)))
        }
        return steps
    }
}
