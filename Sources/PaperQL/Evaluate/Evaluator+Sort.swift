/// `sort by`: explicit orders, ties broken by the kind's default order.
extension Evaluator {
    func sorted(_ result: QueryResult, by keys: [(field: Field, descending: Bool)]) throws(EvaluationError) -> QueryResult {
        let base = try ordered(Working(result: result, ordered: false), limit: nil).result
        switch base {
        case .papers(var rows):
            let position = Dictionary(uniqueKeysWithValues: rows.papers.enumerated().map { ($1, $0) })
            rows.papers.sort { a, b in
                for key in keys {
                    let order = compare(paper: a, b, key.field)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return position[a, default: 0] < position[b, default: 0]
            }
            return .papers(rows)
        case .authors(var rows):
            let indexed = rows.rows.enumerated().map { ($0, $1) }
            rows.rows = indexed.sorted { a, b in
                for key in keys {
                    let order = compare(author: a.1, b.1, key.field)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.0 < b.0
            }.map(\.1)
            return .authors(rows)
        case .venues(var rows):
            let indexed = rows.rows.enumerated().map { ($0, $1) }
            rows.rows = indexed.sorted { a, b in
                for key in keys {
                    let order = key.field == .name ? threeWay(a.1.name, b.1.name) : threeWay(a.1.papers, b.1.papers)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.0 < b.0
            }.map(\.1)
            return .venues(rows)
        case .groups(var rows):
            let indexed = rows.rows.enumerated().map { ($0, $1) }
            rows.rows = indexed.sorted { a, b in
                for key in keys {
                    let order = key.field == .count ? threeWay(a.1.count, b.1.count) : compareKeys(a.1.key, b.1.key)
                    if order != 0 { return key.descending ? order > 0 : order < 0 }
                }
                return a.0 < b.0
            }.map(\.1)
            return .groups(rows)
        case .count, .path:
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
