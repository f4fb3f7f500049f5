import Foundation

/// Imports CSV with a header row naming native fields: `id`, `title` (required), `authors`,
/// `authors_truncated`, `year`, `date`, `venue`, `type`, `categories`, `institutions`,
/// `abstract`, `sources`, `versions`, `doi`, `arxiv_id`. List fields separate items with `;`.
/// Header names are matched without regard to case, spaces or `-`/`_`; a few aliases are
/// accepted (`author`, `keywords`, `arxiv`). Unknown columns are ignored with one warning each.
/// A row without an id gets `<file>:<line>`.
enum CSVImporter {
    enum Column: String, CaseIterable {
        case id, title, authors, authorsTruncated = "authors_truncated", year, date, venue, type, categories
        case institutions, abstract, sources, versions, doi, arxivID = "arxiv_id"

        static func named(_ header: String) -> Column? {
            let key = header.lowercased().filter { $0.isLetter || $0.isNumber }
            switch key {
            case "id", "key": return .id
            case "title": return .title
            case "authors", "author": return .authors
            case "authorstruncated": return .authorsTruncated
            case "year": return .year
            case "date": return .date
            case "venue": return .venue
            case "type": return .type
            case "categories", "keywords", "fields": return .categories
            case "institutions", "affiliations": return .institutions
            case "abstract": return .abstract
            case "sources", "source": return .sources
            case "versions": return .versions
            case "doi": return .doi
            case "arxivid", "arxiv": return .arxivID
            default: return nil
            }
        }
    }

    static func read(path: String, totalBytes: Int?, into sink: inout ImportSink) throws(ImportStop) {
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path, separator: path.lowercased().hasSuffix(".tsv") ? 0x09 : UInt8(ascii: ","))
        } catch {
            throw ImportStop(issue: error)
        }
        var columns: [Column?] = []
        var headerRead = false
        var rows = 0
        while true {
            let row: CSVReader.Row
            do {
                guard let next = try reader.next() else { break }
                row = next
            } catch {
                switch error {
                case .unterminatedQuote(let line):
                    try sink.reject(sink.issue(.truncated, line: line, "a quoted field opened in the row at line \(line) never closes (a missing `\"`?)"))
                case .tooLarge(let line):
                    try sink.reject(sink.issue(.tooLarge, line: line, "the row at line \(line) has a field over \(ImportLimits.describe(bytes: CSVReader.maximumFieldLength)) or too many fields"))
                }
                continue
            }
            sink.read(bytes: reader.bytesRead, totalBytes: totalBytes)
            if row.fields.count == 1, row.fields[0].isEmpty { continue }
            guard headerRead else {
                headerRead = true
                var names: [String] = []
                for field in row.fields {
                    guard let name = String(validating: field, as: UTF8.self) else {
                        throw ImportStop(issue: sink.issue(.invalidUTF8, line: row.line, "the header row is not valid UTF-8"))
                    }
                    names.append(name.trimmingCharacters(in: .whitespaces))
                }
                columns = names.map(Column.named)
                for (name, column) in zip(names, columns) where column == nil {
                    sink.warn(sink.issue(.unknownColumn, line: row.line, "unknown column \"\(name)\" ignored (known: \(Column.allCases.map(\.rawValue).joined(separator: ", ")))"))
                }
                guard columns.contains(.title) else {
                    throw ImportStop(issue: sink.issue(.missingField, line: row.line, "the header row has no \"title\" column (the first row must name the columns: id,title,authors,year,…)"))
                }
                continue
            }
            rows += 1
            switch record(row: row, columns: columns, sink: sink) {
            case .success(let record): sink.accept(record)
            case .failure(let issue): try sink.reject(issue)
            }
        }
        sink.read(bytes: reader.bytesRead, totalBytes: totalBytes)
        if !headerRead {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "no header row and no data rows"))
        }
        if rows == 0 {
            throw ImportStop(issue: ImportIssue(.noRecords, file: path, message: "a header row but no data rows"))
        }
    }

    static func record(row: CSVReader.Row, columns: [Column?], sink: ImportSink) -> Result<PaperRecord, ImportIssue> {
        guard row.fields.count == columns.count else {
            return .failure(sink.issue(.syntax, line: row.line, "the row has \(row.fields.count) fields but the header names \(columns.count) columns"))
        }
        var values: [Column: String] = [:]
        for (index, (column, bytes)) in zip(columns, row.fields).enumerated() {
            guard let column else { continue }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(sink.issue(.invalidUTF8, line: row.line, "field \(index + 1) (\(column.rawValue)) is not valid UTF-8"))
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { values[column] = trimmed }
        }
        guard let title = ImportText.clean(values[.title]) else {
            return .failure(sink.issue(.missingField, line: row.line, "the row has no title"))
        }
        var record = PaperRecord(id: values[.id] ?? "\(sink.sourceName):\(row.line)", title: title)
        func list(_ column: Column) -> [String] {
            values[column]?.split(separator: ";").compactMap { ImportText.clean(String($0)) } ?? []
        }
        record.authors = list(.authors)
        if let flag = values[.authorsTruncated]?.lowercased() {
            guard let value = ["true": true, "yes": true, "1": true, "false": false, "no": false, "0": false][flag] else {
                return .failure(sink.issue(.badValue, line: row.line, "authors_truncated must be true or false, found \"\(flag)\""))
            }
            record.authorsTruncated = value
        }
        if let yearText = values[.year] {
            guard let year = Int(yearText), (1000...2999).contains(year) else {
                return .failure(sink.issue(.badValue, line: row.line, "year must be a four-digit year, found \"\(yearText)\""))
            }
            record.year = year
        }
        record.date = values[.date]
        if record.year == nil { record.year = ImportText.year(record.date) }
        record.venue = values[.venue]
        if let typeText = values[.type] {
            guard let type = PaperType(rawValue: typeText.lowercased()) else {
                return .failure(sink.issue(.badValue, line: row.line, "type must be one of \(PaperType.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(typeText)\""))
            }
            record.type = type
        }
        record.categories = list(.categories)
        record.institutions = list(.institutions)
        record.abstract = values[.abstract]
        record.sources = list(.sources)
        record.versions = list(.versions)
        record.doi = ImportText.doi(values[.doi]) ?? values[.doi]
        record.arxivID = values[.arxivID]
        return .success(record)
    }
}
