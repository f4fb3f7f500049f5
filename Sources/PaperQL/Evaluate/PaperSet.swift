/// A set of papers in ascending id order: a contiguous range or a sorted list.
public enum PaperSet: Sendable, Equatable {
    case range(Range<UInt32>)
    case list([UInt32])

    public static let empty = PaperSet.list([])

    public var count: Int {
        switch self {
        case .range(let range): range.count
        case .list(let list): list.count
        }
    }

    public var isEmpty: Bool { count == 0 }

    public var ids: [UInt32] {
        switch self {
        case .range(let range): Array(range)
        case .list(let list): list
        }
    }

    func contains(_ id: UInt32) -> Bool {
        switch self {
        case .range(let range): range.contains(id)
        case .list(let list): list.sortedContains(id)
        }
    }

    func intersection(_ other: PaperSet) -> PaperSet {
        switch (self, other) {
        case (.range(let a), .range(let b)):
            let low = max(a.lowerBound, b.lowerBound)
            let high = min(a.upperBound, b.upperBound)
            return .range(low..<max(low, high))
        case (.range(let range), .list(let list)), (.list(let list), .range(let range)):
            let start = list.partitioningIndex { $0 >= range.lowerBound }
            let end = list.partitioningIndex { $0 >= range.upperBound }
            if start == 0, end == list.count { return .list(list) }
            return .list(Array(list[start..<max(start, end)]))
        case (.list(let a), .list(let b)):
            return .list(SortedIDs.intersect(a, b))
        }
    }

    func union(_ other: PaperSet) -> PaperSet {
        switch (self, other) {
        case (.range(let a), .range(let b)) where a.overlaps(b) || a.upperBound == b.lowerBound || b.upperBound == a.lowerBound:
            return .range(min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound))
        default:
            return .list(SortedIDs.union(ids, other.ids))
        }
    }

    func subtracting(_ other: PaperSet) -> PaperSet {
        if other.isEmpty { return self }
        switch (self, other) {
        case (.range(let a), .range(let b)) where b.lowerBound <= a.lowerBound:
            let low = max(a.lowerBound, min(b.upperBound, a.upperBound))
            return .range(low..<a.upperBound)
        default:
            return .list(SortedIDs.subtract(ids, other.ids))
        }
    }
}

/// Set operations on ascending id lists.
enum SortedIDs {
    static func intersect(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var result: [UInt32] = []
        result.reserveCapacity(small.count)
        if small.count * 16 < large.count {
            // Galloping: binary-search each element of the short list in the rest of the long one.
            var start = 0
            for id in small {
                var low = start
                var high = large.count
                while low < high {
                    let middle = (low + high) / 2
                    if large[middle] < id { low = middle + 1 } else { high = middle }
                }
                if low < large.count, large[low] == id { result.append(id) }
                start = low
                if start == large.count { break }
            }
            return result
        }
        var i = 0
        var j = 0
        while i < small.count, j < large.count {
            let x = small[i]
            let y = large[j]
            if x == y {
                result.append(x)
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    static func union(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }

    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(a.count)
        var j = 0
        for x in a {
            while j < b.count, b[j] < x { j += 1 }
            if j < b.count, b[j] == x { continue }
            result.append(x)
        }
        return result
    }

    /// The union of many ascending lists.
    /// The ids of a list, copied at once (`Array(list)` appends them one at a time).
    static func copy(_ list: IDList) -> [UInt32] {
        list.base.withUnsafeBufferPointer { Array($0[list.startIndex..<list.endIndex]) }
    }

    static func unionAll(_ lists: [IDList]) -> [UInt32] {
        unionAll(lists) {}
    }

    /// The union of many ascending lists, calling `check` (which throws to stop) between steps of
    /// a few thousand ids.
    ///
    /// Many ids (the papers of thousands of authors) are marked in a bitmap as large as the
    /// largest id and read back in order: linear, where sorting them all would not be, and it
    /// can stop between steps. A few ids among large ones are sorted, which is quick.
    static func unionAll<Failure: Error>(_ lists: [IDList], check: () throws(Failure) -> Void)
        throws(Failure) -> [UInt32]
    {
        switch lists.count {
        case 0: return []
        case 1: return copy(lists[0])
        default: break
        }
        let total = lists.reduce(0) { $0 + $1.count }
        let largest = lists.reduce(0) { Swift.max($0, $1.max() ?? 0) }
        let words = Int(largest) / 64 + 1
        var result: [UInt32] = []
        if words > total * 4 {
            var all: [UInt32] = []
            all.reserveCapacity(total)
            for list in lists { all.append(contentsOf: list) }
            all.sort()
            result.reserveCapacity(all.count)
            for id in all where result.last != id { result.append(id) }
            return result
        }
        let step = 4096
        var bits = [UInt64](repeating: 0, count: words)
        var sinceCheck = step  // check before the first list
        for list in lists {
            if sinceCheck >= step {
                sinceCheck = 0
                try check()
            }
            for id in list { bits[Int(id >> 6)] |= UInt64(1) << UInt64(id & 63) }
            sinceCheck += list.count + 1
        }
        result.reserveCapacity(total)
        for start in stride(from: 0, to: words, by: step) {
            try check()
            for word in start..<Swift.min(start + step, words) {
                var remaining = bits[word]
                while remaining != 0 {
                    result.append(UInt32(word * 64 + remaining.trailingZeroBitCount))
                    remaining &= remaining - 1
                }
            }
        }
        return result
    }
}

extension Array where Element == UInt32 {
    func sortedContains(_ id: UInt32) -> Bool {
        let index = partitioningIndex { $0 >= id }
        return index < count && self[index] == id
    }
}
