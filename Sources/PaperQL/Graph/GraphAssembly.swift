/// The work of building a `PaperGraph`: papers arrive in final id order, then `finish()`
/// resolves authors and builds every index.
struct GraphAssembly {
    private var paperKeys = StringColumn()
    private var titles = StringColumn()
    private var abstracts = StringColumn()
    private var dates = StringColumn()
    private var dois = StringColumn()
    private var arxivIDs = StringColumn()
    private var years: [Int16] = []
    private var paperVenues: [UInt32] = []
    private var paperTypes: [UInt8] = []
    private var truncated: [Bool] = []
    private var paperCategoryLists = ListBuilder()
    private var paperInstitutionLists = ListBuilder()
    private var paperSourceLists = ListBuilder()
    private var versionKeys: [[String]] = []

    private var venues = FacetInterner()
    private var categories = FacetInterner()
    private var institutions = FacetInterner()
    private var sources = FacetInterner()
    private var names = AuthorNameResolver()

    /// When set, abstracts stay in these bytes (a record store's column, shared, not copied)
    /// and `abstractRows` says which row each paper's is.
    private var sharedAbstracts: StringColumn?
    private var abstractRows: [Int] = []

    /// `sharedAbstracts`: the abstracts column of the store every paper will come from.
    init(paperCapacity: Int, sharedAbstracts: StringColumn? = nil) {
        self.sharedAbstracts = sharedAbstracts
        if sharedAbstracts != nil { abstractRows.reserveCapacity(paperCapacity) }
        years.reserveCapacity(paperCapacity)
        paperVenues.reserveCapacity(paperCapacity)
        paperTypes.reserveCapacity(paperCapacity)
        truncated.reserveCapacity(paperCapacity)
        names.reserveCapacity(papers: paperCapacity)
    }

