import Foundation

/// Records kept compactly while a graph is being collected (`RecordColumns`), plus the few
/// records changed after they were stored (merged with a later record of the same id). A record
/// is rebuilt on demand; the graph's builder reads the columns directly.
struct RecordStore: Sendable {
    private(set) var columns = RecordColumns()
    /// Records changed after they were stored (merged with a later record of the same id).
    private var replaced: [Int: PaperRecord] = [:]

    var count: Int { columns.count }

    mutating func append(_ record: PaperRecord) {
        columns.append(record)
    }

    mutating func append(contentsOf other: RecordColumns) {
        columns.append(contentsOf: other)
    }

    mutating func append(row: Int, of other: RecordColumns) {
        columns.append(row: row, of: other)
    }

    mutating func reserveCapacity(forFileBytes bytes: Int) {
        columns.abstracts.reserveCapacity(count: 0, bytes: bytes)
        columns.titles.reserveCapacity(count: 0, bytes: bytes / 4)
    }

    mutating func replace(at position: Int, with record: PaperRecord) {
        replaced[position] = record
    }

    var hasReplacements: Bool { !replaced.isEmpty }

    /// Frees the written author names and identifiers once the bylines are interned (the
    /// graph build's last use of them); no record is rebuilt from the columns after this.
    mutating func dropAuthorColumns() {
        columns.authors = StringListColumn()
        columns.authorIDs = StringListColumn()
    }

    /// The record as changed after it was stored, if it was.
    func replacement(at position: Int) -> PaperRecord? {
        replaced.isEmpty ? nil : replaced[position]
    }

    func record(at position: Int) -> PaperRecord {
        if !replaced.isEmpty, let record = replaced[position] { return record }
        return columns.record(at: position)
    }

    /// The title and abstract alone, for the text indexes.
    func text(at position: Int) -> (title: String, abstract: String?) {
        if !replaced.isEmpty, let record = replaced[position] { return (record.title, record.abstract) }
        return (columns.titles[position], columns.optional(columns.abstracts, position))
    }

    /// The year the graph will store, without rebuilding the record.
    func storableYear(at position: Int) -> Int {
        if !replaced.isEmpty, let record = replaced[position] { return record.storableYear ?? 0 }
        return columns.storableYear(at: position)
    }

    /// Orders two records by title, then id, comparing bytes (which for UTF-8 is code point order).
    func compareTitles(_ a: Int, _ b: Int) -> Int {
        if !replaced.isEmpty, replaced[a] != nil || replaced[b] != nil {
            let first = record(at: a)
            let second = record(at: b)
            let titles = Self.compare(Array(first.title.utf8)[...], Array(second.title.utf8)[...])
            return titles != 0 ? titles : Self.compare(Array(first.id.utf8)[...], Array(second.id.utf8)[...])
        }
        let order = columns.titles.compare(a, b)
        return order != 0 ? order : columns.ids.compare(a, b)
    }

    /// The title's first thirty-two bytes as four big-endian numbers (zeros past its end): two
    /// titles whose prefixes differ are in their prefixes' order by `compareTitles`, so a sort
    /// compares these first and the titles only when they are equal. (Sixteen bytes were too
    /// few: in a large file many titles start alike, and each full comparison reads two titles
    /// far apart in memory; the 10M-record DBLP sort took 37 s.)
    func titleSortPrefix(at position: Int) -> TitlePrefix {
        if !replaced.isEmpty, let record = replaced[position] {
            var title = record.title
            return title.withUTF8 { TitlePrefix($0) }
        }
        return columns.titles.withBytes(position) { TitlePrefix($0) }
    }

    private static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count - b.count
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

/// A title's first thirty-two bytes as four big-endian numbers, zeros past its end: comparing
/// two prefixes in order of their numbers is comparing those bytes.
struct TitlePrefix: Comparable {
    var first: UInt64
    var second: UInt64
    var third: UInt64
    var fourth: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        func word(_ start: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in start..<start + 8 { value = value << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
            return value
        }
        first = word(0)
        second = word(8)
        third = word(16)
        fourth = word(24)
    }

    static func < (left: TitlePrefix, right: TitlePrefix) -> Bool {
        if left.first != right.first { return left.first < right.first }
        if left.second != right.second { return left.second < right.second }
        if left.third != right.third { return left.third < right.third }
        return left.fourth < right.fourth
    }
}
