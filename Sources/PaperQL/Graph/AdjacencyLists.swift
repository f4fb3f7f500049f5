/// Lists of ids for each of a number of rows, stored compactly (compressed sparse rows).
struct AdjacencyLists: Sendable {
    let ends: Column<Int>
    let values: Column<UInt32>

    init(ends: Column<Int>, values: Column<UInt32>) {
        self.ends = ends
        self.values = values
    }

    init(ends: [Int], values: [UInt32]) {
        self.ends = Column(ends)
        self.values = Column(values)
    }

    /// Builds from one list per row.
    init(_ lists: [[UInt32]]) {
        var ends: [Int] = []
        ends.reserveCapacity(lists.count)
        var values: [UInt32] = []
        values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            values.append(contentsOf: list)
            ends.append(values.count)
        }
        self.ends = Column(ends)
        self.values = Column(values)
    }

    /// Builds the transpose: for each target, the sources that list it, in ascending order.
    init(inverting lists: AdjacencyLists, targetCount: Int) {
        self.init(targetCount: targetCount) { row in
            lists.values.withUnsafeBufferPointer { values in
                for source in 0..<lists.count { row(UnsafeBufferPointer(rebasing: values[lists.range(source)])) }
            }
        }
    }

    /// Builds the transpose of rows handed out by `rows`, which calls its argument with each
    /// row's targets, row after row, and is called twice (to count, then to fill): for each
    /// target, the rows that list it, in ascending order.
    init(targetCount: Int, invertingRows rows: ((UnsafeBufferPointer<UInt32>) -> Void) -> Void) {
        var ends = [Int](repeating: 0, count: targetCount)
        ends.withUnsafeMutableBufferPointer { counts in
            rows { targets in for target in targets { counts[Int(target)] += 1 } }
        }
        var running = 0
        for target in ends.indices {
            running += ends[target]
            ends[target] = running
        }
        var cursor = [Int](repeating: 0, count: targetCount)
        for target in cursor.indices.dropFirst() { cursor[target] = ends[target - 1] }
        var values = [UInt32](repeating: 0, count: running)
        values.withUnsafeMutableBufferPointer { values in
            cursor.withUnsafeMutableBufferPointer { cursor in
                var row: UInt32 = 0
                rows { targets in
                    for target in targets {
                        values[cursor[Int(target)]] = row
                        cursor[Int(target)] += 1
                    }
                    row += 1
                }
            }
        }
        self.ends = Column(ends)
        self.values = Column(values)
    }

    var count: Int { ends.count }

    func range(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : ends[row - 1])..<ends[row]
    }

    subscript(row: Int) -> IDList {
        values[range(row)]
    }

    func count(_ row: Int) -> Int { range(row).count }
}

/// One row of an `AdjacencyLists`: ids, viewed in place.
typealias IDList = Slice<Column<UInt32>>
