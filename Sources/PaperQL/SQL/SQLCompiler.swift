/// Compiles PaperQL statements to SQL over `RelationalSchema`, one SQL statement per statement,
/// from the checked form (`Checker`): the same names, the same people, the same answers.
///
/// Names: an author name is folded here with the engine's own code (`TextFolding`,
/// `PersonName`) and matched through `author_names`: `folded = 'x'`, or, for tolerant matching,
/// `name_key IN (…)` with every written form the engine's rule accepts. Paper sets are
/// subqueries of paper ids combined with `INTERSECT`/`UNION`/`EXCEPT`, as the planner combines
/// them; every pipeline ends in the kind's default order, kept as an `ord` column.
/// A `let` becomes a temporary view. What a dialect cannot express is a diagnostic.
public struct SQLCompiler {
    public let graph: PaperGraph
    public let dialect: SQLDialect
    /// Prefix of the temporary views `let` makes, so scripts run in one session do not collide.
    public let namespace: String
    /// The longest path `path` searches for.
    public let pathBound: Int
    public static let defaultPathBound = 8
    /// The kinds of value SQL gives (a statement of another kind is refused).
    static let compiledKinds: [ResultKind] = [.papers, .authors, .venues, .groups, .count, .path]

    /// The views of the `let` names in scope.
    private var views: [String: View] = [:]
    private var viewCount = 0
    private var aliasCount = 0
    private var diagnostics: [Diagnostic] = []
    private var currentSpan = SourceSpan(start: 0, end: 0)

    struct View {
        let name: String
        let kind: ResultKind
    }

    public init(graph: PaperGraph, dialect: SQLDialect, namespace: String = "pql", pathBound: Int = SQLCompiler.defaultPathBound) {
        self.graph = graph
        self.dialect = dialect
        self.namespace = namespace
        self.pathBound = pathBound
    }

    /// Parses, checks and compiles a script. Statements with errors (from the checker or from
    /// here) have no SQL; their diagnostics say why.
    public mutating func compile(_ source: SourceFile) -> SQLScript {
        let parsed = Parser.parse(source)
        var checker = Checker(graph: graph, environment: views.mapValues(\.kind))
        var statements: [SQLStatement] = []
        var all = parsed.diagnostics
        guard !parsed.diagnostics.hasErrors else { return SQLScript(statements: [], diagnostics: all) }
        for statement in parsed.script.statements {
            let before = checker.diagnostics.count
            let checked = checker.check(statement)
            all += checker.diagnostics[before...]
            guard let checked else { continue }
            diagnostics = []
            if let compiled = compile(checked) { statements.append(compiled) }
            all += diagnostics
        }
        return SQLScript(statements: statements, diagnostics: all)
    }

    /// One checked statement; nil (with a diagnostic) when the dialect cannot express it.
    public mutating func compile(_ statement: CheckedStatement) -> SQLStatement? {
        currentSpan = statement.span
        aliasCount = 0
        let pipeline = statement.pipeline
        if case .path(let from, let to) = pipeline.source {
            guard statement.binding == nil else {
                diagnostics.append(.error(SQLMessages.pathNotAtTop(dialect), at: statement.span))
                return nil
            }
            guard dialect.compilesPaths else {
                diagnostics.append(.error(SQLMessages.noPathSearch(dialect), at: statement.span))
                return nil
            }
            guard let sql = path(from: from, to: to) else { return nil }
            return SQLStatement(sql: sql, kind: .path, binding: nil, span: statement.span)
        }
        guard Self.compiledKinds.contains(pipeline.kind) else {
            diagnostics.append(.error(SQLMessages.unsupportedStatement("a statement whose value is \(pipeline.kind.rawValue)"), at: statement.span))
            return nil
        }
        guard let relation = compile(pipeline), diagnostics.isEmpty else { return nil }
        if let binding = statement.binding {
            viewCount += 1
            let name = "\(namespace)_\(viewCount)_\(binding.filter { $0.isLetter || $0.isNumber || $0 == "_" })"
            views[binding] = View(name: name, kind: relation.kind)
            let create = switch dialect {
            case .postgres: "CREATE TEMPORARY VIEW \(name) AS \(relation.sql)"
            case .duckdb: "CREATE OR REPLACE TEMPORARY VIEW \(name) AS \(relation.sql)"
            case .spark: "CREATE OR REPLACE TEMPORARY VIEW \(name) AS \(relation.sql)"
            }
            return SQLStatement(sql: create, kind: relation.kind, binding: binding, span: statement.span)
        }
        return SQLStatement(sql: output(relation), kind: relation.kind, binding: nil, span: statement.span)
    }

