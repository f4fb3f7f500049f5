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
    private var bylines: [AuthorNameResolver.Byline] = []
    private var paperCategoryLists: [[UInt32]] = []
    private var paperInstitutionLists: [[UInt32]] = []
    private var paperSourceLists: [[UInt32]] = []
    private var versionKeys: [[String]] = []

    private var venues = FacetInterner()
    private var categories = FacetInterner()
    private var institutions = FacetInterner()
    private var sources = FacetInterner()
    private var names = AuthorNameResolver()

    private var papersByKey: [String: UInt32] = [:]

    init(paperCapacity: Int) {
        years.reserveCapacity(paperCapacity)
        paperVenues.reserveCapacity(paperCapacity)
        paperTypes.reserveCapacity(paperCapacity)
        truncated.reserveCapacity(paperCapacity)
        bylines.reserveCapacity(paperCapacity)
    }

    mutating func addPaper(_ record: PaperRecord) {
        let paper = UInt32(years.count)
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
        bylines.append(names.addByline(record.authors, identifiers: record.authorIDs))
        paperCategoryLists.append(uniqueIDs(record.categories.map { categories.intern($0) }))
        paperInstitutionLists.append(uniqueIDs(record.institutions.map { institutions.intern($0) }))
        paperSourceLists.append(uniqueIDs(record.sources.map { sources.intern($0) }))
        versionKeys.append(record.versions)
        if papersByKey[record.id] == nil { papersByKey[record.id] = paper }
    }

    private func uniqueIDs(_ ids: [UInt32]) -> [UInt32] {
        var seen = Set<UInt32>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Builds the graph; `text` holds the word and title indexes, built alongside.
    consuming func finish(text: TextIndexAssembly.Indexes, names table: NameTable) -> PaperGraph {
        let authors = names.resolve(bylines: bylines, table: table)
        let paperAuthors = AdjacencyLists(authors.paperAuthors)
        let authorPapers = AdjacencyLists(inverting: paperAuthors, targetCount: authors.displayNames.count)
        return PaperGraph(
            paperKeys: paperKeys, titles: titles, abstracts: TextStore(abstracts), dates: dates, dois: dois, arxivIDs: arxivIDs,
            years: years, paperVenues: paperVenues, paperTypes: paperTypes, truncatedAuthorLists: truncated,
            paperAuthors: paperAuthors, paperAuthorVariants: AdjacencyLists(authors.paperVariants),
            paperCategories: AdjacencyLists(paperCategoryLists),
            paperInstitutions: AdjacencyLists(paperInstitutionLists),
            paperSources: AdjacencyLists(paperSourceLists),
            paperVersions: AdjacencyLists(resolveVersions()),
            authorNames: StringColumn(authors.displayNames),
            authorPapers: authorPapers,
            authorVariants: AdjacencyLists(authors.authorVariants),
            variantNames: StringColumn(names.variantNames),
            authorIdentifiers: StringColumn(authors.identifiers),
            authorsByFoldedName: StringMultiIndex(authors.byFoldedName),
            authorsByFamilyName: StringMultiIndex(authors.byFamilyName),
            authorsByIdentifier: StringIndex(authors.byIdentifier.map { (key: $0.key, value: $0.value) }),
            venues: venues.facet(paperLists: paperVenues.map { $0 == PaperGraph.noValue ? [] : [$0] }),
            categories: categories.facet(paperLists: paperCategoryLists),
            institutions: institutions.facet(paperLists: paperInstitutionLists),
            sourceNames: sources.names,
            coauthorIndex: CoauthorIndex(paperAuthors: paperAuthors, authorPapers: authorPapers),
            wordPapers: text.wordPapers, wordsByText: text.wordsByText, papersByTitle: text.papersByTitle,
            papersByKey: StringIndex(papersByKey.map { (key: $0.key, value: $0.value) }))
    }

    /// Version links by paper id, made symmetric; links to ids not in the graph are dropped.
    private func resolveVersions() -> [[UInt32]] {
        var links = [[UInt32]](repeating: [], count: years.count)
        for (paper, keys) in versionKeys.enumerated() {
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

    func facet(paperLists: [[UInt32]]) -> Facet {
        Facet(names: names, papers: AdjacencyLists(inverting: AdjacencyLists(paperLists), targetCount: names.count))
    }
}
