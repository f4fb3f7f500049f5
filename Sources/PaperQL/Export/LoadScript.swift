/// `load-<dialect>.sql`: creates the export's tables and fills them from the CSV files beside it,
/// when run from inside the export folder (`cd DIR && psql -f load-postgres.sql`,
/// `duckdb db < load-duckdb.sql`, `spark-sql -f load-spark.sql`).
public enum LoadScript {
    public static func text(for dialect: SQLDialect) -> String {
        var lines = ["-- PaperQL relational export: load into \(dialect.rawValue), run from inside the export folder."]
        if dialect == .postgres { lines.append("SET client_min_messages = warning;") }
        for table in RelationalSchema.tables {
            let columns = table.columns.map { column in
                "\(column.name) \(column.type == .integer ? dialect.integerType : dialect.textType)"
            }.joined(separator: ", ")
            lines.append("-- \(table.name): \(table.about)")
            switch dialect {
            case .postgres:
                lines.append("DROP TABLE IF EXISTS \(table.name);")
                lines.append("CREATE TABLE \(table.name) (\(columns));")
                lines.append("\\copy \(table.name) FROM '\(table.file)' WITH (FORMAT csv, HEADER true)")
            case .duckdb:
                lines.append("CREATE OR REPLACE TABLE \(table.name) (\(columns));")
                lines.append("COPY \(table.name) FROM '\(table.file)' (FORMAT csv, HEADER true, QUOTE '\"', ESCAPE '\"');")
            case .spark:
                lines.append("""
                    CREATE OR REPLACE TEMPORARY VIEW \(table.name) (\(columns)) USING csv \
                    OPTIONS (path '\(table.file)', header 'true', multiLine 'true', quote '"', escape '"', mode 'FAILFAST');
                    """)
                lines.append("CACHE LAZY TABLE \(table.name);")
            }
        }
        if dialect == .postgres {
            for (table, column) in indexes { lines.append("CREATE INDEX ON \(table) (\(column));") }
            lines.append("ANALYZE;")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The columns queries join or filter on.
    static let indexes: [(String, String)] = [
        ("papers", "id"), ("people", "id"), ("author_names", "folded"), ("author_names", "name_key"),
        ("authorships", "paper_id"), ("authorships", "person_id"), ("paper_words", "word_id"),
        ("tokens", "word_id"), ("tokens", "paper_id"), ("paper_categories", "category_id"),
        ("paper_institutions", "institution_id"),
    ]
}
