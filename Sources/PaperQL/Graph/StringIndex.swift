import Foundation

/// A read-only map from strings to ids, stored as keys sorted by their UTF-8 bytes and looked
/// up by binary search. Unlike a `Dictionary` it is two flat arrays, so a snapshot loads it
/// without rehashing anything.
struct StringIndex: Sendable {
    let keys: StringColumn
    let values: Column<UInt32>

    init(keys: StringColumn, values: Column<UInt32>) {
        self.keys = keys
        self.values = values
    }

    /// Builds from pairs; for a key given twice, the first value is kept.
    init(_ pairs: some Sequence<(key: String, value: UInt32)>) {
        var unsorted = StringColumn()
        var unsortedValues: [UInt32] = []
        for (key, value) in pairs {
            unsorted.append(key)
            unsortedValues.append(value)
        }
        self.init(unsortedKeys: unsorted, values: unsortedValues)
    }

    /// Builds from keys in any order and their values; for a key given twice, the first value
    /// is kept.
    init(unsortedKeys unsorted: StringColumn, values unsortedValues: [UInt32]) {
        let order = unsorted.bytes.withUnsafeBufferPointer { bytes in
            (0..<unsorted.count).sorted { a, b in
                let order = Self.compare(bytes, unsorted.range(a), bytes, unsorted.range(b))
                return order != 0 ? order < 0 : a < b
            }
        }
        var sortedKeys = StringColumn()
        sortedKeys.reserveCapacity(count: unsorted.count, bytes: unsorted.bytes.count)
        var sortedValues: [UInt32] = []
        sortedValues.reserveCapacity(order.count)
        var previous: Int?
        unsorted.bytes.withUnsafeBufferPointer { bytes in
            for index in order {
                if let previous, Self.compare(bytes, unsorted.range(previous), bytes, unsorted.range(index)) == 0 {
                    continue
                }
                sortedKeys.appendBytes(bytes[unsorted.range(index)])
                sortedValues.append(unsortedValues[index])
                previous = index
            }
        }
        keys = sortedKeys
        values = Column(sortedValues)
    }

    var count: Int { values.count }

    subscript(key: String) -> UInt32? {
        var key = key
        return key.withUTF8 { wanted in
            keys.bytes.withUnsafeBufferPointer { bytes in
                var low = 0
                var high = values.count
                while low < high {
                    let middle = (low + high) / 2
                    let order = Self.compare(bytes, keys.range(middle), wanted, 0..<wanted.count)
                    if order == 0 { return values[middle] }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// Every key, in byte order.
    var allKeys: [String] { (0..<keys.count).map { keys[$0] } }

    private static func compare(
        _ a: UnsafeBufferPointer<UInt8>, _ rangeA: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ rangeB: Range<Int>
    ) -> Int {
        let common = min(rangeA.count, rangeB.count)
        if common > 0, let baseA = a.baseAddress, let baseB = b.baseAddress {
            let order = memcmp(baseA + rangeA.lowerBound, baseB + rangeB.lowerBound, common)
            if order != 0 { return Int(order) }
        }
        return rangeA.count - rangeB.count
    }
}

/// A map from strings to lists of ids.
struct StringMultiIndex: Sendable {
    /// Key → row of `lists`.
    let index: StringIndex
    let lists: AdjacencyLists

    init(index: StringIndex, lists: AdjacencyLists) {
        self.index = index
        self.lists = lists
    }

    init(_ dictionary: [String: [UInt32]]) {
        // Rows in key order, so the same content always gives the same bytes in a snapshot.
        let keys = dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        index = StringIndex(keys.enumerated().map { (key: $1, value: UInt32($0)) })
        lists = AdjacencyLists(keys.map { dictionary[$0] ?? [] })
    }

    subscript(key: String) -> IDList? {
        index[key].map { lists[Int($0)] }
    }
}
