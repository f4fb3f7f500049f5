/// `sort by`: explicit orders; ties keep the order the rows had (the default order, or that of an
/// earlier `sort`): the sort is stable.
extension Evaluator {
    func sorted(_ working: Working, by keys: [(field: Field, descending: Bool)]) throws(EvaluationError) -> QueryResult {
        let base = working.ordered ? working.result : try ordered(working, limit: nil).result
        switch base {
        case .papers(var rows):
            // Ties keep the order the rows had: their position breaks them.
            var indexed = Array(rows.papers.enumerated())
            try cancellableSort(&indexed) { a, b in
                for key in keys {
                    let order = compare(paper: a.element, b.element, key.field)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.offset < b.offset
            }
            rows.papers = indexed.map(\.element)
            return .papers(rows)
        case .authors(var rows):
            var indexed = Array(rows.rows.enumerated())
            try cancellableSort(&indexed) { a, b in
                for key in keys {
                    let order = compare(author: a.element, b.element, key.field)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.offset < b.offset
            }
            rows.rows = indexed.map(\.element)
            return .authors(rows)
        case .venues(var rows):
            var indexed = Array(rows.rows.enumerated())
            try cancellableSort(&indexed) { a, b in
                for key in keys {
                    let order = key.field == .name ? threeWay(a.element.name, b.element.name)
                        : threeWay(a.element.papers, b.element.papers)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.offset < b.offset
            }
            rows.rows = indexed.map(\.element)
            return .venues(rows)
        case .groups(var rows):
            var indexed = Array(rows.rows.enumerated())
            try cancellableSort(&indexed) { a, b in
                for key in keys {
                    let order = key.field == .count ? threeWay(a.element.count, b.element.count)
                        : compareKeys(a.element.key, b.element.key)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.offset < b.offset
            }
            rows.rows = indexed.map(\.element)
            return .groups(rows)
        case .count, .path, .profile:
            return base
        }
    }

    private func compare(paper a: PaperID, _ b: PaperID, _ field: Field) -> Int {
        switch field {
        case .year: threeWay(graph.year(of: a) ?? 0, graph.year(of: b) ?? 0)
        case .title: threeWay(graph.title(of: a).lowercased(), graph.title(of: b).lowercased())
        case .venue: threeWay(graph.venue(of: a) ?? "", graph.venue(of: b) ?? "")
        case .date: threeWay(graph.date(of: a) ?? graph.year(of: a).map(String.init) ?? "",
                             graph.date(of: b) ?? graph.year(of: b).map(String.init) ?? "")
        case .id: threeWay(graph.key(of: a), graph.key(of: b))
        case .type: threeWay(graph.type(of: a)?.rawValue ?? "", graph.type(of: b)?.rawValue ?? "")
        case .authors: threeWay(graph.paperAuthors.count(Int(a.rawValue)), graph.paperAuthors.count(Int(b.rawValue)))
        default: 0
        }
    }

    private func compare(author a: AuthorRow, _ b: AuthorRow, _ field: Field) -> Int {
        switch field {
        case .name: threeWay(graph.name(of: a.author), graph.name(of: b.author))
        case .papers: threeWay(a.papers, b.papers)
        case .shared: threeWay(a.shared ?? 0, b.shared ?? 0)
        case .distance: threeWay(a.distance ?? 0, b.distance ?? 0)
        default: 0
        }
    }

    private func compareKeys(_ a: GroupRow.Key, _ b: GroupRow.Key) -> Int {
        if groupKeyOrder(a, b) { return -1 }
        if groupKeyOrder(b, a) { return 1 }
        return 0
    }

    private func threeWay<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}