    /// A paper of a record store, read from its columns: text fields are copied as bytes, facet
    /// values interned by their bytes; only author names become strings (for name resolution).
    mutating func addPaper(from store: RecordStore, at position: Int) {
        if let record = store.replacement(at: position) {
            addPaper(record)
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
        years.append(Int16(store.columns.storableYear(at: position)))
        paperVenues.append(store.columns.venues.isEmpty(position)
            ? PaperGraph.noValue : store.columns.venues.withBytes(position) { venues.intern(bytes: $0) })
        paperTypes.append(store.columns.types[position])
        truncated.append(store.columns.truncated[position])
        names.addByline(row: position, names: store.columns.authors, identifiers: store.columns.authorIDs)
        Self.intern(store.columns.categories, position, into: &categories, list: &paperCategoryLists)
        Self.intern(store.columns.institutions, position, into: &institutions, list: &paperInstitutionLists)
        Self.intern(store.columns.sources, position, into: &sources, list: &paperSourceLists)
        let versions = store.columns.versions.itemRange(position)
        versionKeys.append(versions.isEmpty ? [] : store.columns.versions[position])
    }

    /// Interns a row's values into a facet and adds them (each once, first order) as the
    /// paper's list.
    private static func intern(_ column: StringListColumn, _ row: Int, into interner: inout FacetInterner, list: inout ListBuilder) {
        for item in column.itemRange(row) {
            list.appendUnique(column.strings.withBytes(item) { interner.intern(bytes: $0) })
        }
        list.endRow()
    }

    mutating func addPaper(_ record: PaperRecord) {
        precondition(sharedAbstracts == nil, "a paper from a record with abstracts shared from a store")
        paperKeys.append(record.id)
        titles.append(record.title)
        abstracts.append(record.abstract ?? "")
        dates.append(record.date ?? "")
        dois.append(record.doi ?? "")
        arxivIDs.append(record.arxivID ?? "")
        years.append(Int16(record.storableYear ?? 0))
        paperVenues.append(record.venue.map { venues.intern($0) } ?? PaperGraph.noValue)
        paperTypes.append(record.type.flatMap { type in PaperType.allCases.firstIndex(of: type).map { UInt8($0 + 1) } } ?? 0)
        truncated.append(record.authorsTruncated)
        names.addByline(record.authors, identifiers: record.authorIDs)
        for category in record.categories { paperCategoryLists.appendUnique(categories.intern(category)) }
        paperCategoryLists.endRow()
        for institution in record.institutions { paperInstitutionLists.appendUnique(institutions.intern(institution)) }
        paperInstitutionLists.endRow()
        for source in record.sources { paperSourceLists.appendUnique(sources.intern(source)) }
        paperSourceLists.endRow()
        versionKeys.append(record.versions)
    }

    /// Builds the graph; `text` holds the word and title indexes, built alongside.
    consuming func finish(
        text: TextIndexAssembly.Indexes, names table: NameTable,
        progress: ((_ step: String, _ fractionDone: Double?) -> Void)? = nil
    ) -> PaperGraph {
        progress?("resolving authors", nil)
        // Resolving authors on one core; on the other, what does not depend on them: the paper
        // id index, version links and facets. The resolver is moved out, so that resolving
        // does not copy its tables.
        var names = self.names
        self.names = AuthorNameResolver()
        let paperCategories = paperCategoryLists.lists
        let paperInstitutions = paperInstitutionLists.lists
        let (papers, resolved) = inParallel({
            // Paper ids in key order; for an id given twice the first paper is kept.
            let papersByKey = StringIndex(unsortedKeys: paperKeys, values: (0..<UInt32(years.count)).map { $0 })
            var venueLists = ListBuilder()
            for venue in paperVenues {
                if venue != PaperGraph.noValue { venueLists.appendUnique(venue) }
                venueLists.endRow()
            }
            return (byKey: papersByKey, versions: AdjacencyLists(resolveVersions(papersByKey)),
                    venues: venues.facet(paperLists: venueLists.lists),
                    categories: categories.facet(paperLists: paperCategories),
                    institutions: institutions.facet(paperLists: paperInstitutions))
        }, {
            (authors: names.resolve(table: table), variantNames: names.variantNames)
        })
        let authors = resolved.authors
        let paperAuthors = authors.paperAuthors
        let authorPapers = AdjacencyLists(inverting: paperAuthors, targetCount: authors.displayNames.count)
        progress?("linking papers, authors and coauthors", nil)
        // The coauthor index on one core, the author name indexes on the other.
        let (coauthorIndex, authorIndexes) = inParallel({
            CoauthorIndex(paperAuthors: paperAuthors, authorPapers: authorPapers)
        }, {
            (byFoldedName: StringMultiIndex(authors.byFoldedName), byFamilyName: StringMultiIndex(authors.byFamilyName),
             byIdentifier: StringIndex(authors.byIdentifier.map { (key: $0.key, value: $0.value) }))
        })
        return PaperGraph(
            paperKeys: paperKeys, titles: titles, abstracts: sharedAbstracts.map { TextStore($0, rows: abstractRows) } ?? TextStore(abstracts), dates: dates, dois: dois, arxivIDs: arxivIDs,
            years: years, paperVenues: paperVenues, paperTypes: paperTypes, truncatedAuthorLists: truncated,
            paperAuthors: paperAuthors, paperAuthorVariants: authors.paperVariants,
            paperCategories: paperCategories,
            paperInstitutions: paperInstitutions,
            paperSources: paperSourceLists.lists,
            paperVersions: papers.versions,
            authorNames: StringColumn(authors.displayNames),
            authorPapers: authorPapers,
            authorVariants: AdjacencyLists(authors.authorVariants),
            variantNames: StringColumn(resolved.variantNames),
            authorIdentifiers: StringColumn(authors.identifiers),
            authorsByFoldedName: authorIndexes.byFoldedName,
            authorsByFamilyName: authorIndexes.byFamilyName,
            authorsByIdentifier: authorIndexes.byIdentifier,
            venues: papers.venues,
            categories: papers.categories,
            institutions: papers.institutions,
            sourceNames: sources.names,
            coauthorIndex: coauthorIndex,
            wordPapers: text.wordPapers, wordsByText: text.wordsByText, papersByTitle: text.papersByTitle,
            papersByKey: papers.byKey)
    }

    /// Version links by paper id, made symmetric; links to ids not in the graph are dropped.
    private func resolveVersions(_ papersByKey: StringIndex) -> [[UInt32]] {
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

/// Interns the values of one facet by folded name; the first spelling seen is kept.
struct FacetInterner {
    private(set) var names: [String] = []
    private var ids: [String: UInt32] = [:]
    private var exact: [String: UInt32] = [:]
    /// Spellings seen, by their bytes, and their ids: most values repeat, and need no string.
    private var exactBytes = ByteStringTable(capacity: 1 << 10)
    private var exactBytesIDs: [UInt32] = []

    mutating func intern(bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let known = exactBytes.count
        let entry = Int(exactBytes.intern(bytes))
        if entry < known { return exactBytesIDs[entry] }
        let id = intern(String(decoding: bytes, as: UTF8.self))
        exactBytesIDs.append(id)
        return id
    }

    mutating func intern(_ name: String) -> UInt32 {
        if let id = exact[name] { return id }
        let key = TextFolding.fold(name)
        let id: UInt32
        if let known = ids[key] {
            id = known
        } else {
            id = UInt32(names.count)
            names.append(name)
            ids[key] = id
        }
        exact[name] = id
        return id
    }

    func facet(paperLists: AdjacencyLists) -> Facet {
        Facet(names: names, papers: AdjacencyLists(inverting: paperLists, targetCount: names.count))
    }
}

/// Lists of ids written row by row into one flat array (no array per row).
struct ListBuilder {
    private var ends: [Int] = []
    private var values: [UInt32] = []
    private var rowStart = 0

    /// Adds an id to the row being written unless the row has it already.
    mutating func appendUnique(_ id: UInt32) {
        for index in rowStart..<values.count where values[index] == id { return }
        values.append(id)
    }

    mutating func endRow() {
        ends.append(values.count)
        rowStart = values.count
    }

    var lists: AdjacencyLists { AdjacencyLists(ends: ends, values: values) }
}
