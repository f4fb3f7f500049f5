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
        var copy = self
        return copy.buildEmptying(progress: progress)
    }

    /// Builds the graph and leaves the builder empty: the records are freed as soon as the
    /// graph's columns hold them, before the indexes are built (the import's peak memory).
    mutating func buildEmptying(progress: ((_ step: String, _ fractionDone: Double?) -> Void)?) -> PaperGraph {
        var store = self.store
        let table = self.names
        self = GraphBuilder()
        progress?("sorting papers", nil)
        // The store goes to these functions as a parameter: a closure capturing the local `var`
        // would copy it out of its box (a retain and release of every column) on each use, on
        // both cores at once.
        let order = Self.defaultOrder(of: store)
        let (names, words) = Self.indexAuthorsAndWords(store, in: order, progress: progress)
        // The bylines are interned: the written names and identifiers (a quarter of the
        // records' bytes) are freed before the papers' own columns are copied.
        store.dropAuthorColumns()
        MemoryRelease.returnFreedMemory()
        let assembly = Self.assemble(store, in: order, progress: progress)
        // Every paper is in the assembly now (abstracts excepted, which the graph shares).
        store = RecordStore()
        MemoryRelease.returnFreedMemory()
        return assembly.finish(words: words, names: names, table: table, progress: progress)
    }
}

extension GraphBuilder {
    /// The store's positions in the graph's paper order: by year, then title descending (then
    /// id), sorted in two halves, one per core, then merged.
    fileprivate static func defaultOrder(of store: RecordStore) -> [Int] {
        // Sort by year first and then by the titles' first thirty-two bytes, on plain integers
        // kept beside each position; only papers whose titles start alike compare whole titles.
        var sorting = (0..<store.count).map { position in
            PaperSortKey(year: Int32(store.storableYear(at: position)), position: Int32(position),
                         title: store.titleSortPrefix(at: position))
        }
        let inOrder = { (left: PaperSortKey, right: PaperSortKey) -> Bool in
            if left.year != right.year { return left.year < right.year }
            if left.title != right.title { return left.title > right.title }
            return store.compareTitles(Int(left.position), Int(right.position)) > 0
        }
        // Titles and ids make the order total, so the merged halves are the order one sort
        // would give. Each half is sorted in place (no second array of keys at the peak).
        let middle = sorting.count / 2
        sorting.withUnsafeMutableBufferPointer { keys in
            let (low, high) = (UnsafeMutableBufferPointer(rebasing: keys[..<middle]), UnsafeMutableBufferPointer(rebasing: keys[middle...]))
            _ = inParallel({ var half = low; half.sort(by: inOrder) }, { var half = high; half.sort(by: inOrder) })
        }
        return PaperSortKey.merged(sorting[..<middle], sorting[middle...], by: inOrder)
    }

    /// Every paper's byline interned in `order` on one core (this one reports progress), which
    /// then takes a share of the words; the title index and the other words on the other core.
    fileprivate static func indexAuthorsAndWords(
        _ store: RecordStore, in order: [Int], progress: ((_ step: String, _ fractionDone: Double?) -> Void)?
    ) -> (AuthorNameResolver, TextIndexAssembly.Indexes) {
        let step = max(order.count / 100, 1)
        return TextIndexAssembly.build(from: store, in: order) {
            var names = AuthorNameResolver()
            names.reserveCapacity(papers: order.count)
            for (done, position) in order.enumerated() {
                if done % step == 0 { progress?("indexing authors and words", Double(done) / Double(order.count)) }
                if let record = store.replacement(at: position) {
                    names.addByline(record.authors, identifiers: record.authorIDs)
                } else {
                    names.addByline(row: position, names: store.columns.authors, identifiers: store.columns.authorIDs)
                }
            }
            return names
        }
    }

    /// Every paper of the store added, in `order`: text fields on one core (this one reports
    /// progress), facets and the rest on the other.
    fileprivate static func assemble(
        _ store: RecordStore, in order: [Int], progress: ((_ step: String, _ fractionDone: Double?) -> Void)?
    ) -> GraphAssembly {
        let step = max(order.count / 100, 1)
        let (text, facets) = inParallel({
            var text = PaperTextColumns(
                paperCapacity: store.count, sharedAbstracts: store.hasReplacements ? nil : store.columns.abstracts)
            for (done, position) in order.enumerated() {
                if done % step == 0 { progress?("indexing papers", Double(done) / Double(order.count)) }
                text.addPaper(from: store, at: position)
            }
            return text
        }, {
            var facets = PaperFacetColumns(paperCapacity: store.count)
            for position in order { facets.addPaper(from: store, at: position) }
            return facets
        })
        return GraphAssembly(text: text, facets: facets)
    }
}

/// A paper's place in the default order, as plain integers: its year, then its title's first
/// thirty-two bytes (`RecordStore.titleSortPrefix`), then the whole title and id.
private struct PaperSortKey {
    var year: Int32
    var position: Int32
    var title: TitlePrefix

    /// The positions of two sorted runs, merged.
    static func merged(_ low: ArraySlice<PaperSortKey>, _ high: ArraySlice<PaperSortKey>, by inOrder: (PaperSortKey, PaperSortKey) -> Bool) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(low.count + high.count)
        var left = low.startIndex
        var right = high.startIndex
        while left < low.endIndex, right < high.endIndex {
            if inOrder(high[right], low[left]) {
                order.append(Int(high[right].position))
                right += 1
            } else {
                order.append(Int(low[left].position))
                left += 1
            }
        }
        for key in low[left...] { order.append(Int(key.position)) }
        for key in high[right...] { order.append(Int(key.position)) }
        return order
    }
}