    // MARK: - Relations

    /// A query and what its rows are. Columns by kind: papers `id`; authors `person, papers,
    /// shared, distance`; venues `name, papers`; groups `gkey, gnum, gcount` (gnum the year of a
    /// year group); count `n`; plus `ord` (1, 2, …) when `ordered`.
    struct Relation {
        var sql: String
        var kind: ResultKind
        var ordered: Bool
        var hasShared = false
        var hasDistance = false
        var groupsYears = false
    }

    private mutating func alias() -> String {
        aliasCount += 1
        return "t\(aliasCount)"
    }

    private func columns(_ kind: ResultKind, _ alias: String) -> String {
        let names: [String] = switch kind {
        case .papers: ["id"]
        case .authors: ["person", "papers", "shared", "distance"]
        case .venues: ["name", "papers"]
        case .groups: ["gkey", "gnum", "gcount"]
        case .count: ["n"]
        case .path: ["step", "person", "via"]
        default: []
        }
        return names.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// A pipeline, in its final order (as the evaluator leaves a nested or bound value).
    mutating func compile(_ pipeline: CheckedPipeline) -> Relation? {
        guard var relation = set(pipeline.source) else { return nil }
        for stage in pipeline.stages {
            relation = apply(stage, to: relation)
        }
        return ordered(relation)
    }

    /// Rows numbered in their current order, or the kind's default order.
    private mutating func ordered(_ relation: Relation, extraKeys: (String) -> (joins: String, keys: [String]) = { _ in ("", []) }) -> Relation {
        if relation.ordered, extraKeys("r").keys.isEmpty { return relation }
        if relation.kind == .count || relation.kind == .path { return relation }
        let r = alias()
        let (joins, keys) = order(relation, r)
        let extra = extraKeys(r)
        var result = relation
        result.sql = "SELECT \(columns(relation.kind, r)), ROW_NUMBER() OVER (ORDER BY \((extra.keys + keys).joined(separator: ", "))) AS ord FROM (\(relation.sql)) \(r)\(joins)\(extra.joins)"
        result.ordered = true
        return result
    }

    /// The order a relation's rows have: `ord`, or the kind's default order (SEMANTICS.md).
    private func order(_ relation: Relation, _ r: String) -> (joins: String, keys: [String]) {
        if relation.ordered { return ("", ["\(r).ord"]) }
        switch relation.kind {
        case .papers:
            return ("", ["\(r).id DESC"])
        case .authors:
            let joins = " JOIN people \(r)p ON \(r)p.id = \(r).person"
            let name = dialect.binary("\(r)p.name")
            if relation.hasDistance { return (joins, ["\(r).distance", "\(r).papers DESC", name, "\(r).person"]) }
            if relation.hasShared { return (joins, ["\(r).shared DESC", name, "\(r).person"]) }
            return (joins, ["\(r).papers DESC", name, "\(r).person"])
        case .venues:
            return ("", ["\(r).papers DESC", dialect.binary("\(r).name")])
        case .groups:
            let missingLast = "CASE WHEN \(r).gkey IS NULL THEN 1 ELSE 0 END"
            if relation.groupsYears { return ("", [missingLast, "\(r).gnum"]) }
            return ("", [missingLast, "\(r).gcount DESC", dialect.binary("\(r).gkey")])
        default:
            return ("", [])
        }
    }

    // MARK: - Stages

    private mutating func apply(_ stage: CheckedStage, to relation: Relation) -> Relation {
        switch stage {
        case .count:
            return Relation(sql: "SELECT COUNT(*) AS n FROM (\(relation.sql)) \(alias())", kind: .count, ordered: true)
        case .countBy(let field):
            return groups(relation, by: field)
        case .sort(let keys):
            let compiler = self
            return ordered(relation) { r in compiler.sortKeys(keys, relation.kind, r) }
        case .limit(let count):
            let numbered = ordered(relation)
            let r = alias()
            var result = numbered
            result.sql = "SELECT \(columns(relation.kind, r)), \(r).ord FROM (\(numbered.sql)) \(r) WHERE \(r).ord <= \(count)"
            return result
        case .show:
            return relation
        }
    }

    /// `sort by` keys; a missing value sorts as the smallest (0 or "").
    private func sortKeys(_ keys: [(field: Field, descending: Bool)], _ kind: ResultKind, _ r: String) -> (joins: String, keys: [String]) {
        var joins = ""
        var expressions: [String] = []
        let direction = { (descending: Bool) in descending ? " DESC" : "" }
        for key in keys {
            let d = direction(key.descending)
            switch kind {
            case .papers:
                if joins.isEmpty { joins = " JOIN papers \(r)s ON \(r)s.id = \(r).id" }
                let p = "\(r)s"
                let expression = switch key.field {
                case .year: "COALESCE(\(p).year, 0)"
                case .title: dialect.binary("COALESCE(\(p).title_lower, '')")
                case .venue: dialect.binary("COALESCE(\(p).venue, '')")
                case .date: dialect.binary("COALESCE(\(p).date_or_year, '')")
                case .id: dialect.binary("\(p).key")
                case .type: dialect.binary("COALESCE(\(p).type, '')")
                case .authors: "\(p).author_count"
                default: "0"
                }
                expressions.append(expression + d)
            case .authors:
                switch key.field {
                case .name:
                    if joins.isEmpty { joins = " JOIN people \(r)s ON \(r)s.id = \(r).person" }
                    expressions.append(dialect.binary("\(r)s.name") + d)
                case .papers: expressions.append("\(r).papers" + d)
                case .shared: expressions.append("COALESCE(\(r).shared, 0)" + d)
                case .distance: expressions.append("COALESCE(\(r).distance, 0)" + d)
                default: break
                }
            case .venues:
                expressions.append((key.field == .name ? dialect.binary("\(r).name") : "\(r).papers") + d)
            case .groups:
                if key.field == .count {
                    expressions.append("\(r).gcount" + d)
                } else {
                    // The group without a value sorts after every key.
                    expressions.append("CASE WHEN \(r).gkey IS NULL THEN 1 ELSE 0 END" + d)
                    expressions.append("\(r).gnum" + d)
                    expressions.append(dialect.binary("\(r).gkey") + d)
                }
            default:
                break
            }
        }
        return (joins, expressions)
    }

    /// `count by F`: one row per value, and a row with a NULL key for the papers without one.
    private mutating func groups(_ relation: Relation, by field: Field) -> Relation {
        let input = relation.sql
        let r = alias()
        let p = alias()
        let text = dialect.textType
        let sql: String
        switch field {
        case .year:
            sql = "SELECT CAST(\(p).year AS \(text)) AS gkey, \(p).year AS gnum, COUNT(*) AS gcount FROM (\(input)) \(r) JOIN papers \(p) ON \(p).id = \(r).id GROUP BY \(p).year"
        case .type, .venue:
            let column = field == .type ? "type" : "venue"
            let group = field == .type ? "\(p).type" : "\(p).venue_id, \(p).venue"
            sql = "SELECT \(p).\(column) AS gkey, CAST(NULL AS BIGINT) AS gnum, COUNT(*) AS gcount FROM (\(input)) \(r) JOIN papers \(p) ON \(p).id = \(r).id GROUP BY \(group)"
        default:
            let (link, linkColumn, table, name) = switch field {
            case .authors: ("authorships", "person_id", "people", "name")
            case .categories: ("paper_categories", "category_id", "categories", "name")
            case .institutions: ("paper_institutions", "institution_id", "institutions", "name")
            default: ("paper_sources", "source_id", "sources", "name")
            }
            let l = alias()
            let m = alias()
            let values = "SELECT \(p).\(name) AS gkey, CAST(NULL AS BIGINT) AS gnum, COUNT(*) AS gcount FROM (\(input)) \(r) JOIN \(link) \(l) ON \(l).paper_id = \(r).id JOIN \(table) \(p) ON \(p).id = \(l).\(linkColumn) GROUP BY \(p).id, \(p).\(name)"
            let r2 = alias()
            let missing = "SELECT CAST(NULL AS \(text)) AS gkey, CAST(NULL AS BIGINT) AS gnum, COUNT(*) AS gcount FROM (\(input)) \(r2) WHERE \(r2).id NOT IN (SELECT \(m).paper_id FROM \(link) \(m))"
            let g = alias()
            sql = "\(values) UNION ALL SELECT \(g).gkey, \(g).gnum, \(g).gcount FROM (\(missing)) \(g) WHERE \(g).gcount > 0"
        }
        return Relation(sql: sql, kind: .groups, ordered: false, groupsYears: field == .year)
    }

    // MARK: - Sets

    private mutating func set(_ set: CheckedSet) -> Relation? {
        switch set {
        case .papers(let base, let filter):
            var parts: [String] = []
            switch base {
            case .all: if filter == nil { parts.append("SELECT id FROM papers") }
            case .variable(let name): parts.append("SELECT id FROM \(view(name))")
            case .nested(let pipeline):
                guard let nested = compile(pipeline) else { return nil }
                parts.append("SELECT \(alias()).id FROM (\(nested.sql)) t\(aliasCount)")
            }
            if let filter { parts.append(papers(filter)) }
            return Relation(sql: intersect(parts), kind: .papers, ordered: false)
        case .authors(of: nil):
            return Relation(sql: "SELECT id AS person, paper_count AS papers, CAST(NULL AS BIGINT) AS shared, CAST(NULL AS BIGINT) AS distance FROM people",
                            kind: .authors, ordered: false)
        case .authors(of: let pipeline?):
            guard let source = compile(pipeline) else { return nil }
            let a = alias()
            let s = alias()
            return Relation(sql: "SELECT \(a).person_id AS person, COUNT(*) AS papers, CAST(NULL AS BIGINT) AS shared, CAST(NULL AS BIGINT) AS distance FROM authorships \(a) WHERE \(a).paper_id IN (SELECT \(s).id FROM (\(source.sql)) \(s)) GROUP BY \(a).person_id",
                            kind: .authors, ordered: false)
        case .authorsNamed(let name):
            let pp = alias()
            let s = alias()
            return Relation(sql: "SELECT \(pp).id AS person, \(pp).paper_count AS papers, CAST(NULL AS BIGINT) AS shared, CAST(NULL AS BIGINT) AS distance FROM people \(pp) WHERE \(pp).id IN (SELECT \(s).person FROM (\(persons(named: name))) \(s))",
                            kind: .authors, ordered: false)
        case .venues(of: nil):
            return Relation(sql: "SELECT name, paper_count AS papers FROM venues WHERE paper_count > 0", kind: .venues, ordered: false)
        case .venues(of: let pipeline?):
            guard let source = compile(pipeline) else { return nil }
            let p = alias()
            let s = alias()
            return Relation(sql: "SELECT MIN(\(p).venue) AS name, COUNT(*) AS papers FROM papers \(p) WHERE \(p).venue_id IS NOT NULL AND \(p).id IN (SELECT \(s).id FROM (\(source.sql)) \(s)) GROUP BY \(p).venue_id",
                            kind: .venues, ordered: false)
        case .coauthors(let selection, let within):
            guard let sources = persons(selection) else { return nil }
            if let within { return coauthors(of: sources, within: within) }
            return coauthors(of: sources)
        case .path:
            diagnostics.append(.error(SQLMessages.pathNotAtTop(dialect), at: currentSpan))
            return nil
        case .variable(let name, let kind):
            let v = alias()
            var columns = columns(kind, v)
            if kind != .count && kind != .path { columns += ", \(v).ord" }
            return Relation(sql: "SELECT \(columns) FROM \(view(name)) \(v)", kind: kind, ordered: true)
        case .nested(let pipeline):
            return compile(pipeline)
        default:
            diagnostics.append(.error(SQLMessages.unsupportedStatement("this statement"), at: currentSpan))
            return nil
        }
    }

    private func view(_ name: String) -> String {
        views[name]?.name ?? name
    }

    /// Direct coauthors: who shares a paper with the group, how many papers they share with it.
    private mutating func coauthors(of sources: String) -> Relation {
        let a = alias()
        let b = alias()
        let s1 = alias()
        let s2 = alias()
        let c = alias()
        let pp = alias()
        let counted = "SELECT \(a).person_id AS person, COUNT(*) AS shared FROM authorships \(a) WHERE \(a).paper_id IN (SELECT \(b).paper_id FROM authorships \(b) WHERE \(b).person_id IN (SELECT \(s1).person FROM (\(sources)) \(s1))) AND \(a).person_id NOT IN (SELECT \(s2).person FROM (\(sources)) \(s2)) GROUP BY \(a).person_id"
        return Relation(sql: "SELECT \(c).person, \(pp).paper_count AS papers, \(c).shared, CAST(NULL AS BIGINT) AS distance FROM (\(counted)) \(c) JOIN people \(pp) ON \(pp).id = \(c).person",
                        kind: .authors, ordered: false, hasShared: true)
    }

    /// Coauthors within k steps: k joins, each hop's frontier made distinct and stripped of
    /// everyone reached before (no recursion).
    private mutating func coauthors(of sources: String, within hops: Int) -> Relation {
        let l = alias()
        var levels = ["\(l)0 AS (SELECT DISTINCT \(alias()).person FROM (\(sources)) t\(aliasCount))"]
        for level in 1...hops {
            let a = alias()
            let b = alias()
            let reached = (0..<level).map { "SELECT person FROM \(l)\($0)" }.joined(separator: " UNION ALL ")
            levels.append("\(l)\(level) AS (SELECT DISTINCT \(b).person_id AS person FROM \(l)\(level - 1) JOIN authorships \(a) ON \(a).person_id = \(l)\(level - 1).person JOIN authorships \(b) ON \(b).paper_id = \(a).paper_id WHERE \(b).person_id NOT IN (\(reached)))")
        }
        let rows = (1...hops).map { "SELECT person, \($0) AS distance FROM \(l)\($0)" }.joined(separator: " UNION ALL ")
        let d = alias()
        let pp = alias()
        return Relation(sql: "WITH \(levels.joined(separator: ", ")) SELECT \(d).person, \(pp).paper_count AS papers, CAST(NULL AS BIGINT) AS shared, \(d).distance FROM (\(rows)) \(d) JOIN people \(pp) ON \(pp).id = \(d).person",
                        kind: .authors, ordered: false, hasDistance: true)
    }

    private func intersect(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "SELECT id FROM papers" }
        return parts.enumerated().map { index, part in "SELECT i\(index).id FROM (\(part)) i\(index)" }
            .joined(separator: " INTERSECT ")
    }

