/// Authors, venues and coauthor traversals.
extension Evaluator {
    /// Authors of a set of papers (every author when nil), each with their paper count in it.
    func authors(of plan: PaperPlan?) throws(EvaluationError) -> AuthorRows {
        guard let plan else {
            var rows: [AuthorRow] = []
            rows.reserveCapacity(graph.authorCount)
            for author in 0..<graph.authorCount {
                try checkCancellation(every: author)
                rows.append(AuthorRow(author: AuthorID(UInt32(author)), papers: graph.authorPapers.count(author),
                                      shared: nil, distance: nil))
            }
            return AuthorRows(rows: rows, columns: [.name, .papers])
        }
        let set = try papers(plan)
        var counts = SparseCounter(size: graph.authorCount)
        var budget = 0
        for paper in set.ids {
            let authors = graph.paperAuthors[Int(paper)]
            for author in authors { counts.add(author) }
            try checkCancellation(after: 1 + authors.count, budget: &budget)
        }
        let rows = counts.entries.map { author, count in
            AuthorRow(author: AuthorID(author), papers: count, shared: nil, distance: nil)
        }
        return AuthorRows(rows: rows, columns: [.name, .papers])
    }

    /// The people a name means (`authors named`), each with all their papers and what tells
    /// namesakes apart: identifier, years, venues, coauthors. Put in the default order of
    /// authors by the caller, as every set of people is.
    func people(named name: ResolvedAuthorName) -> AuthorRows {
        AuthorRows(rows: name.authors.map { author in
            AuthorRow(author: author, papers: graph.paperCount(of: author), shared: nil, distance: nil)
        }, columns: AuthorRows.personColumns)
    }

    func venues(of plan: PaperPlan?) throws(EvaluationError) -> VenueRows {
        var rows: [VenueRow] = []
        if let plan {
            let set = try papers(plan)
            var counts = SparseCounter(size: graph.venueCount)
            for (counter, paper) in set.ids.enumerated() {
                try checkCancellation(every: counter)
                let venue = graph.paperVenues[Int(paper)]
                if venue != PaperGraph.noValue { counts.add(venue) }
            }
            rows = counts.entries.map { VenueRow(name: graph.venues.names[Int($0)], papers: $1) }
        } else {
            rows = graph.venues.names.indices.map { VenueRow(name: graph.venues.names[$0], papers: graph.venues.papers.count($0)) }
        }
        return VenueRows(rows: rows, columns: [.name, .papers])
    }

    /// Direct coauthors of a group of authors with the number of papers shared with the group.
    func coauthors(of sources: [UInt32]) throws(EvaluationError) -> AuthorRows {
        var rows: [AuthorRow] = []
        if sources.count == 1, let source = sources.first {
            // One author: the coauthor index has the answer, plus any large collaborations.
            let index = graph.coauthorIndex
            let range = index.coauthors.range(Int(source))
            var shared: [UInt32: Int] = [:]
            for paper in index.largePapers[Int(source)] {
                // A large paper has more than `CoauthorIndex.largePaperLimit` authors.
                try checkCancellation()
                for author in graph.paperAuthors[Int(paper)] where author != source { shared[author, default: 0] += 1 }
            }
            rows.reserveCapacity(range.count + shared.count)
            for (counter, position) in range.enumerated() {
                try checkCancellation(every: counter)
                let coauthor = index.coauthors.values[position]
                let count = Int(index.sharedPapers[position]) + (shared.removeValue(forKey: coauthor) ?? 0)
                rows.append(AuthorRow(author: AuthorID(coauthor), papers: graph.authorPapers.count(Int(coauthor)),
                                      shared: count, distance: nil))
            }
            for (counter, (coauthor, count)) in shared.enumerated() {
                try checkCancellation(every: counter)
                rows.append(AuthorRow(author: AuthorID(coauthor), papers: graph.authorPapers.count(Int(coauthor)),
                                      shared: count, distance: nil))
            }
            return AuthorRows(rows: rows, columns: [.name, .shared])
        }
        // Several authors: count each shared paper once, walking their papers.
        var isSource = [Bool](repeating: false, count: graph.authorCount)
        for (counter, source) in sources.enumerated() {
            try checkCancellation(every: counter)
            isSource[Int(source)] = true
        }
        let papers = try SortedIDs.unionAll(sources.map { graph.authorPapers[Int($0)] }, check: checkCancellation)
        var counts = SparseCounter(size: graph.authorCount)
        var budget = 0
        for paper in papers {
            let authors = graph.paperAuthors[Int(paper)]
            for author in authors where !isSource[Int(author)] {
                counts.add(author)
            }
            try checkCancellation(after: 1 + authors.count, budget: &budget)
        }
        rows = counts.entries.map { author, shared in
            AuthorRow(author: AuthorID(author), papers: graph.authorPapers.count(Int(author)), shared: shared, distance: nil)
        }
        return AuthorRows(rows: rows, columns: [.name, .shared])
    }

