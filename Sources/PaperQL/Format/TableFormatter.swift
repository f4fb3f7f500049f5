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
            return "path from \(TerminalText.escaped(path.from, lineFeeds: false)) to \(TerminalText.escaped(path.to, lineFeeds: false)): \(hops)\n" + grid(ResultTable(result, graph: graph), footer: nil)
        default:
            let table = ResultTable(result, graph: graph)
            return grid(table, footer: footer(table.rows.count, result.kind))
        }
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

    private func grid(_ table: ResultTable, footer: String?) -> String {
        let shownRows = options.maxRows.map { Array(table.rows.prefix($0)) } ?? table.rows
        let cells = shownRows.map { row in
            // Data is shown, never obeyed: control characters are escaped (`TerminalText`).
            row.map { $0 == .null ? "—" : TerminalText.escaped($0.plain.replacingOccurrences(of: "\n", with: " "), tabs: false) }
        }
        let numeric = table.columns.indices.map { column in
            !shownRows.isEmpty && shownRows.allSatisfy { $0[column].isNumeric || $0[column] == .null }
        }
        var widths = table.columns.indices.map { column in
            max(DisplayWidth.of(table.columns[column]), cells.map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        if let available = options.width { fit(&widths, into: available, numeric: numeric) }
        let separator = "  "
        func line(_ values: [String]) -> String {
            values.indices.map { column in
                let text = DisplayWidth.truncate(values[column], to: widths[column])
                let isLast = column == values.count - 1
                if isLast && !numeric[column] { return text }
                return DisplayWidth.pad(text, to: widths[column], right: numeric[column])
            }.joined(separator: separator) + "\n"
        }
        var output = ""
        let header = line(table.columns.map { TerminalText.escaped($0, lineFeeds: false) })
        output += options.colored ? "\u{1B}[1m" + header.dropLast() + "\u{1B}[0m\n" : header
        output += widths.map { String(repeating: "─", count: $0) }.joined(separator: separator) + "\n"
        for row in cells { output += line(row) }
        if let footer {
            if shownRows.count < table.rows.count {
                output += "… \(table.rows.count - shownRows.count) more rows (\(footer) in all)\n"
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
