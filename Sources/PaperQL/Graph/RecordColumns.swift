/// The fields of many records, column by column: every text field end to end in one buffer per
/// field, lists flattened, instead of millions of separate string and array objects. Decoders
/// write into it directly (`NativeLineScanner`); a `PaperRecord` is rebuilt only on demand.
struct RecordColumns: Sendable {
    var ids = StringColumn()
    var titles = StringColumn()
    var abstracts = StringColumn()
    var dates = StringColumn()
    var venues = StringColumn()
    var dois = StringColumn()
    var arxivIDs = StringColumn()
    /// `noYear` where the record gives none.
    var years: [Int32] = []
    /// 0 for none, else the index in `PaperType.allCases` plus one.
    var types: [UInt8] = []
    var truncated: [Bool] = []
    var authors = StringListColumn()
    var authorIDs = StringListColumn()
    var categories = StringListColumn()
    var institutions = StringListColumn()
    var sources = StringListColumn()
    var versions = StringListColumn()

    static let noYear = Int32.min

    var count: Int { years.count }

    static func typeCode(_ type: PaperType?) -> UInt8 {
        type.flatMap { PaperType.allCases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0
    }

    static func type(code: UInt8) -> PaperType? {
        code == 0 ? nil : PaperType.allCases[Int(code) - 1]
    }

    mutating func append(_ record: PaperRecord) {
        ids.append(record.id)
        titles.append(record.title)
        abstracts.append(record.abstract ?? "")
        dates.append(record.date ?? "")
        venues.append(record.venue ?? "")
        dois.append(record.doi ?? "")
        arxivIDs.append(record.arxivID ?? "")
        years.append(record.year.map { Int32(clamping: $0) } ?? Self.noYear)
        types.append(Self.typeCode(record.type))
        truncated.append(record.authorsTruncated)
        authors.append(record.authors)
        authorIDs.append(record.authorIDs)
        categories.append(record.categories)
        institutions.append(record.institutions)
        sources.append(record.sources)
        versions.append(record.versions)
    }

    /// Appends row `row` of another set of columns, copying bytes (no strings made).
    mutating func append(row: Int, of other: RecordColumns) {
        ids.append(row, of: other.ids)
        titles.append(row, of: other.titles)
        abstracts.append(row, of: other.abstracts)
        dates.append(row, of: other.dates)
        venues.append(row, of: other.venues)
        dois.append(row, of: other.dois)
        arxivIDs.append(row, of: other.arxivIDs)
        years.append(other.years[row])
        types.append(other.types[row])
        truncated.append(other.truncated[row])
        authors.append(row: row, of: other.authors)
        authorIDs.append(row: row, of: other.authorIDs)
        categories.append(row: row, of: other.categories)
        institutions.append(row: row, of: other.institutions)
        sources.append(row: row, of: other.sources)
        versions.append(row: row, of: other.versions)
    }

    /// Appends every row of another set of columns, column by column.
    mutating func append(contentsOf other: RecordColumns) {
        ids.append(contentsOf: other.ids)
        titles.append(contentsOf: other.titles)
        abstracts.append(contentsOf: other.abstracts)
        dates.append(contentsOf: other.dates)
        venues.append(contentsOf: other.venues)
        dois.append(contentsOf: other.dois)
        arxivIDs.append(contentsOf: other.arxivIDs)
        years.append(contentsOf: other.years)
        types.append(contentsOf: other.types)
        truncated.append(contentsOf: other.truncated)
        authors.append(contentsOf: other.authors)
        authorIDs.append(contentsOf: other.authorIDs)
        categories.append(contentsOf: other.categories)
        institutions.append(contentsOf: other.institutions)
        sources.append(contentsOf: other.sources)
        versions.append(contentsOf: other.versions)
    }

    func record(at position: Int) -> PaperRecord {
        let year = years[position]
        return PaperRecord(
            id: ids[position], title: titles[position], authors: authors[position], authorIDs: authorIDs[position],
            authorsTruncated: truncated[position], year: year == Self.noYear ? nil : Int(year),
            date: optional(dates, position), venue: optional(venues, position),
            type: Self.type(code: types[position]), categories: categories[position],
            institutions: institutions[position], abstract: optional(abstracts, position), sources: sources[position],
            versions: versions[position], doi: optional(dois, position), arxivID: optional(arxivIDs, position))
    }

    /// The year the graph will store (0 for none or out of range).
    func storableYear(at position: Int) -> Int {
        let year = Int(years[position])
        return PaperRecord.validYears.contains(year) ? year : 0
    }

    func optional(_ column: StringColumn, _ position: Int) -> String? {
        column.isEmpty(position) ? nil : column[position]
    }
}

/// Lists of strings for many rows, flattened.
struct StringListColumn: Sendable {
    private(set) var strings = StringColumn()
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ list: [String]) {
        for string in list { strings.append(string) }
        ends.append(strings.count)
    }

    /// Adds one item to the row being written; `endRow()` closes the row.
    mutating func appendItem(_ bytes: UnsafeBufferPointer<UInt8>) {
        strings.appendBytes(bytes)
    }

    mutating func endRow() {
        ends.append(strings.count)
    }

    mutating func append(contentsOf other: StringListColumn) {
        let base = strings.count
        strings.append(contentsOf: other.strings)
        // Not `reserveCapacity(count + other.count)`: an array's reserve is exact, so one per
        // batch copied the whole column each time (the reading at 5M took 14× the 1M time).
        ends.append(contentsOf: other.ends.lazy.map { base + $0 })
    }

    mutating func append(row: Int, of other: StringListColumn) {
        for item in other.itemRange(row) { strings.append(item, of: other.strings) }
        ends.append(strings.count)
    }

    /// The indexes in `strings` of a row's items.
    func itemRange(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : ends[row - 1])..<ends[row]
    }

    subscript(row: Int) -> [String] {
        itemRange(row).map { strings[$0] }
    }
}
