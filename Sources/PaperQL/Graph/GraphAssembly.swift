/// The last steps of building a `PaperGraph`: its papers' columns are assembled (text fields
/// on one core, facets on the other), the bylines interned (`AuthorNameResolver`) and the text
/// indexes built; `finish` resolves authors and builds every other index.
struct GraphAssembly {
    var text: PaperTextColumns
    var facets: PaperFacetColumns

    /// Builds the graph from the assembled papers, their interned bylines (`names`), and the
    /// word and title indexes (`words`).
    consuming func finish(
        words: TextIndexAssembly.Indexes, names: consuming AuthorNameResolver, table: NameTable,
        progress: ((_ step: String, _ fractionDone: Double?) -> Void)? = nil
    ) -> PaperGraph {
        progress?("resolving authors", nil)
        // Resolving authors on one core; on the other, what does not depend on them: the paper
        // id index, version links and facets.
        var names = names
        let text = self.text
        let facets = self.facets
        let paperCategories = facets.paperCategoryLists.lists
        let paperInstitutions = facets.paperInstitutionLists.lists
        let (papers, resolved) = inParallel({
            // Paper ids in key order; for an id given twice the first paper is kept.
            let papersByKey = StringIndex(unsortedKeys: text.paperKeys, values: (0..<UInt32(facets.years.count)).map { $0 })
            var venueLists = ListBuilder()
            for venue in facets.paperVenues {
                if venue != PaperGraph.noValue { venueLists.appendUnique(venue) }
                venueLists.endRow()
            }
            return (byKey: papersByKey, versions: AdjacencyLists(facets.versionLinks(papersByKey)),
                    venues: facets.venues.facet(paperLists: venueLists.lists),
                    categories: facets.categories.facet(paperLists: paperCategories),
                    institutions: facets.institutions.facet(paperLists: paperInstitutions))
        }, {
            var authors = names.resolve(table: table)
            // The people's names, identifiers and variants as compact columns now, and the
            // resolver's tables (names and identifiers by text) freed: what is left of them is
            // held through the next step, the import's peak.
            let people = (names: StringColumn(authors.displayNames), identifiers: StringColumn(authors.identifiers),
                          variants: AdjacencyLists(authors.authorVariants), variantNames: StringColumn(names.variantNames))
            names = AuthorNameResolver()
            (authors.displayNames, authors.identifiers, authors.authorVariants) = ([], [], [])
            return (authors: authors, people: people)
        })
        var authors = resolved.authors
        let people = resolved.people
        let paperAuthors = authors.paperAuthors
        let authorPapers = AdjacencyLists(inverting: paperAuthors, targetCount: people.names.count)
        progress?("linking papers, authors and coauthors", nil)
        // The coauthor index on one core, the author name indexes on the other; each name
        // dictionary is freed as soon as its index is built (this step is the import's peak).
        var byFoldedName = authors.byFoldedName
        var byFamilyName = authors.byFamilyName
        var byIdentifier = authors.byIdentifier
        (authors.byFoldedName, authors.byFamilyName, authors.byIdentifier) = ([:], [:], [:])
        let (coauthorIndex, authorIndexes) = inParallel({
            CoauthorIndex(paperAuthors: paperAuthors, authorPapers: authorPapers)
        }, {
            let folded = StringMultiIndex(byFoldedName)
            byFoldedName = [:]
            let family = StringMultiIndex(byFamilyName)
            byFamilyName = [:]
            let identifiers = StringIndex(byIdentifier.map { (key: $0.key, value: $0.value) })
            byIdentifier = [:]
            return (byFoldedName: folded, byFamilyName: family, byIdentifier: identifiers)
        })
        return PaperGraph(
            paperKeys: text.paperKeys, titles: text.titles, abstracts: text.abstractStore, dates: text.dates, dois: text.dois,
            arxivIDs: text.arxivIDs,
            years: facets.years, paperVenues: facets.paperVenues, paperTypes: facets.paperTypes,
            truncatedAuthorLists: facets.truncated,
            paperAuthors: paperAuthors, paperAuthorVariants: authors.paperVariants,
            paperCategories: paperCategories,
            paperInstitutions: paperInstitutions,
            paperSources: facets.paperSourceLists.lists,
            paperVersions: papers.versions,
            authorNames: people.names,
            authorPapers: authorPapers,
            authorVariants: people.variants,
            variantNames: people.variantNames,
            authorIdentifiers: people.identifiers,
            authorsByFoldedName: authorIndexes.byFoldedName,
            authorsByFamilyName: authorIndexes.byFamilyName,
            authorsByIdentifier: authorIndexes.byIdentifier,
            venues: papers.venues,
            categories: papers.categories,
            institutions: papers.institutions,
            sourceNames: facets.sources.names,
            coauthorIndex: coauthorIndex,
            wordPapers: words.wordPapers, wordsByText: words.wordsByText, papersByTitle: words.papersByTitle,
            papersByKey: papers.byKey)
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
