import Testing
@testable import PaperQL

/// Bars beside `count by`: scaled to the width, zero years inside the range, only where asked.
@Suite struct BarChartTests {
    static let graph = DefaultCorpus.load()

    static func groups(_ query: String) -> QueryResult? {
        var session = QuerySession(graph: graph)
        return session.run(query).statements.last?.result
    }

    @Test(arguments: [1, 7, 8, 20, 33, 80])
    func theLargestCountFillsTheWidth(width: Int) {
        #expect(BarChart.bar(12, maximum: 12, width: width) == String(repeating: "█", count: width))
        #expect(DisplayWidth.of(BarChart.bar(12, maximum: 12, width: width)) == width)
    }

    @Test(arguments: [8, 10, 40, 75])
    func otherCountsAreInProportionToTheEighth(width: Int) {
        for count in 0...12 {
            let bar = BarChart.bar(count, maximum: 12, width: width)
            let eighths = bar.reduce(0) { $0 + ($1 == "█" ? 8 : (BarChart.partials.firstIndex(of: $1) ?? -1) + 1) }
            let exact = Double(count) / 12 * Double(width * 8)
            #expect(abs(Double(eighths) - exact) <= 0.5 || (count > 0 && eighths == 1), "count \(count) at width \(width)")
            #expect(DisplayWidth.of(bar) <= width)
        }
    }

    @Test func anyCountAboveZeroShowsASliver() {
        #expect(BarChart.bar(1, maximum: 1_000_000, width: 10) == "▏")
        #expect(BarChart.bar(0, maximum: 5, width: 10) == "")
    }

    @Test func yearsWithoutPapersAreZeroInsideTheRange() throws {
        guard case .groups(let groups)? = Self.groups(#"papers by "Jack Rae" | count by year"#) else {
            Issue.record("not groups"); return
        }
        let filled = BarChart.fillingYears(groups)
        #expect(filled.rows.map(\.key) == (2016...2022).map { GroupRow.Key.year($0) })
        #expect(filled.rows.first { $0.key == .year(2017) }?.count == 0)
        #expect(filled.rows.map(\.count).reduce(0, +) == groups.rows.map(\.count).reduce(0, +))
    }

    @Test func anotherOrderIsLeftAsItIs() throws {
        guard case .groups(let groups)? = Self.groups(#"papers by "Jack Rae" | count by year | sort by count"#) else {
            Issue.record("not groups"); return
        }
        #expect(BarChart.fillingYears(groups).rows == groups.rows)
    }

    @Test(arguments: [40, 60, 100])
    func theTableFitsTheTerminalWidth(width: Int) throws {
        let result = try #require(Self.groups("papers | count by year"))
        let table = ResultFormatter(format: .table, options: FormatOptions(width: width)).render(result, graph: Self.graph)
        let lines = table.split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= width }, "\(table)")
        #expect(lines.contains { DisplayWidth.of(String($0)) == width }, "the longest bar reaches the edge:\n\(table)")
        #expect(table.contains("█"))
    }

    @Test func goldenCharts() throws {
        let result = try #require(Self.groups(#"papers by "Jack Rae" | count by year"#))
        assertGolden(ResultFormatter(format: .table, options: FormatOptions(width: 60)).render(result, graph: Self.graph),
                     named: "chart-rae-by-year.table")
        var forced = FormatOptions()
        forced.chart = .always
        let venues = try #require(Self.groups("papers | count by venue"))
        assertGolden(ResultFormatter(format: .markdown, options: forced).render(venues, graph: Self.graph),
                     named: "chart-venues.markdown")
    }

    @Test func chartsAreDrawnOnlyWhereAsked() throws {
        let result = try #require(Self.groups("papers | count by year"))
        var forced = FormatOptions(width: 80)
        forced.chart = .always
        for format in [OutputFormat.csv, .json, .jsonl] {
            #expect(!ResultFormatter(format: format, options: forced).render(result, graph: Self.graph).contains("█"), "\(format)")
        }
        #expect(!ResultFormatter(format: .table).render(result, graph: Self.graph).contains("█"), "off a terminal, unless forced")
        #expect(ResultFormatter(format: .table, options: forced).render(result, graph: Self.graph).contains("█"))
        var never = FormatOptions(width: 80)
        never.chart = .never
        #expect(!ResultFormatter(format: .table, options: never).render(result, graph: Self.graph).contains("█"))
    }
}
