/// Collects `PaperRecord`s and builds an immutable `PaperGraph` with all its indexes.
///
/// Records with the same `id` are merged into one paper.
public struct GraphBuilder: Sendable {
    private var store = RecordStore()
    private var positionByID: [String: Int] = [:]
    /// How many added records were folded into an earlier record with the same id.
    public private(set) var mergedDuplicates = 0
    /// People a curated list names (`--data name_variants.yaml`): see `AuthorNameResolver`.
    public var names = NameTable()

    public init() {}

    public var recordCount: Int { store.count }

    public mutating func add(_ record: PaperRecord) {
        if let position = positionByID[record.id] {
            var merged = store.record(at: position)
            merged.merge(record)
            store.replace(at: position, with: merged)
            mergedDuplicates += 1
        } else {
            positionByID[record.id] = store.count
            store.append(record)
        }
    }

    public mutating func add(contentsOf newRecords: some Sequence<PaperRecord>) {
        for record in newRecords { add(record) }
    }

    /// Builds the graph. Papers are numbered by (year, then title descending), so that reading
    /// ids downwards gives the default order: newest first, then by title.
    public func build() -> PaperGraph {
        let store = self.store
        // Sort by year first on plain integers; only papers of the same year compare titles.
        let years = (0..<store.count).map { store.storableYear(at: $0) }
        var sorting = Array(0..<store.count)
        sorting.sort { left, right in
            if years[left] != years[right] { return years[left] < years[right] }
            return store.compareTitles(left, right) > 0
        }
        let order = sorting
        // Two independent halves of the work, one per core.
        let (structure, indexes) = inParallel({
            var assembly = GraphAssembly(paperCapacity: store.count)
            for position in order { assembly.addPaper(store.record(at: position)) }
            return assembly
        }, {
            var texts = TextIndexAssembly(paperCapacity: store.count)
            for position in order {
                let text = store.text(at: position)
                texts.addPaper(title: text.title, abstract: text.abstract)
            }
            return texts.finish()
        })
        return structure.finish(text: indexes, names: names)
    }
}
