/// A paper's text fields (id, title, abstract, date, DOI, arXiv id), copied as bytes from a
/// record store in the graph's paper order. It shares no state with `PaperFacetColumns`, so
/// the two are filled on different cores.
struct PaperTextColumns {
    private(set) var paperKeys = StringColumn()
    private(set) var titles = StringColumn()
    private var abstracts = StringColumn()
    private(set) var dates = StringColumn()
    private(set) var dois = StringColumn()
    private(set) var arxivIDs = StringColumn()
    /// When set, abstracts stay in these bytes (a record store's column, shared, not copied)
    /// and `abstractRows` says which row each paper's is.
    private var sharedAbstracts: StringColumn?
    private var abstractRows: [Int] = []

    /// `sharedAbstracts`: the abstracts column of the store every paper will come from.
    init(paperCapacity: Int, sharedAbstracts: StringColumn? = nil) {
        self.sharedAbstracts = sharedAbstracts
        if sharedAbstracts != nil { abstractRows.reserveCapacity(paperCapacity) }
    }

    mutating func addPaper(from store: RecordStore, at position: Int) {
        if let record = store.replacement(at: position) {
            precondition(sharedAbstracts == nil, "a paper from a record with abstracts shared from a store")
            paperKeys.append(record.id)
            titles.append(record.title)
            abstracts.append(record.abstract ?? "")
            dates.append(record.date ?? "")
            dois.append(record.doi ?? "")
            arxivIDs.append(record.arxivID ?? "")
            return
        }
        paperKeys.append(position, of: store.columns.ids)
        titles.append(position, of: store.columns.titles)
        if sharedAbstracts != nil {
            abstractRows.append(position)
        } else {
            abstracts.append(position, of: store.columns.abstracts)
        }
        dates.append(position, of: store.columns.dates)
        dois.append(position, of: store.columns.dois)
        arxivIDs.append(position, of: store.columns.arxivIDs)
    }

    /// The abstracts, in paper order.
    var abstractStore: TextStore {
        sharedAbstracts.map { TextStore($0, rows: abstractRows) } ?? TextStore(abstracts)
    }
}

/// A paper's year, type, facets (venue, categories, institutions, sources) and version ids, in
/// the graph's paper order; facet values are interned by their bytes.
struct PaperFacetColumns {
    private(set) var years: [Int16] = []
    private(set) var paperVenues: [UInt32] = []
    private(set) var paperTypes: [UInt8] = []
    private(set) var truncated: [Bool] = []
    private(set) var paperCategoryLists = ListBuilder()
    private(set) var paperInstitutionLists = ListBuilder()
    private(set) var paperSourceLists = ListBuilder()
    private var versionKeys: [[String]] = []

    private(set) var venues = FacetInterner()
    private(set) var categories = FacetInterner()
    private(set) var institutions = FacetInterner()
    private(set) var sources = FacetInterner()

    init(paperCapacity: Int) {
        years.reserveCapacity(paperCapacity)
        paperVenues.reserveCapacity(paperCapacity)
        paperTypes.reserveCapacity(paperCapacity)
        truncated.reserveCapacity(paperCapacity)
    }

    mutating func addPaper(from store: RecordStore, at position: Int) {
        if let record = store.replacement(at: position) {
            addPaper(record)
            return
        }
        years.append(Int16(store.columns.storableYear(at: position)))
        paperVenues.append(store.columns.venues.isEmpty(position)
            ? PaperGraph.noValue : store.columns.venues.withBytes(position) { venues.intern(bytes: $0) })
        paperTypes.append(store.columns.types[position])
        truncated.append(store.columns.truncated[position])
        Self.intern(store.columns.categories, position, into: &categories, list: &paperCategoryLists)
        Self.intern(store.columns.institutions, position, into: &institutions, list: &paperInstitutionLists)
        Self.intern(store.columns.sources, position, into: &sources, list: &paperSourceLists)
        let versions = store.columns.versions.itemRange(position)
        versionKeys.append(versions.isEmpty ? [] : store.columns.versions[position])
    }

    private mutating func addPaper(_ record: PaperRecord) {
        years.append(Int16(record.storableYear ?? 0))
        paperVenues.append(record.venue.map { venues.intern($0) } ?? PaperGraph.noValue)
        paperTypes.append(RecordColumns.typeCode(record.type))
        truncated.append(record.authorsTruncated)
        for category in record.categories { paperCategoryLists.appendUnique(categories.intern(category)) }
        paperCategoryLists.endRow()
        for institution in record.institutions { paperInstitutionLists.appendUnique(institutions.intern(institution)) }
        paperInstitutionLists.endRow()
        for source in record.sources { paperSourceLists.appendUnique(sources.intern(source)) }
        paperSourceLists.endRow()
        versionKeys.append(record.versions)
    }

    /// Interns a row's values into a facet and adds them (each once, first order) as the
    /// paper's list.
    private static func intern(_ column: StringListColumn, _ row: Int, into interner: inout FacetInterner, list: inout ListBuilder) {
        for item in column.itemRange(row) {
            list.appendUnique(column.strings.withBytes(item) { interner.intern(bytes: $0) })
        }
        list.endRow()
    }

    /// Version links by paper id, made symmetric; links to ids not in the graph are dropped.
    func versionLinks(_ papersByKey: StringIndex) -> [[UInt32]] {
        var links = [[UInt32]](repeating: [], count: years.count)
        for (paper, keys) in versionKeys.enumerated() where !keys.isEmpty {
            for key in keys {
                guard let other = papersByKey[key], other != UInt32(paper) else { continue }
                if !links[paper].contains(other) { links[paper].append(other) }
                if !links[Int(other)].contains(UInt32(paper)) { links[Int(other)].append(UInt32(paper)) }
            }
        }
        return links.map { $0.sorted() }
    }
}
