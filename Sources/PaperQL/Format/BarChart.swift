/// Bars for `count by` results: Unicode block characters in eighths of a column, the largest
/// count filling the width and every other count in proportion (any count above zero shows at
/// least a sliver). `count by year` in chronological order gets the years without papers inside
/// its range as rows of zero, so the chart's time axis has no gaps.
public enum BarChart {
    /// When a chart is drawn.
    public enum Mode: String, Sendable, CaseIterable {
        /// On a terminal: for `count by` in the table format when the width is known.
        case automatic = "auto"
        /// For `count by` in the table and Markdown formats, also off a terminal.
        case always = "on"
        case never = "off"
    }

    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `count` scaled so that `maximum` takes `width` columns.
    public static func bar(_ count: Int, maximum: Int, width: Int) -> String {
        guard count > 0, maximum > 0, width > 0 else { return "" }
        let eighths = max(1, Int((Double(count) / Double(maximum) * Double(width * 8)).rounded()))
        let full = min(width, eighths / 8)
        let rest = full == width ? 0 : eighths % 8
        return String(repeating: "█", count: full) + (rest > 0 ? String(partials[rest - 1]) : "")
    }

    /// The groups with zero rows for the missing years, when they are `count by year` in
    /// ascending order (the group without a year, if any, stays last); else as they are.
    public static func fillingYears(_ groups: GroupRows) -> GroupRows {
        guard groups.field == .year else { return groups }
        var years: [Int] = []
        for row in groups.rows {
            switch row.key {
            case .year(let year): years.append(year)
            case .none: continue
            case .text: return groups
            }
        }
        guard years.count > 1, zip(years, years.dropFirst()).allSatisfy({ $0 < $1 }),
            let first = years.first, let last = years.last, last - first < 10_000
        else { return groups }
        let counts = Dictionary(uniqueKeysWithValues: groups.rows.compactMap { row -> (Int, Int)? in
            if case .year(let year) = row.key { return (year, row.count) }
            return nil
        })
        var filled = groups
        filled.rows = (first...last).map { GroupRow(key: .year($0), count: counts[$0] ?? 0) }
            + groups.rows.filter { $0.key == .none }
        return filled
    }

    /// The groups as a table with a bar column, the bars `width` columns at most.
    static func table(_ groups: GroupRows, graph: PaperGraph, barWidth: Int, heading: String = "") -> ResultRows {
        let filled = fillingYears(groups)
        let base = ResultRows(.groups(filled), graph: graph)
        let maximum = filled.rows.map(\.count).max() ?? 0
        let rows = zip(base, filled.rows).map { cells, row in
            Array(cells) + [.text(GraphText(bar(row.count, maximum: maximum, width: barWidth)))]
        }
        return ResultRows(kind: base.kind, columns: base.columns + [heading], fieldNames: base.fieldNames + ["chart"],
                          rows: rows, graph: graph)
    }

    /// Whether a result gets a chart in a format under a mode.
    static func applies(to result: QueryResult, format: OutputFormat, options: FormatOptions) -> Bool {
        guard case .groups(let groups) = result, groups.columns.contains(.count), !groups.rows.isEmpty else { return false }
        switch options.chart {
        case .never: return false
        case .automatic: return format == .table && options.width != nil
        case .always: return format == .table || format == .markdown
        }
    }
}
