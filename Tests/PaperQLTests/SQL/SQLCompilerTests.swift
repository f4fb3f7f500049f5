import Foundation
import PaperQL
import Testing

/// What `paperql sql` and `paperql export --relational` promise, engine or no engine.
@Suite struct SQLCompilerTests {
    private func compile(_ text: String, _ dialect: SQLDialect) -> SQLScript {
        var compiler = SQLCompiler(graph: defaultGraph, dialect: dialect)
        return compiler.compile(SourceFile(name: "<test>", text: text))
    }

    @Test func oneSQLStatementPerStatement() {
        let script = compile("let a = papers since 2020\na by \"lukasz kaiser\" | count", .postgres)
        #expect(script.statements.count == 2)
        #expect(script.statements[0].sql.hasPrefix("CREATE TEMPORARY VIEW pql_1_a AS "))
        #expect(script.statements[0].binding == "a")
        #expect(script.statements[1].sql.contains("FROM pql_1_a"))
        #expect(!script.diagnostics.hasErrors)
    }

    @Test func authorNamesAreFoldedAtCompileTimeAndMatchedThroughTheNamesTable() {
        let sql = compile("papers by \"ŁUKASZ  Kaiser\"", .duckdb).statements[0].sql
        #expect(sql.contains("FROM author_names WHERE folded = 'lukasz kaiser'"))
    }

    @Test func pathOnSparkIsADiagnosticAtTheStatement() throws {
        let text = "papers | count\npath from \"lukasz kaiser\" to \"ilya sutskever\""
        let script = compile(text, .spark)
        #expect(script.statements.count == 1)
        let diagnostic = try #require(script.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.id == "sql.noPathSearch")
        let start = text.utf8.count - "path from \"lukasz kaiser\" to \"ilya sutskever\"".utf8.count
        #expect(diagnostic.span.start == start)
    }

    @Test(arguments: [SQLDialect.postgres, .duckdb])
    func pathCompilesWhereTheSearchCanBeUnrolled(dialect: SQLDialect) {
        let script = compile("path from \"lukasz kaiser\" to \"ilya sutskever\"", dialect)
        #expect(!script.diagnostics.hasErrors)
        #expect(script.statements.first?.sql.hasPrefix("WITH src AS") == true)
    }

    @Test func aProfileIsRefusedWithAReason() {
        let script = compile("profile \"lukasz kaiser\"", .postgres)
        #expect(script.statements.isEmpty)
        #expect(script.diagnostics.contains { $0.id == "sql.unsupportedStatement" })
    }

    @Test func sparkLiteralsEscapeBackslashesAndQuotes() {
        #expect(SQLDialect.spark.literal("O'Brien \\ x") == "'O''Brien \\\\ x'")
        #expect(SQLDialect.postgres.literal("O'Brien \\ x") == "'O''Brien \\ x'")
    }

    @Test func theExportIsRFC4180WithAHeaderPerTableAndALoadScriptPerDialect() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let counts = try RelationalExporter(graph: defaultGraph).export(to: directory.path)
        #expect(counts.map(\.table) == RelationalSchema.tables.map(\.name))
        #expect(counts.first { $0.table == "papers" }?.rows == defaultGraph.paperCount)
        #expect(counts.first { $0.table == "authorships" }?.rows == defaultGraph.authorshipCount)
        let papers = try String(contentsOf: directory.appendingPathComponent("papers.csv"), encoding: .utf8)
        #expect(papers.hasPrefix(RelationalSchema.papers.columns.map(\.name).joined(separator: ",") + "\r\n"))
        // A quoted field doubles its quotes; a missing value is an empty unquoted field.
        let abstracts = papers.components(separatedBy: "\r\n").filter { $0.contains("\"\"") }
        #expect(!abstracts.isEmpty || !papers.contains("\""))
        #expect(papers.contains(",,"))
        for dialect in SQLDialect.allCases {
            let load = try String(contentsOf: directory.appendingPathComponent("load-\(dialect.rawValue).sql"), encoding: .utf8)
            for table in RelationalSchema.tables { #expect(load.contains("'\(table.file)'")) }
        }
    }
}
