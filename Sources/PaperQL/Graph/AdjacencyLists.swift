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
        var counts = [Int](repeating: 0, count: targetCount)
        for value in lists.values { counts[Int(value)] += 1 }
        var ends = [Int](repeating: 0, count: targetCount)
        var running = 0
        for target in 0..<targetCount {
            running += counts[target]
            ends[target] = running
        }
        var cursor = [Int](repeating: 0, count: targetCount)
        for target in 1..<max(1, targetCount) where target < targetCount { cursor[target] = ends[target - 1] }
        var values = [UInt32](repeating: 0, count: running)
        for row in 0..<lists.count {
            for value in lists[row] {
                let target = Int(value)
                values[cursor[target]] = UInt32(row)
                cursor[target] += 1
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
