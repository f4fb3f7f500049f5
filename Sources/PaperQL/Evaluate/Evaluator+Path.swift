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
        var forward = SearchSide(authorCount: graph.authorCount, starts: sources)
        var backward = SearchSide(authorCount: graph.authorCount, starts: targets)
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

    private func expand(_ side: inout SearchSide, other: SearchSide, meetings: inout [UInt32], counter: inout Int)
        throws(EvaluationError)
    {
        var next: [UInt32] = []
        let index = graph.coauthorIndex
        for author in side.frontier {
            counter += 1
            try checkCancellation(every: counter)
            let level = side.depth[Int(author)] + 1
            func visit(_ coauthor: UInt32) {
                guard side.depth[Int(coauthor)] == 0 else { return }
                side.depth[Int(coauthor)] = level
                side.parent[Int(coauthor)] = author
                next.append(coauthor)
                if other.depth[Int(coauthor)] != 0 { meetings.append(coauthor) }
            }
            for coauthor in index.coauthors[Int(author)] { visit(coauthor) }
            for paper in index.largePapers[Int(author)] {
                for coauthor in graph.paperAuthors[Int(paper)] { visit(coauthor) }
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
