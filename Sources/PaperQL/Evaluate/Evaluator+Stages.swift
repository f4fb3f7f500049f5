/// Pipeline stages: count, count by, sort, limit, show; and each kind's default order.
extension Evaluator {
    /// Every loop in a stage looks at the cancellation flag from its first iteration on; the
    /// stages without loops (count, limit, show) are quick.
    func apply(_ stage: CheckedStage, to working: Working) throws(EvaluationError) -> Working {
        switch stage {
        case .count:
            return Working(result: .count(working.result.rowCount), ordered: true)
        case .countBy(let field):
            guard case .papers(let rows) = working.result else { return working }
            return Working(result: .groups(try group(rows.papers, by: field)), ordered: false)
        case .sort(let keys):
            return Working(result: try sorted(working, by: keys), ordered: true)
        case .limit(let count):
            var current = working.ordered ? working : try ordered(working, limit: count)
            current.result = limited(current.result, to: count)
            return current
        case .show(let fields):
            var result = working.result
            switch result {
            case .papers(var rows): rows.columns = fields; result = .papers(rows)
            case .authors(var rows): rows.columns = fields; result = .authors(rows)
            case .venues(var rows): rows.columns = fields; result = .venues(rows)
            case .groups(var rows): rows.columns = fields; result = .groups(rows)
            case .count, .path, .profile: break
            }
            return Working(result: result, ordered: working.ordered)
        }
    }

    // MARK: - Default order

    /// Puts rows in their kind's default order. With a limit, only the first `limit` rows need
    /// to be right, so rows that cannot make the cut are set aside before sorting.
    func ordered(_ working: Working, limit: Int?) throws(EvaluationError) -> Working {
        var result = working.result
        switch result {
        case .papers(var rows):
            // Ids ascend by (year, title descending): reversed, they are newest first, then by title.
            rows.papers.reverse()
            result = .papers(rows)
        case .authors(var rows):
            rows.rows = try topRows(rows.rows, limit: limit, key: authorPrimaryKey(rows),
                                    name: { $1.append(graph.authorNames.text(Int($0.author.rawValue)), tie: Int($0.author.rawValue)) })
            result = .authors(rows)
        case .venues(var rows):
            rows.rows = try topRows(rows.rows, limit: limit, key: { -$0.papers }, name: { $1.append($0.name) })
            result = .venues(rows)
        case .groups(var rows):
            if rows.field == .year {
                try cancellableSort(&rows.rows) { groupKeyOrder($0.key, $1.key) }
            } else {
                rows.rows = try topRows(rows.rows, limit: limit, key: { $0.key == .none ? 1 : -$0.count },
                                        name: { $1.append(groupKeyText($0.key)) })
            }
            result = .groups(rows)
        case .count, .path, .profile:
            break
        }
        return Working(result: result, ordered: true)
    }

    /// Authors: by distance, then shared papers, then papers, most first.
    private func authorPrimaryKey(_ rows: AuthorRows) -> (AuthorRow) -> Int {
        { row in
            if let distance = row.distance { return distance * 1_000_000_000 - row.papers }
            if let shared = row.shared { return -shared }
            return -row.papers
        }
    }

    /// Sorts by a numeric key ascending, then by name, then by the tie the name was added with
    /// (people: their id, so that namesakes always come in one order); with a limit, sorts only
    /// the rows whose key can still make the first `limit`.
    /// - Parameter name: adds a row's name to the names to order by.
    private func topRows<Row>(_ rows: [Row], limit: Int?, key: (Row) -> Int, name: (Row, inout NameOrder) -> Void)
        throws(EvaluationError) -> [Row]
    {
        var candidates = rows
        if let limit, limit < rows.count {
            var keys = rows.map(key)
            try cancellableSort(&keys) { $0 < $1 }
            let cutoff = limit > 0 ? keys[limit - 1] : Int.min
            candidates = rows.filter { key($0) <= cutoff }
        }
        // Names are gathered once per row, not once per comparison.
        var names = NameOrder(capacity: candidates.count)
        var keyed: [(key: Int, name: Int)] = []
        keyed.reserveCapacity(candidates.count)
        for (counter, row) in candidates.enumerated() {
            try checkCancellation(every: counter)
            keyed.append((key: key(row), name: names.count))
            name(row, &names)
        }
        try names.withComparison { (precedes) throws(EvaluationError) in
            try cancellableSort(&keyed) { $0.key != $1.key ? $0.key < $1.key : precedes($0.name, $1.name) }
        }
        return keyed.map { candidates[$0.name] }
    }

