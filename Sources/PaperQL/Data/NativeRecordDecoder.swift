/// Reads one line of the native JSON Lines format into a `PaperRecord`.
///
/// Fields: `id` and `title` (strings, required), `authors` (list of strings), `authors_truncated`
/// (boolean), `year` (integer), `date`, `venue`, `type` (conference, journal, preprint, book,
/// thesis, other), `categories`, `institutions`, `abstract`, `sources`, `versions`, `doi`,
/// `arxiv_id`. Unknown fields are ignored; a known field of the wrong type is an error.
public enum NativeRecordDecoder {
    public struct FieldError: Error, Sendable {
        public let message: String
    }

    public static func decode(_ value: JSONValue) throws(FieldError) -> PaperRecord {
        guard case .object = value else {
            throw FieldError(message: "expected a JSON object for a paper, found \(value.typeDescription)")
        }
        let id: String
        switch value["id"] {
        case .string(let text)? where !text.isEmpty: id = text
        case .number(let number)? where number == number.rounded(): id = String(Int(number))
        case nil, .null?: throw FieldError(message: "missing field \"id\"")
        case let other?: throw FieldError(message: "field \"id\" must be a non-empty string, found \(other.typeDescription)")
        }
        var record = PaperRecord(id: id, title: try requiredString(value, "title"))
        record.authors = try stringList(value, "authors")
        record.authorIDs = try authorIDs(value, authors: record.authors.count)
        record.authorsTruncated = try bool(value, "authors_truncated") ?? false
        record.year = try integer(value, "year")
        if let year = record.year, !PaperRecord.validYears.contains(year) {
            throw FieldError(message: "field \"year\" must be between 1 and 9999, found \(year)")
        }
        record.date = try string(value, "date")
        record.venue = try string(value, "venue")
        if let type = try string(value, "type") {
            guard let parsed = PaperType(rawValue: type.lowercased()) else {
                throw FieldError(message: "field \"type\" must be one of \(PaperType.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(type)\"")
            }
            record.type = parsed
        }
        record.categories = try stringList(value, "categories")
        record.institutions = try stringList(value, "institutions")
        record.abstract = try string(value, "abstract")
        record.sources = try stringList(value, "sources")
        record.versions = try stringList(value, "versions")
        record.doi = try string(value, "doi")
        record.arxivID = try string(value, "arxiv_id")
        if record.year == nil, let date = record.date, let year = Int(date.prefix(4)), date.count >= 4 {
            record.year = year
        }
        return record
    }

    private static func requiredString(_ value: JSONValue, _ key: String) throws(FieldError) -> String {
        guard let text = try string(value, key) else { throw FieldError(message: "missing field \"\(key)\"") }
        return text
    }

    private static func string(_ value: JSONValue, _ key: String) throws(FieldError) -> String? {
        switch value[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty && key != "title" ? nil : text
        case let other?: throw FieldError(message: "field \"\(key)\" must be a string, found \(other.typeDescription)")
        }
    }

    private static func integer(_ value: JSONValue, _ key: String) throws(FieldError) -> Int? {
        switch value[key] {
        case nil, .null?: return nil
        case .number(let number)? where number == number.rounded() && abs(number) < 100_000: return Int(number)
        case .string(let text)? where Int(text) != nil: return Int(text)
        case let other?: throw FieldError(message: "field \"\(key)\" must be an integer, found \(other.typeDescription)")
        }
    }

    private static func bool(_ value: JSONValue, _ key: String) throws(FieldError) -> Bool? {
        switch value[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw FieldError(message: "field \"\(key)\" must be true or false, found \(other.typeDescription)")
        }
    }

    /// `author_ids`: one identifier (or null) per author, aligned with `authors`.
    private static func authorIDs(_ value: JSONValue, authors: Int) throws(FieldError) -> [String] {
        guard case .array(let items)? = value["author_ids"] else {
            if case .null? = value["author_ids"] { return [] }
            if value["author_ids"] == nil { return [] }
            throw FieldError(message: "field \"author_ids\" must be a list of strings or nulls, one per author")
        }
        guard items.count == authors else {
            throw FieldError(message: "field \"author_ids\" has \(items.count) items for \(authors) authors; give one per author (null for none)")
        }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            switch item {
            case .string(let text): ids.append(text)
            case .null: ids.append("")
            default:
                throw FieldError(message: "field \"author_ids\" must be a list of strings or nulls; item \(index + 1) is \(item.typeDescription)")
            }
        }
        return ids.allSatisfy(\.isEmpty) ? [] : ids
    }

    private static func stringList(_ value: JSONValue, _ key: String) throws(FieldError) -> [String] {
        switch value[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var result: [String] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw FieldError(message: "field \"\(key)\" must be a list of strings; item \(index + 1) is \(item.typeDescription)")
                }
                result.append(text)
            }
            return result
        case .string(let text)?:
            return [text]
        case let other?:
            throw FieldError(message: "field \"\(key)\" must be a list of strings, found \(other.typeDescription)")
        }
    }
}
