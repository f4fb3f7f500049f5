/// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, a quote,
/// or a line break. List cells are joined with `; `.
enum CSVFormatter {
    static func render(_ table: ResultRows) -> String {
        var output = table.columns.map(field).joined(separator: ",") + "\r\n"
        for row in table {
            output += row.map { value in
                if case .list(let items) = value { return field(items.joined(separator: "; ")) }
                return field(value.plain)
            }.joined(separator: ",") + "\r\n"
        }
        return output
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
