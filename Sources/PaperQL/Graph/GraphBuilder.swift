/// Collects `PaperRecord`s and builds an immutable `PaperGraph` with all its indexes.
///
/// Records with the same `id` are merged into one paper.
public struct GraphBuilder: Sendable {
    private var store = RecordStore()
    /// Paper ids by their bytes; an id's number in the table is its position in `store`.
    private var positionByID = ByteStringTable()
    /// How many added records were folded into an earlier record with the same id.
    public private(set) var mergedDuplicates = 0
    /// People a curated list names (`--data name_variants.yaml`): see `AuthorNameResolver`.
    public var names = NameTable()

    public init() {}

    public var recordCount: Int { store.count }

    public mutating func add(_ record: PaperRecord) {
        var id = record.id
        let position = id.withUTF8 { positionByID.intern($0) }
        if Int(position) < store.count {
            var merged = store.record(at: Int(position))
            merged.merge(record)
            store.replace(at: Int(position), with: merged)
            mergedDuplicates += 1
        } else {
            store.append(record)
        }
    }

    /// Reserves room for the records of a file of this size, so the largest columns are not
    /// copied as they grow (reserved pages that are never written take no memory).
    mutating func reserveCapacity(forFileBytes bytes: Int) {
        store.reserveCapacity(forFileBytes: bytes)
    }

    /// Adds decoded rows, copying their bytes (all at once when every id is new); a row whose id
    /// was seen is merged as a record.
    mutating func add(columns: RecordColumns) {
        let base = store.count
        var positions: [UInt32] = []
        positions.reserveCapacity(columns.count)
        var allNew = true
        for row in 0..<columns.count {
            let position = columns.ids.withBytes(row) { positionByID.intern($0) }
            if Int(position) != base + row { allNew = false }
            positions.append(position)
        }
        if allNew {
            store.append(contentsOf: columns)
            return
        }
        // New ids were numbered in order of first appearance, so a row is new when its number
        // is the next one; the others merge into the paper already stored.
        var next = base
        for row in 0..<columns.count {
            let position = Int(positions[row])
            if position == next {
                store.append(row: row, of: columns)
                next += 1
            } else {
                var merged = store.record(at: position)
                merged.merge(columns.record(at: row))
                store.replace(at: position, with: merged)
                mergedDuplicates += 1
            }
        }
    }

    public mutating func add(contentsOf newRecords: some Sequence<PaperRecord>) {
        for record in newRecords { add(record) }
    }

    /// Builds the graph. Papers are numbered by (year, then title descending), so that reading
    /// ids downwards gives the default order: newest first, then by title.
    public func build() -> PaperGraph {
        build(progress: nil)
    }

    /// Builds the graph, telling `progress` each step (and how far it is, when known). Called
    /// on one thread at a time, not always the caller's.
    public func build(progress: ((_ step: String, _ fractionDone: Double?) -> Void)?) -> PaperGraph {
        let store = self.store
        progress?("sorting papers", nil)
        // Sort by year first on plain integers; only papers of the same year compare titles.
        let years = (0..<store.count).map { store.storableYear(at: $0) }
        var sorting = Array(0..<store.count)
        sorting.sort { left, right in
            if years[left] != years[right] { return years[left] < years[right] }
            return store.compareTitles(left, right) > 0
        }
        let order = sorting
        // Two independent halves of the work, one per core; the first reports progress.
        let step = max(order.count / 100, 1)
        let (structure, indexes) = inParallel({
            var assembly = GraphAssembly(
                paperCapacity: store.count, sharedAbstracts: store.hasReplacements ? nil : store.columns.abstracts)
            for (done, position) in order.enumerated() {
                if done % step == 0 { progress?("indexing papers, authors and words", Double(done) / Double(order.count)) }
                assembly.addPaper(from: store, at: position)
            }
            return assembly
        }, {
            var texts = TextIndexAssembly(paperCapacity: store.count)
            for position in order { texts.addPaper(from: store, at: position) }
            return texts.finish()
        })
        return structure.finish(text: indexes, names: names, progress: progress)
    }
}