    private func limited(_ result: QueryResult, to count: Int) -> QueryResult {
        switch result {
        case .papers(var rows): rows.papers = Array(rows.papers.prefix(count)); return .papers(rows)
        case .authors(var rows): rows.rows = Array(rows.rows.prefix(count)); return .authors(rows)
        case .venues(var rows): rows.rows = Array(rows.rows.prefix(count)); return .venues(rows)
        case .groups(var rows): rows.rows = Array(rows.rows.prefix(count)); return .groups(rows)
        case .count, .path, .profile: return result
        }
    }

    // MARK: - count by

    func group(_ papers: [PaperID], by field: Field) throws(EvaluationError) -> GroupRows {
        var counts: [GroupRow.Key: Int] = [:]
        var facetCounts: SparseCounter?
        var missing = 0
        var budget = 0
        // Years are counted in an array spanning the papers' years (at most `validYears`), found
        // in a first pass: no hashing, and no 10,000 counters for an author's few papers.
        var yearCounts: [Int] = []
        var firstYear = 0
        if field == .year {
            var low = Int.max
            var high = Int.min
            for (counter, paper) in papers.enumerated() {
                try checkCancellation(every: counter)
                let year = Int(graph.years[Int(paper.rawValue)])
                if year != 0 {
                    low = min(low, year)
                    high = max(high, year)
                }
            }
            if low <= high {
                firstYear = low
                yearCounts = [Int](repeating: 0, count: high - low + 1)
            }
        }
        /// Counts a paper's values; returns how many it has.
        func facetCount(_ lists: AdjacencyLists, _ paper: PaperID) -> Int {
            let values = lists[Int(paper.rawValue)]
            if values.isEmpty { missing += 1 }
            for value in values { facetCounts?.add(value) }
            return values.count
        }
        switch field {
        case .authors: facetCounts = SparseCounter(size: graph.authorCount)
        case .categories: facetCounts = SparseCounter(size: graph.categoryCount)
        case .institutions: facetCounts = SparseCounter(size: graph.institutionCount)
        case .venue: facetCounts = SparseCounter(size: graph.venueCount)
        case .sources: facetCounts = SparseCounter(size: graph.sourceNames.count)
        default: break
        }
        for paper in papers {
            var steps = 1
            switch field {
            case .year:
                let year = Int(graph.years[Int(paper.rawValue)])
                if year == 0 { missing += 1 } else { yearCounts[year - firstYear] += 1 }
            case .type:
                counts[graph.type(of: paper).map { .text($0.rawValue) } ?? .none, default: 0] += 1
            case .venue:
                let venue = graph.paperVenues[Int(paper.rawValue)]
                if venue == PaperGraph.noValue { missing += 1 } else { facetCounts?.add(venue) }
            case .authors: steps += facetCount(graph.paperAuthors, paper)
            case .categories: steps += facetCount(graph.paperCategories, paper)
            case .institutions: steps += facetCount(graph.paperInstitutions, paper)
            case .sources: steps += facetCount(graph.paperSources, paper)
            default: break
            }
            // A paper can have thousands of authors: count the steps, not the papers.
            try checkCancellation(after: steps, budget: &budget)
        }
        var rows = counts.map { GroupRow(key: $0.key, count: $0.value) }
        if field == .year {
            rows = yearCounts.indices.filter { yearCounts[$0] > 0 }.map { GroupRow(key: .year(firstYear + $0), count: yearCounts[$0]) }
        }
        if let facetCounts {
            rows = []
            for (counter, (value, count)) in facetCounts.entries.enumerated() {
                try checkCancellation(every: counter)  // each row makes a name
                rows.append(GroupRow(key: .text(facetName(field, value)), count: count))
            }
        }
        if missing > 0 { rows.append(GroupRow(key: .none, count: missing)) }
        return GroupRows(field: field, rows: rows, columns: [.key, .count])
    }

    private func facetName(_ field: Field, _ value: UInt32) -> String {
        switch field {
        case .authors: graph.name(of: AuthorID(value))
        case .categories: graph.categories.names[Int(value)]
        case .institutions: graph.institutions.names[Int(value)]
        case .venue: graph.venues.names[Int(value)]
        case .sources: graph.sourceNames[Int(value)]
        default: ""
        }
    }

    func groupKeyText(_ key: GroupRow.Key) -> String {
        switch key {
        case .year(let year): String(year)
        case .text(let text): text
        case .none: ""
        }
    }

    /// Years ascending, the group without a value last.
    func groupKeyOrder(_ a: GroupRow.Key, _ b: GroupRow.Key) -> Bool {
        switch (a, b) {
        case (.year(let x), .year(let y)): x < y
        case (.none, _): false
        case (_, .none): true
        default: groupKeyText(a) < groupKeyText(b)
        }
    }
}
