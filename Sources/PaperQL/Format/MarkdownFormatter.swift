/// A GitHub-flavoured Markdown table; `|` in cells is escaped and line breaks become spaces.
enum MarkdownFormatter {
    static func render(_ table: ResultTable) -> String {
        let numeric = table.columns.indices.map { column in
            !table.rows.isEmpty && table.rows.allSatisfy { $0[column].isNumeric || $0[column] == .null }
        }
        var output = "| " + table.columns.map(escape).joined(separator: " | ") + " |\n"
        output += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            output += "| " + row.map { $0 == .null ? "—" : escape($0.plain) }.joined(separator: " | ") + " |\n"
        }
        return output
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
