/// The in-memory graph of papers, authors, venues, categories and institutions.
///
/// Immutable once built and `Sendable`: any number of queries can read it at once.
/// Build one with `GraphBuilder`, `DefaultCorpus.load()`, or a loader in `Data/`.
public final class PaperGraph: Sendable {
    // Papers, by PaperID.
    let paperKeys: StringColumn
    let titles: StringColumn
    let abstracts: TextStore
    let dates: StringColumn
    let dois: StringColumn
    let arxivIDs: StringColumn
    /// 0 when unknown. Ascending: papers are numbered in year order.
    let years: [Int16]
    /// `noValue` when the paper has no venue.
    let paperVenues: [UInt32]
    /// 0 when unknown, else 1 + the index in `PaperType.allCases`.
    let paperTypes: [UInt8]
    let truncatedAuthorLists: [Bool]
    /// Authors of each paper in byline order, and the name variant written for each.
    let paperAuthors: AdjacencyLists
    let paperAuthorVariants: AdjacencyLists
    let paperCategories: AdjacencyLists
    let paperInstitutions: AdjacencyLists
    let paperSources: AdjacencyLists
    let paperVersions: AdjacencyLists

    // Authors, by AuthorID.
    let authorNames: StringColumn
    /// Papers of each author, ascending (so by year).
    let authorPapers: AdjacencyLists
    let authorVariants: AdjacencyLists
    /// Every written form of every name.
    let variantNames: StringColumn
    /// Each author's identifier from the sources (`acl:yang-liu-ict`), or "" for a person known
    /// by name alone.
    let authorIdentifiers: StringColumn
    /// Folded variant → the authors written so (namesakes told apart by identifiers share one).
    let authorsByFoldedName: StringMultiIndex
    /// Folded family name → authors with it.
    let authorsByFamilyName: StringMultiIndex
    /// Lower-cased identifier → author.
    let authorsByIdentifier: StringIndex

    let venues: Facet
    let categories: Facet
    let institutions: Facet
    /// Distinct source names (pages, files).
    let sourceNames: [String]

    /// Distinct coauthors of each author with shared-paper counts (large collaborations apart).
    let coauthorIndex: CoauthorIndex

    /// Folded word → papers whose title or abstract contain it, ascending.
    let wordPapers: AdjacencyLists
    let wordsByText: StringIndex
    /// Folded title → papers.
    let papersByTitle: StringMultiIndex
    /// Paper key (the record id) → paper.
    let papersByKey: StringIndex

    static let noValue = UInt32.max

    init(
        paperKeys: StringColumn, titles: StringColumn, abstracts: TextStore, dates: StringColumn,
        dois: StringColumn, arxivIDs: StringColumn, years: [Int16], paperVenues: [UInt32], paperTypes: [UInt8],
        truncatedAuthorLists: [Bool], paperAuthors: AdjacencyLists, paperAuthorVariants: AdjacencyLists,
        paperCategories: AdjacencyLists, paperInstitutions: AdjacencyLists, paperSources: AdjacencyLists,
        paperVersions: AdjacencyLists, authorNames: StringColumn, authorPapers: AdjacencyLists,
        authorVariants: AdjacencyLists, variantNames: StringColumn, authorIdentifiers: StringColumn,
        authorsByFoldedName: StringMultiIndex, authorsByFamilyName: StringMultiIndex, authorsByIdentifier: StringIndex, venues: Facet, categories: Facet, institutions: Facet,
        sourceNames: [String], coauthorIndex: CoauthorIndex, wordPapers: AdjacencyLists, wordsByText: StringIndex,
        papersByTitle: StringMultiIndex, papersByKey: StringIndex
    ) {
        self.paperKeys = paperKeys
        self.titles = titles
        self.abstracts = abstracts
        self.dates = dates
        self.dois = dois
        self.arxivIDs = arxivIDs
        self.years = years
        self.paperVenues = paperVenues
        self.paperTypes = paperTypes
        self.truncatedAuthorLists = truncatedAuthorLists
        self.paperAuthors = paperAuthors
        self.paperAuthorVariants = paperAuthorVariants
        self.paperCategories = paperCategories
        self.paperInstitutions = paperInstitutions
        self.paperSources = paperSources
        self.paperVersions = paperVersions
        self.authorNames = authorNames
        self.authorPapers = authorPapers
        self.authorVariants = authorVariants
        self.variantNames = variantNames
        self.authorIdentifiers = authorIdentifiers
        self.authorsByFoldedName = authorsByFoldedName
        self.authorsByFamilyName = authorsByFamilyName
        self.authorsByIdentifier = authorsByIdentifier
        self.venues = venues
        self.categories = categories
        self.institutions = institutions
        self.sourceNames = sourceNames
        self.coauthorIndex = coauthorIndex
        self.wordPapers = wordPapers
        self.wordsByText = wordsByText
        self.papersByTitle = papersByTitle
        self.papersByKey = papersByKey
    }

    // MARK: - Sizes

    public var paperCount: Int { years.count }
    public var authorCount: Int { authorNames.count }
    public var venueCount: Int { venues.count }
    public var categoryCount: Int { categories.count }
    public var institutionCount: Int { institutions.count }
    public var authorshipCount: Int { paperAuthors.values.count }
    public var wordCount: Int { wordsByText.count }
}
