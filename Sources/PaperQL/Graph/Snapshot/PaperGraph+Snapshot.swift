/// Writing a built graph, indexes included, to a compact versioned binary file, and loading it
/// back far faster than re-importing. A file from another format version, a truncated one or a
/// corrupted one is refused with a `SnapshotError`.
extension PaperGraph {
    public func writeSnapshot(to path: String) throws(SnapshotError) {
        var writer = try SnapshotWriter(path: path)
        do {
            try writeSections(to: &writer)
        } catch {
            writer.discard()
            throw error
        }
    }

    private func writeSections(to writer: inout SnapshotWriter) throws(SnapshotError) {
        try writer.write(UInt64(paperCount))
        try writer.write(UInt64(authorCount))
        try writer.write(paperKeys)
        try writer.write(titles)
        try writer.write(abstracts)
        try writer.write(dates)
        try writer.write(dois)
        try writer.write(arxivIDs)
        try writer.write(years)
        try writer.write(paperVenues)
        try writer.write(paperTypes)
        try writer.write(truncatedAuthorLists)
        try writer.write(paperAuthors)
        try writer.write(paperAuthorVariants)
        try writer.write(paperCategories)
        try writer.write(paperInstitutions)
        try writer.write(paperSources)
        try writer.write(paperVersions)
        try writer.write(authorNames)
        try writer.write(authorPapers)
        try writer.write(authorVariants)
        try writer.write(variantNames)
        try writer.write(authorIdentifiers)
        try writer.write(authorsByFoldedName)
        try writer.write(authorsByFamilyName)
        try writer.write(authorsByIdentifier)
        try writer.write(venues)
        try writer.write(categories)
        try writer.write(institutions)
        try writer.write(sourceNames)
        try writer.write(coauthorIndex.coauthors)
        try writer.write(coauthorIndex.sharedPapers)
        try writer.write(coauthorIndex.largePapers)
        try writer.write(wordPapers)
        try writer.write(wordsByText)
        try writer.write(papersByTitle)
        try writer.write(papersByKey)
        try writer.finish()
    }

    public static func loadSnapshot(from path: String) throws(SnapshotError) -> PaperGraph {
        let reader = try SnapshotReader(path: path)
        // The checksum runs on one core while the payload is read on the other; a damaged file
        // is reported as such even when reading it failed first.
        let (checksumMatches, graph) = inParallel({ reader.checksumMatches() }, {
            var copy = reader
            return Result { () throws(SnapshotError) -> PaperGraph in try read(from: &copy) }
        })
        guard checksumMatches else { throw .checksumMismatch }
        return try graph.get()
    }