    private func union(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "SELECT id FROM papers WHERE 1 = 0" }
        return parts.enumerated().map { index, part in "SELECT u\(index).id FROM (\(part)) u\(index)" }
            .joined(separator: " UNION ")
    }

    // MARK: - Filters: the ids of the papers for which a filter holds

    private mutating func papers(_ filter: CheckedFilter) -> String {
        switch filter {
        case .and(let parts):
            return intersect(parts.map { papers($0) })
        case .or(let parts):
            return union(parts.map { papers($0) })
        case .not(let inner):
            let x = alias()
            return "SELECT id FROM papers EXCEPT SELECT \(x).id FROM (\(papers(inner))) \(x)"
        case .authoredBy(.all(let parts)):
            return intersect(parts.map { papers(.authoredBy($0)) })
        case .authoredBy(.any(let parts)) where parts.contains(where: { if case .all = $0 { true } else { false } }):
            // `by "A" and "B" or "C"`: (papers by both A and B) or papers by C.
            return union(parts.map { papers(.authoredBy($0)) })
        case .authoredBy(let selection):
            guard let people = persons(selection) else { return nothing }
            let a = alias()
            let s = alias()
            return "SELECT DISTINCT \(a).paper_id AS id FROM authorships \(a) WHERE \(a).person_id IN (SELECT \(s).person FROM (\(people)) \(s))"
        case .venue(let ids, _):
            return ids.isEmpty ? nothing : "SELECT id FROM papers WHERE venue_id IN (\(list(ids)))"
        case .category(let ids, _):
            return ids.isEmpty ? nothing : "SELECT DISTINCT paper_id AS id FROM paper_categories WHERE category_id IN (\(list(ids)))"
        case .institution(let ids, _):
            return ids.isEmpty ? nothing : "SELECT DISTINCT paper_id AS id FROM paper_institutions WHERE institution_id IN (\(list(ids)))"
        case .years(let range):
            var conditions = ["year IS NOT NULL"]
            if let low = range.low { conditions.append("year >= \(low)") }
            if let high = range.high { conditions.append("year <= \(high)") }
            return "SELECT id FROM papers WHERE \(conditions.joined(separator: " AND "))"
        case .words(let ids, let phrase, _):
            if let phrase, phrase.count > 1 {
                let wordIDs = phrase.map { graph.wordID($0) }
                guard wordIDs.allSatisfy({ $0 != nil }) else { return nothing }
                return self.phrase(wordIDs.map { $0! })
            }
            let unique = Array(Set(ids)).sorted()
            guard !unique.isEmpty else { return nothing }
            return "SELECT paper_id AS id FROM paper_words WHERE word_id IN (\(list(unique))) GROUP BY paper_id HAVING COUNT(*) = \(unique.count)"
        case .papers(let ids, _):
            return ids.isEmpty ? nothing : "SELECT id FROM papers WHERE id IN (\(list(ids)))"
        case .predicate(.authorNameContains(let needle)):
            let a = alias()
            let n = alias()
            return "SELECT DISTINCT \(a).paper_id AS id FROM authorships \(a) JOIN author_names \(n) ON \(n).person_id = \(a).person_id WHERE \(n).folded LIKE \(dialect.literal("%\(needle)%"))"
        case .predicate(let predicate):
            guard let set = predicateSet(predicate) else {
                diagnostics.append(.error(SQLMessages.unsupportedStatement("this filter"), at: currentSpan))
                return nothing
            }
            return set
        case .hasValue(let field):
            return hasValue(field)
        case .nothing:
            return nothing
        }
    }

    private var nothing: String { "SELECT id FROM papers WHERE 1 = 0" }

    private func list(_ ids: [UInt32]) -> String {
        ids.map(String.init).joined(separator: ", ")
    }

    /// Papers whose title or abstract has the words one after the other.
    private func phrase(_ ids: [UInt32]) -> String {
        var from = "tokens w0"
        var conditions = ["w0.word_id = \(ids[0])"]
        for (index, id) in ids.enumerated().dropFirst() {
            from += " JOIN tokens w\(index) ON w\(index).paper_id = w0.paper_id AND w\(index).field = w0.field AND w\(index).position = w0.position + \(index)"
            conditions.append("w\(index).word_id = \(id)")
        }
        return "SELECT DISTINCT w0.paper_id AS id FROM \(from) WHERE \(conditions.joined(separator: " AND "))"
    }

    private func predicateSet(_ predicate: RowPredicate) -> String? {
        switch predicate {
        case .textContains(let field, let needle):
            let column = switch field {
            case .title: "title_fold"
            case .abstract: "abstract_fold"
            case .doi: "doi_fold"
            case .id: "key_fold"
            default: "title_fold"
            }
            return "SELECT id FROM papers WHERE \(column) LIKE \(dialect.literal("%\(needle)%"))"
        case .textEquals(let field, let value):
            let column = switch field {
            case .doi: "doi_lower"
            case .title: "title_lower"
            default: "key"
            }
            return "SELECT id FROM papers WHERE \(column) = \(dialect.literal(value))"
        case .authorNameContains:
            return nothing  // handled in `papers(_:)`
        case .type(let types):
            guard !types.isEmpty else { return nothing }
            return "SELECT id FROM papers WHERE type IN (\(types.map(\.rawValue).sorted().map(dialect.literal).joined(separator: ", ")))"
        case .date(let op, let bound):
            let prefix = "SUBSTR(date_or_year, 1, \(bound.count))"
            return "SELECT id FROM papers WHERE date_or_year IS NOT NULL AND \(dialect.binary(prefix)) \(op.symbol == "!=" ? "<>" : op.symbol) \(dialect.binary(dialect.literal(bound)))"
        case .hasValue(let field):
            return hasValue(field)
        }
    }

    private func hasValue(_ field: Field) -> String {
        switch field {
        case .year: "SELECT id FROM papers WHERE year IS NOT NULL"
        case .date: "SELECT id FROM papers WHERE date_or_year IS NOT NULL"
        case .type: "SELECT id FROM papers WHERE type IS NOT NULL"
        case .authors: "SELECT id FROM papers WHERE author_count > 0"
        case .categories: "SELECT DISTINCT paper_id AS id FROM paper_categories"
        case .institutions: "SELECT DISTINCT paper_id AS id FROM paper_institutions"
        case .title: "SELECT id FROM papers WHERE title IS NOT NULL"
        case .abstract: "SELECT id FROM papers WHERE abstract IS NOT NULL"
        case .doi: "SELECT id FROM papers WHERE doi IS NOT NULL"
        case .venue: "SELECT id FROM papers WHERE venue IS NOT NULL"
        default: "SELECT id FROM papers WHERE key IS NOT NULL"
        }
    }

    // MARK: - People

    /// A query of one column, `person`: the people a selection means.
    private mutating func persons(_ selection: AuthorSelection) -> String? {
        switch selection {
        case .named(let name):
            return persons(named: name)
        case .any(let parts):
            var queries: [String] = []
            for part in parts {
                guard let query = persons(part) else { return nil }
                queries.append("SELECT \(alias()).person FROM (\(query)) t\(aliasCount)")
            }
            return queries.joined(separator: " UNION ")
        case .all:
            diagnostics.append(.error(SQLMessages.conjunctionOfAuthors(), at: currentSpan))
            return nil
        case .query(let pipeline):
            guard let relation = compile(pipeline) else { return nil }
            return "SELECT \(alias()).person FROM (\(relation.sql)) t\(aliasCount)"
        case .variable(let name):
            return "SELECT person FROM \(view(name))"
        }
    }

    /// The people a typed name means, found through `author_names` by the keys the engine's
    /// folding gives (an identifier through `people`).
    func persons(named name: ResolvedAuthorName) -> String {
        let trimmed = name.typed.trimmingCharacters(in: .whitespaces).lowercased()
        if name.typed.contains(":"), let author = graph.authorsByIdentifier[trimmed] {
            // One of the person's other identifiers (an ORCID) means them: `people` holds the one
            // they are known by.
            let known = graph.identifier(of: AuthorID(author))?.lowercased() ?? trimmed
            return "SELECT id AS person FROM people WHERE identifier_lower = \(dialect.literal(known))"
        }
        let folded = TextFolding.fold(name.typed)
        var condition = "folded = \(dialect.literal(folded))"
        if !name.exactly, let typed = PersonName(folded: TextFolding.foldName(name.typed)) {
            var keys = Set<String>()
            for author in name.authors {
                for variant in graph.variants(of: author) {
                    let key = TextFolding.foldName(variant)
                    if let written = PersonName(folded: key), written.isCompatible(with: typed) { keys.insert(key) }
                }
            }
            if !keys.isEmpty {
                condition += " OR name_key IN (\(keys.sorted().map(dialect.literal).joined(separator: ", ")))"
            }
            // The keys must find exactly the people the engine resolved (its tolerant rules may
            // tell apart people whose spellings fold alike); when they do not, the ids are given.
            let found = Set(graph.allAuthors.filter { author in
                graph.variants(of: author).contains { TextFolding.fold($0) == folded || keys.contains(TextFolding.foldName($0)) }
            })
            if found != Set(name.authors) {
                return "SELECT id AS person FROM people WHERE id IN (\(name.authors.map { String($0.rawValue) }.sorted().joined(separator: ", ")))"
            }
        }
        return "SELECT DISTINCT person_id AS person FROM author_names WHERE \(condition)"
    }

    // MARK: - Output

    /// The statement's rows, with ids for comparison and names for reading, in order.
    private mutating func output(_ relation: Relation) -> String {
        let r = alias()
        switch relation.kind {
        case .papers:
            return "SELECT \(r).id AS paper_id, p.key AS id, p.title, p.year, p.venue FROM (\(relation.sql)) \(r) JOIN papers p ON p.id = \(r).id ORDER BY \(r).ord"
        case .authors:
            return "SELECT \(r).person AS person_id, pp.name, \(r).papers, \(r).shared, \(r).distance FROM (\(relation.sql)) \(r) JOIN people pp ON pp.id = \(r).person ORDER BY \(r).ord"
        case .venues:
            return "SELECT \(r).name, \(r).papers FROM (\(relation.sql)) \(r) ORDER BY \(r).ord"
        case .groups:
            return "SELECT \(r).gkey AS group_key, \(r).gcount AS group_count FROM (\(relation.sql)) \(r) ORDER BY \(r).ord"
        case .count:
            return "SELECT \(r).n FROM (\(relation.sql)) \(r)"
        default:
            return "SELECT \(r).step, \(r).person AS person_id, pp.name, \(r).via AS paper_id FROM (\(relation.sql)) \(r) JOIN people pp ON pp.id = \(r).person ORDER BY \(r).step"
        }
    }

    // MARK: - Path

    /// A shortest path of at most `pathBound` steps, without recursion: breadth-first levels
    /// from the sources as in `coauthors … within` (each level distinct and new), the nearest
    /// target (the smallest id among the nearest), then the chain back through each person's
    /// parent (the smallest coauthor one level nearer the sources), unrolled `pathBound` times.
    /// A path longer than the bound is not searched: then one row with step -1 says so.
    private mutating func path(from: AuthorSelection, to: AuthorSelection) -> String? {
        guard let sources = persons(from), let targets = persons(to) else { return nil }
        let bound = pathBound
        var ctes = ["src AS (\(sources))", "dst AS (\(targets))", "l0 AS (SELECT DISTINCT person FROM src)"]
        for level in 1...bound {
            let reached = (0..<level).map { "SELECT person FROM l\($0)" }.joined(separator: " UNION ALL ")
            ctes.append("l\(level) AS (SELECT DISTINCT b.person_id AS person FROM l\(level - 1) f JOIN authorships a ON a.person_id = f.person JOIN authorships b ON b.paper_id = a.paper_id WHERE b.person_id NOT IN (\(reached)))")
        }
        ctes.append("dist AS (\((0...bound).map { "SELECT person, \($0) AS depth FROM l\($0)" }.joined(separator: " UNION ALL ")))")
        ctes.append("goal AS (SELECT MIN(d.depth) AS depth FROM dist d WHERE d.person IN (SELECT person FROM dst))")
        ctes.append("finish AS (SELECT MIN(d.person) AS person, MIN(d.depth) AS depth FROM dist d JOIN goal g ON d.depth = g.depth WHERE d.person IN (SELECT person FROM dst))")
        ctes.append("parent AS (SELECT x.person, MIN(y.person) AS parent FROM dist x JOIN authorships a ON a.person_id = x.person JOIN authorships b ON b.paper_id = a.paper_id JOIN dist y ON y.person = b.person_id AND y.depth = x.depth - 1 GROUP BY x.person)")
        ctes.append("via AS (SELECT p.person, MIN(a.paper_id) AS paper FROM parent p JOIN authorships a ON a.person_id = p.person JOIN authorships b ON b.paper_id = a.paper_id AND b.person_id = p.parent GROUP BY p.person)")
        ctes.append("c0 AS (SELECT person, depth AS step FROM finish WHERE person IS NOT NULL)")
        for step in 1...bound {
            ctes.append("c\(step) AS (SELECT p.parent AS person, c.step - 1 AS step FROM c\(step - 1) c JOIN parent p ON p.person = c.person WHERE c.step > 0)")
        }
        ctes.append("chain AS (\((0...bound).map { "SELECT person, step FROM c\($0)" }.joined(separator: " UNION ALL ")))")
        let rows = """
            SELECT ch.step, ch.person, CASE WHEN ch.step > 0 THEN v.paper END AS via FROM chain ch LEFT JOIN via v ON v.person = ch.person \
            UNION ALL SELECT -1 AS step, CAST(NULL AS BIGINT) AS person, CAST(NULL AS BIGINT) AS via FROM goal \
            WHERE goal.depth IS NULL AND EXISTS (SELECT 1 FROM l\(bound))
            """
        return "WITH \(ctes.joined(separator: ", ")) SELECT r.step, r.person AS person_id, pp.name, r.via AS paper_id FROM (\(rows)) r LEFT JOIN people pp ON pp.id = r.person ORDER BY r.step"
    }
}

/// The SQL of a script: one statement per PaperQL statement that compiled, and every diagnostic.
public struct SQLScript: Sendable {
    public let statements: [SQLStatement]
    public let diagnostics: [Diagnostic]
}

public struct SQLStatement: Sendable {
    public let sql: String
    public let kind: ResultKind
    /// The `let` name a statement binds (its SQL creates a view and returns no rows).
    public let binding: String?
    public let span: SourceSpan
}
