/// Diagnostics of the SQL compiler, with stable ids, in one place.
enum SQLMessages {
    static func unsupportedStatement(_ what: String) -> DiagnosticMessage {
        .init("sql.unsupportedStatement", "\(what) cannot be compiled to SQL yet")
    }

    static func pathNotAtTop(_ dialect: SQLDialect) -> DiagnosticMessage {
        .init("sql.pathNotAtTop", "in \(dialect.rawValue) SQL, `path` must be a whole statement (its recursive query cannot be nested)")
    }

    static func noPathSearch(_ dialect: SQLDialect) -> DiagnosticMessage {
        .init("sql.noPathSearch", "`path` is not compiled for \(dialect.rawValue): its planner repeats every level of the search (use postgres or duckdb)")
    }

    static func conjunctionOfAuthors() -> DiagnosticMessage {
        .init("sql.conjunctionOfAuthors", "a group of authors joined with `and` cannot start a traversal")
    }

    static func pathBound(_ bound: Int) -> Diagnostic.Note {
        .init("the SQL searches paths of up to \(bound) steps (--path-bound); a longer one is reported as no path")
    }
}