    /// Authors within `hops` coauthor steps of a group, with their distance (breadth-first over
    /// the coauthor index, and the authors of large collaborations).
    func coauthors(of sources: [UInt32], within hops: Int) throws(EvaluationError) -> AuthorRows {
        var rows: [AuthorRow] = []
        try traverseCoauthors(from: sources, hops: hops) { coauthor, level in
            rows.append(AuthorRow(author: AuthorID(coauthor), papers: graph.authorPapers.count(Int(coauthor)),
                                  shared: nil, distance: level))
        }
        return AuthorRows(rows: rows, columns: [.name, .distance, .papers])
    }

    /// How many authors are within `hops` coauthor steps, without making their rows.
    func coauthorCount(of sources: [UInt32], within hops: Int) throws(EvaluationError) -> Int {
        try traverseCoauthors(from: sources, hops: hops, visit: nil)
    }

    /// Breadth-first search from a group of authors, calling `visit` once for every other author
    /// reached within `hops` steps, level by level. The set of reached authors is a bitmap (a
    /// million authors fit in 128 KB), and the last level is not kept as a frontier.
    /// Without `visit`, only counts. Returns how many authors were reached.
    @discardableResult
    private func traverseCoauthors(
        from sources: [UInt32], hops: Int, visit: ((_ author: UInt32, _ level: Int) -> Void)?
    ) throws(EvaluationError) -> Int {
        var total = 0
        var reached = [UInt64](repeating: 0, count: (graph.authorCount + 63) / 64)
        let index = graph.coauthorIndex
        var cancelled = false
        reached.withUnsafeMutableBufferPointer { bits in
            @inline(__always) func markIfNew(_ author: UInt32) -> Bool {
                let word = Int(author >> 6)
                let bit = UInt64(1) << UInt64(author & 63)
                if bits[word] & bit != 0 { return false }
                bits[word] |= bit
                return true
            }
            var frontier: [UInt32] = []
            for source in sources where markIfNew(source) { frontier.append(source) }
            var next: [UInt32] = []
            var budget = 0
            /// `checkCancellation(after:budget:)` for this non-throwing closure: whether to stop.
            func stop(after steps: Int) -> Bool {
                budget -= steps
                guard budget < 0 else { return false }
                budget = Self.stepsBetweenChecks
                cancelled = cancellation?.isCancelled == true
                return cancelled
            }
            var level = 0
            index.coauthors.values.withUnsafeBufferPointer { values in
                while !frontier.isEmpty, level < hops {
                    level += 1
                    let last = level == hops
                    next.removeAll(keepingCapacity: true)
                    for author in frontier {
                        let range = index.coauthors.range(Int(author))
                        if stop(after: 1 + range.count) { return }
                        for position in range {
                            let coauthor = values[position]
                            guard markIfNew(coauthor) else { continue }
                            if !last {
                                next.append(coauthor)
                            } else {
                                total += 1
                                visit?(coauthor, level)
                            }
                        }
                        for paper in index.largePapers[Int(author)] {
                            let authors = graph.paperAuthors[Int(paper)]
                            if stop(after: authors.count) { return }
                            for coauthor in authors where markIfNew(coauthor) {
                                if !last {
                                    next.append(coauthor)
                                } else {
                                    total += 1
                                    visit?(coauthor, level)
                                }
                            }
                        }
                    }
                    if last { break }
                    total += next.count
                    if let visit { for coauthor in next { visit(coauthor, level) } }
                    swap(&frontier, &next)
                }
            }
        }
        if cancelled { throw .cancelled }
        return total
    }
}

extension AuthorRows {
    /// The columns of `authors named`: what tells people with one name apart.
    public static let personColumns: [Field] = [.name, .identifier, .papers, .years, .venues, .coauthors]
}

/// Counts per id: a dense array for ids, plus the list of ids touched, so reading the counts
/// costs the number of distinct ids rather than the size of the id space.
struct SparseCounter {
    private var counts: [Int32]
    private var touched: [UInt32] = []

    init(size: Int) {
        counts = [Int32](repeating: 0, count: size)
    }

    mutating func add(_ id: UInt32) {
        if counts[Int(id)] == 0 { touched.append(id) }
        counts[Int(id)] += 1
    }

    var entries: [(UInt32, Int)] {
        touched.map { ($0, Int(counts[Int($0)])) }
    }
}
