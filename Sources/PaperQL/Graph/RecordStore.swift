import Foundation

/// Records kept compactly while a graph is being collected: every text field end to end in one
/// buffer per field, lists flattened, instead of millions of separate string and array objects.
/// A record is rebuilt on demand.
struct RecordStore: Sendable {
    private var ids = StringColumn()
    private var titles = StringColumn()
    private var abstracts = StringColumn()
    private var dates = StringColumn()
    private var venues = StringColumn()
    private var dois = StringColumn()
    private var arxivIDs = StringColumn()
    private var years: [Int32] = []
    private var types: [UInt8] = []
    private var truncated: [Bool] = []
    private var authors = StringListColumn()
    private var authorIDs = StringListColumn()
    private var categories = StringListColumn()
    private var institutions = StringListColumn()
    private var sources = StringListColumn()
    private var versions = StringListColumn()
    /// Records changed after they were stored (merged with a later record of the same id).
    private var replaced: [Int: PaperRecord] = [:]

    private static let noYear = Int32.min

    var count: Int { years.count }

    mutating func append(_ record: PaperRecord) {
        ids.append(record.id)
        titles.append(record.title)
        abstracts.append(record.abstract ?? "")
        dates.append(record.date ?? "")
        venues.append(record.venue ?? "")
        dois.append(record.doi ?? "")
        arxivIDs.append(record.arxivID ?? "")
        years.append(record.year.map { Int32(clamping: $0) } ?? Self.noYear)
        types.append(record.type.flatMap { PaperType.allCases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0)
        truncated.append(record.authorsTruncated)
        authors.append(record.authors)
        authorIDs.append(record.authorIDs)
        categories.append(record.categories)
        institutions.append(record.institutions)
        sources.append(record.sources)
        versions.append(record.versions)
    }

    mutating func replace(at position: Int, with record: PaperRecord) {
        replaced[position] = record
    }

    func record(at position: Int) -> PaperRecord {
        if !replaced.isEmpty, let record = replaced[position] { return record }
        let year = years[position]
        let type = types[position]
        return PaperRecord(
            id: ids[position], title: titles[position], authors: authors[position], authorIDs: authorIDs[position],
            authorsTruncated: truncated[position], year: year == Self.noYear ? nil : Int(year),
            date: optional(dates, position), venue: optional(venues, position),
            type: type == 0 ? nil : PaperType.allCases[Int(type) - 1], categories: categories[position],
            institutions: institutions[position], abstract: optional(abstracts, position), sources: sources[position],
            versions: versions[position], doi: optional(dois, position), arxivID: optional(arxivIDs, position))
    }

    /// The title and abstract alone, for the text indexes.
    func text(at position: Int) -> (title: String, abstract: String?) {
        if !replaced.isEmpty, let record = replaced[position] { return (record.title, record.abstract) }
        return (titles[position], optional(abstracts, position))
    }

    /// The year the graph will store, without rebuilding the record.
    func storableYear(at position: Int) -> Int {
        if !replaced.isEmpty, let record = replaced[position] { return record.storableYear ?? 0 }
        let year = Int(years[position])
        return PaperRecord.validYears.contains(year) ? year : 0
    }

    /// Orders two records by title, then id, comparing bytes (which for UTF-8 is code point order).
    func compareTitles(_ a: Int, _ b: Int) -> Int {
        if !replaced.isEmpty, replaced[a] != nil || replaced[b] != nil {
            let first = record(at: a)
            let second = record(at: b)
            let titles = Self.compare(Array(first.title.utf8)[...], Array(second.title.utf8)[...])
            return titles != 0 ? titles : Self.compare(Array(first.id.utf8)[...], Array(second.id.utf8)[...])
        }
        let order = titles.compare(a, b)
        return order != 0 ? order : ids.compare(a, b)
    }

    private static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count - b.count
    }

    private func optional(_ column: StringColumn, _ position: Int) -> String? {
        column.isEmpty(position) ? nil : column[position]
    }
}

/// Lists of strings for many rows, flattened.
struct StringListColumn: Sendable {
    private var strings = StringColumn()
    private var ends: [Int] = []

    mutating func append(_ list: [String]) {
        for string in list { strings.append(string) }
        ends.append(strings.count)
    }

    subscript(row: Int) -> [String] {
        let start = row == 0 ? 0 : ends[row - 1]
        return (start..<ends[row]).map { strings[$0] }
    }
}

extension StringColumn {
    /// Byte order of two entries (negative, zero, positive).
    func compare(_ a: Int, _ b: Int) -> Int {
        let first = range(a)
        let second = range(b)
        return bytes.withUnsafeBufferPointer { buffer in
            let common = min(first.count, second.count)
            if common > 0, let base = buffer.baseAddress {
                let order = memcmp(base + first.lowerBound, base + second.lowerBound, common)
                if order != 0 { return Int(order) }
            }
            return first.count - second.count
        }
    }
}
