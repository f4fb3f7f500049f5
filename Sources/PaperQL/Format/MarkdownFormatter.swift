/// A GitHub-flavoured Markdown table; `|` in cells is escaped and line breaks become spaces.
enum MarkdownFormatter {
    static func render(_ table: ResultRows) -> String {
        let columns = table.columns
        let numeric = columns.indices.map { column in
            !table.isEmpty && table.allSatisfy { $0[column].isNumeric || $0[column].isNull }
        }
        var output = "| " + columns.map(escape).joined(separator: " | ") + " |\n"
        output += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table {
            output += "| " + row.map { $0.isNull ? "—" : escape($0.plain) }.joined(separator: " | ") + " |\n"
        }
        return output
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
