/// Aligned columns for people: Unicode-width aware, numbers right-aligned, long cells shortened
/// to fit the terminal, and a footer with the row count.
struct TableFormatter {
    let options: FormatOptions

    func render(_ result: QueryResult, graph: PaperGraph) -> String {
        switch result {
        case .count(let count):
            return "\(count)\n"
        case .path(let path):
            guard path.found else {
                return "no path from \(TerminalText.escaped(path.from, lineFeeds: false)) to \(TerminalText.escaped(path.to, lineFeeds: false)): they are not connected through coauthors in this corpus\n"
            }
            let hops = path.length == 1 ? "1 hop" : "\(path.length) hops"
            return "path from \(TerminalText.escaped(path.from, lineFeeds: false)) to \(TerminalText.escaped(path.to, lineFeeds: false)): \(hops)\n" + grid(ResultRows(result, graph: graph), footer: nil)
        case .profile(let profile):
            return ProfileFormatter.page(profile, graph: graph, options: options)
        case .groups(let groups) where BarChart.applies(to: result, format: .table, options: options):
            return chart(groups, graph: graph)
        default:
            let rows = ResultRows(result, graph: graph)
            return grid(rows, footer: footer(rows.count, result.kind))
        }
    }

    /// `count by` with a bar column taking the width the key and count columns leave (80
    /// columns in all off a terminal).
    private func chart(_ groups: GroupRows, graph: PaperGraph) -> String {
        let plain = ResultRows(.groups(BarChart.fillingYears(groups)), graph: graph)
        let available = options.width ?? 80
        let used = plain.columns.indices.map { column in
            max(DisplayWidth.of(plain.columns[column]), plain.map { DisplayWidth.of($0[column].plain) }.max() ?? 0)
        }
        let keyLimit = max(8, available * 2 / 5)
        let taken = used.enumerated().map { $0.offset == 0 ? min($0.element, keyLimit) : $0.element }.reduce(0, +)
        let barWidth = max(8, available - taken - 2 * plain.columns.count)
        let table = BarChart.table(groups, graph: graph, barWidth: barWidth)
        var noun = footer(groups.rows.count, .groups)
        let zeros = table.count - groups.rows.count
        if zeros > 0 { noun += "; \(zeros == 1 ? "1 year" : "\(zeros) years") without papers shown as 0" }
        return grid(table, footer: noun, fixedLast: true)
    }

    private func footer(_ count: Int, _ kind: ResultKind) -> String {
        let noun: (String, String) =
            switch kind {
            case .papers: ("paper", "papers")
            case .authors: ("author", "authors")
            case .venues: ("venue", "venues")
            default: ("group", "groups")
            }
        return "\(count) \(count == 1 ? noun.0 : noun.1)"
    }

    func grid(_ table: ResultRows, footer: String?, fixedLast: Bool = false) -> String {
        let shownRows = (options.maxRows.map { table.prefix($0) } ?? table[...]).map { Array($0) }
        let columns = table.columns
        let cells = shownRows.map { row in
            // Data is shown, never obeyed: control characters are escaped (`TerminalText`).
            row.map { $0.isNull ? "—" : TerminalText.escaped($0.plain.replacingOccurrences(of: "\n", with: " "), tabs: false) }
        }
        let numeric = columns.indices.map { column in
            !shownRows.isEmpty && shownRows.allSatisfy { $0[column].isNumeric || $0[column].isNull }
        }
        var widths = columns.indices.map { column in
            max(DisplayWidth.of(columns[column]), cells.map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        if let available = options.width {
            // A chart's bar column was sized to fit already: the other columns give way.
            let fixed = columns.indices.map { fixedLast && $0 == columns.count - 1 }
            fit(&widths, into: available, numeric: zip(numeric, fixed).map { $0 || $1 })
        }
        let separator = "  "
        func line(_ values: [String]) -> String {
            let text = values.indices.map { column in
                let text = DisplayWidth.truncate(values[column], to: widths[column])
                let isLast = column == values.count - 1
                if isLast && !numeric[column] { return text }
                return DisplayWidth.pad(text, to: widths[column], right: numeric[column])
            }.joined(separator: separator)
            // A chart row of zero ends in an empty bar: no trailing blanks.
            return (fixedLast ? String(text.reversed().drop { $0 == " " }.reversed()) : text) + "\n"
        }
        var output = ""
        let header = line(columns.map { TerminalText.escaped($0, lineFeeds: false) })
        output += options.colored ? "\u{1B}[1m" + header.dropLast() + "\u{1B}[0m\n" : header
        output += widths.map { String(repeating: "─", count: $0) }.joined(separator: separator) + "\n"
        for row in cells { output += line(row) }
        if let footer {
            if shownRows.count < table.count {
                output += "… \(table.count - shownRows.count) more rows (\(footer) in all)\n"
            } else {
                output += "(\(footer))\n"
            }
        }
        return output
    }

    /// Shrinks the widest text columns until the row fits, keeping each at least 8 columns.
    private func fit(_ widths: inout [Int], into available: Int, numeric: [Bool]) {
        let separators = 2 * max(0, widths.count - 1)
        while widths.reduce(0, +) + separators > available {
            guard let widest = widths.indices.filter({ !numeric[$0] && widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] })
            else { return }
            widths[widest] -= 1
        }
    }
}
