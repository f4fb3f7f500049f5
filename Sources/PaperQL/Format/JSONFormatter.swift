/// The documented JSON output: one object per statement.
///
/// - papers, authors, venues, groups: `{"kind": …, "count": N, "rows": [{column: value, …}]}`
///   (groups add `"by"`: the field grouped by);
/// - count: `{"kind": "count", "count": N, "rows": [{"count": N}]}`;
/// - path: `{"kind": "path", "from": …, "to": …, "found": bool, "length": hops,
///   "steps": [{"author": …, "via": {"id", "title", "year"} or null}]}`.
/// - profile: `{"kind": "profile", "name", "people", "works", "topics", "collaborators",
///   "institutions", "names", "nearby"}` (`ProfileFormatter.value`); JSON Lines: its works.
enum JSONFormatter {
    static func document(_ result: QueryResult, graph: PaperGraph, pretty: Bool) -> String {
        JSONWriter.write(value(result, graph: graph), pretty: pretty)
    }

    /// One compact object per row (for a path, per step; for a count, one object).
    static func lines(_ result: QueryResult, graph: PaperGraph) -> String {
        let rows: [JSONWriter.Value]
        if case .path(let path) = result {
            rows = steps(path, graph: graph)
        } else {
            rows = rowObjects(ResultRows(result, graph: graph))
        }
        return rows.map { JSONWriter.write($0, pretty: false) + "\n" }.joined()
    }

    static func value(_ result: QueryResult, graph: PaperGraph) -> JSONWriter.Value {
        switch result {
        case .path(let path):
            return .object([
                ("kind", .string("path")), ("from", .string(path.from)), ("to", .string(path.to)),
                ("found", .bool(path.found)), ("length", path.found ? .integer(path.length) : .null),
                ("steps", .array(steps(path, graph: graph))),
            ])
        case .profile(let profile):
            return ProfileFormatter.value(profile, graph: graph)
        case .count(let count):
            return .object([("kind", .string("count")), ("count", .integer(count)),
                            ("rows", .array([.object([("count", .integer(count))])]))])
        default:
            let table = ResultRows(result, graph: graph)
            var members: [(String, JSONWriter.Value)] = [("kind", .string(result.kind.rawValue))]
            if case .groups(let groups) = result { members.append(("by", .string(groups.field.rawValue))) }
            members.append(("count", .integer(table.count)))
            members.append(("rows", .array(rowObjects(table))))
            return .object(members)
        }
    }

    private static func rowObjects(_ table: ResultRows) -> [JSONWriter.Value] {
        let fieldNames = table.fieldNames
        return table.map { row in
            .object(zip(fieldNames, row).map { column, value in (column, cellValue(value)) })
        }
    }

    private static func cellValue(_ value: ResultValue) -> JSONWriter.Value {
        switch value {
        case .text(let text): .string(text.string)
        case .integer(let number): .integer(number)
        case .list(let items): .array(items.map { .string($0.string) })
        case .bool(let flag): .bool(flag)
        case .null: .null
        }
    }

    private static func steps(_ path: PathResult, graph: PaperGraph) -> [JSONWriter.Value] {
        path.steps.map { step in
            let via: JSONWriter.Value = step.via.map { paper in
                .object([("id", .string(graph.key(of: paper))), ("title", .string(graph.title(of: paper))),
                         ("year", graph.year(of: paper).map(JSONWriter.Value.integer) ?? .null)])
            } ?? .null
            return .object([("author", .string(graph.name(of: step.author))), ("via", via)])
        }
    }
}