    private static func read(from reader: inout SnapshotReader) throws(SnapshotError) -> PaperGraph {
        let paperCount = Int(clamping: try reader.readUInt64("paper count"))
        let authorCount = Int(clamping: try reader.readUInt64("author count"))
        let paperKeys = try reader.readStringColumn("paper ids", count: paperCount)
        let titles = try reader.readStringColumn("titles", count: paperCount)
        let abstracts = try reader.readText("abstracts", count: paperCount)
        let dates = try reader.readStringColumn("dates", count: paperCount)
        let dois = try reader.readStringColumn("DOIs", count: paperCount)
        let arxivIDs = try reader.readStringColumn("arXiv ids", count: paperCount)
        let years = try reader.readArray(Int16.self, "years").array
        let paperVenues = try reader.readArray(UInt32.self, "venues of papers").array
        let paperTypes = try reader.readArray(UInt8.self, "types").array
        let truncated = try reader.readFlags("truncation flags")
        guard years.count == paperCount, paperVenues.count == paperCount, paperTypes.count == paperCount,
            truncated.count == paperCount
        else { throw .corrupt("paper columns differ in length") }
        guard paperTypes.allSatisfy({ Int($0) <= PaperType.allCases.count }) else { throw .corrupt("paper types") }
        guard zip(years, years.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw .corrupt("papers out of year order") }
        guard (years.first ?? 0) >= 0, Int(years.last ?? 0) <= PaperRecord.validYears.upperBound else {
            throw .corrupt("years out of range")
        }
        let paperAuthors = try reader.readLists("authorships", rows: paperCount, valueLimit: authorCount)
        let variantLists = try reader.readArraysDeferred()
        let paperCategories = try reader.readLists("categories of papers", rows: paperCount, valueLimit: Int(UInt32.max))
        let paperInstitutions = try reader.readLists("institutions of papers", rows: paperCount, valueLimit: Int(UInt32.max))
        let paperSources = try reader.readLists("sources of papers", rows: paperCount, valueLimit: Int(UInt32.max))
        let paperVersions = try reader.readLists("versions", rows: paperCount, valueLimit: paperCount)
        let authorNames = try reader.readStringColumn("author names", count: authorCount)
        let authorPapers = try reader.readLists("papers of authors", rows: authorCount, valueLimit: paperCount)
        let authorVariants = try reader.readLists("name variants of authors", rows: authorCount, valueLimit: Int(UInt32.max))
        let variantNames = try reader.readStringColumn("name variants")
        let paperAuthorVariants = try variantLists.validated("written names", rows: paperCount, valueLimit: variantNames.count)
        guard SnapshotReader.allBelow(authorVariants.values, variantNames.count) else { throw .corrupt("name variants") }
        guard paperAuthorVariants.values.count == paperAuthors.values.count else { throw .corrupt("written names") }
        let authorIdentifiers = try reader.readStringColumn("author identifiers", count: authorCount)
        let byFoldedName = try reader.readMultiIndex("author name index", valueLimit: authorCount)
        let byFamilyName = try reader.readMultiIndex("family name index", valueLimit: authorCount)
        let byIdentifier = try reader.readIndex("author identifier index", valueLimit: authorCount)
        let venues = try reader.readFacet("venues", paperCount: paperCount)
        let categories = try reader.readFacet("categories", paperCount: paperCount)
        let institutions = try reader.readFacet("institutions", paperCount: paperCount)
        let sourceNames = try reader.readStrings("sources")
        guard paperVenues.allSatisfy({ $0 == noValue || Int($0) < venues.count }),
            SnapshotReader.allBelow(paperCategories.values, categories.count),
            SnapshotReader.allBelow(paperInstitutions.values, institutions.count),
            SnapshotReader.allBelow(paperSources.values, sourceNames.count)
        else { throw .corrupt("facet references") }
        let coauthors = try reader.readLists("coauthors", rows: authorCount, valueLimit: authorCount)
        let sharedPapers = try reader.readArray(UInt32.self, "shared papers")
        guard sharedPapers.count == coauthors.values.count else { throw .corrupt("shared papers") }
        let largePapers = try reader.readLists("large collaborations", rows: authorCount, valueLimit: paperCount)
        let coauthorIndex = CoauthorIndex(coauthors: coauthors, sharedPapers: sharedPapers, largePapers: largePapers)
        let wordPapers = try reader.readLists("word index", rows: nil, valueLimit: paperCount)
        let wordsByText = try reader.readIndex("vocabulary", valueLimit: wordPapers.count)
        let papersByTitle = try reader.readMultiIndex("title index", valueLimit: paperCount)
        let papersByKey = try reader.readIndex("paper id index", valueLimit: paperCount)
        guard reader.isAtEnd else { throw .corrupt("unexpected data after the last section") }
        return PaperGraph(
            paperKeys: paperKeys, titles: titles, abstracts: abstracts, dates: dates, dois: dois, arxivIDs: arxivIDs,
            years: years, paperVenues: paperVenues, paperTypes: paperTypes, truncatedAuthorLists: truncated,
            paperAuthors: paperAuthors, paperAuthorVariants: paperAuthorVariants, paperCategories: paperCategories,
            paperInstitutions: paperInstitutions, paperSources: paperSources, paperVersions: paperVersions,
            authorNames: authorNames, authorPapers: authorPapers, authorVariants: authorVariants,
            variantNames: variantNames, authorIdentifiers: authorIdentifiers, authorsByFoldedName: byFoldedName,
            authorsByFamilyName: byFamilyName, authorsByIdentifier: byIdentifier,
            venues: venues, categories: categories, institutions: institutions, sourceNames: sourceNames,
            coauthorIndex: coauthorIndex, wordPapers: wordPapers, wordsByText: wordsByText, papersByTitle: papersByTitle, papersByKey: papersByKey)
    }
}

/// Lists read before the table they refer to is known, validated afterwards.
struct DeferredLists {
    let ends: Column<Int>
    let values: Column<UInt32>

    func validated(_ what: String, rows: Int, valueLimit: Int) throws(SnapshotError) -> AdjacencyLists {
        guard (ends.last ?? 0) == values.count, ends.count == rows else { throw .corrupt("\(what) does not match") }
        guard SnapshotReader.allBelow(values, valueLimit) else { throw .corrupt("\(what) refers past its table") }
        return AdjacencyLists(ends: ends, values: values)
    }
}

extension SnapshotReader {
    mutating func readArraysDeferred() throws(SnapshotError) -> DeferredLists {
        DeferredLists(ends: try readEnds("written names"), values: try readArray(UInt32.self, "written names"))
    }
}
