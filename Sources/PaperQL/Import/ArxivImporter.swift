import Foundation

/// Imports the arXiv metadata snapshot (`arxiv-metadata-oai-snapshot.json`, JSON Lines).
///
/// Each line becomes a preprint with venue "arXiv", id `arXiv:<id>` and `arxivID` = the arXiv
/// id. Names come from `authors_parsed` (`[last, first, suffix, affiliation…]`), falling back to
/// the `authors` string; the date is v1's `created` date, else `update_date`.
enum ArxivImporter {
    static func read(path: String, totalBytes: Int?, into sink: inout ImportSink) throws(ImportStop) {
        try JSONLinesImporter.read(path: path, totalBytes: totalBytes, formatName: "arXiv metadata", into: &sink, decode: decode)
    }

    typealias Problem = JSONLinesImporter.FieldProblem

    static func decode(_ value: JSONValue) throws(Problem) -> PaperRecord {
        guard case .object = value else { throw Problem("expected a JSON object, found \(value.typeDescription)") }
        let id = try value.requiredString("id").trimmingCharacters(in: .whitespaces)
        guard let title = ImportText.clean(try value.requiredString("title")) else { throw Problem(.missingField, "empty title") }
        var record = PaperRecord(id: "arXiv:\(id)", title: title)
        record.arxivID = id
        record.type = .preprint
        record.venue = "arXiv"
        let parsed = try value.array("authors_parsed")
        if !parsed.isEmpty {
            for (index, item) in parsed.enumerated() {
                guard case .array(let parts) = item else {
                    throw Problem("field \"authors_parsed\" must be a list of [last, first, suffix] lists; item \(index + 1) is \(item.typeDescription)")
                }
                let strings = parts.prefix(3).map { $0.stringValue ?? "" }
                let last = strings.first ?? ""
                let first = strings.count > 1 ? strings[1] : ""
                let suffix = strings.count > 2 ? strings[2] : ""
                let name = ImportText.clean(LaTeXAccents.toUnicode([first, last, suffix].filter { !$0.isEmpty }.joined(separator: " ")))
                if let name { record.authors.append(name) }
            }
        } else if let authors = try value.string("authors") {
            record.authors = splitAuthors(authors)
        }
        if let truncatedAt = record.authors.firstIndex(where: { $0.lowercased() == "et al" || $0.lowercased() == "et al." || $0.lowercased() == "others" }) {
            record.authors.removeSubrange(truncatedAt...)
            record.authorsTruncated = true
        }
        record.abstract = ImportText.clean(try value.string("abstract"))
        record.categories = (try value.string("categories"))?.split(separator: " ").map(String.init) ?? []
        record.doi = ImportText.doi(try value.string("doi"))
        let versions = try value.array("versions")
        let firstCreated = versions.first.flatMap { $0["created"]?.stringValue }
        if let date = firstCreated.flatMap(isoDate) {
            record.date = date
        } else if let updated = try value.string("update_date"), updated.count >= 4 {
            record.date = updated
        }
        record.year = record.date.flatMap { Int($0.prefix(4)) }
        return record
    }

    /// "C. Bal\'azs, E. L. Berger and P. M. Nadolsky" → three names.
    static func splitAuthors(_ text: String) -> [String] {
        let unicode = LaTeXAccents.toUnicode(text.replacingOccurrences(of: "\n", with: " "))
        // Drop parenthesised affiliations.
        var plain = ""
        var depth = 0
        for character in unicode {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { plain.append(character) }
        }
        return plain.replacingOccurrences(of: " and ", with: ", ").split(separator: ",").compactMap { ImportText.clean(String($0)) }
    }

    /// "Mon, 2 Apr 2007 19:18:42 GMT" → "2007-04-02".
    static func isoDate(_ text: String) -> String? {
        let words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        // [weekday,] day month year ...
        for index in words.indices.dropLast(2) {
            if let day = Int(words[index]), let month = ImportText.month(String(words[index + 1])),
                let year = Int(words[index + 2]), (1...31).contains(day), (1000...2999).contains(year)
            {
                return String(format: "%04d-%02d-%02d", year, month, day)
            }
        }
        return nil
    }
}
