/// Reading papers and authors by id.
extension PaperGraph {
    public func key(of paper: PaperID) -> String { paperKeys[Int(paper.rawValue)] }
    public func title(of paper: PaperID) -> String { titles[Int(paper.rawValue)] }
    public func abstract(of paper: PaperID) -> String? {
        abstracts.isEmpty(Int(paper.rawValue)) ? nil : abstracts[Int(paper.rawValue)]
    }
    public func date(of paper: PaperID) -> String? { optional(dates, paper) }
    public func doi(of paper: PaperID) -> String? { optional(dois, paper) }
    public func arxivID(of paper: PaperID) -> String? { optional(arxivIDs, paper) }

    public func year(of paper: PaperID) -> Int? {
        let year = years[Int(paper.rawValue)]
        return year == 0 ? nil : Int(year)
    }

    public func venue(of paper: PaperID) -> String? {
        let venue = paperVenues[Int(paper.rawValue)]
        return venue == Self.noValue ? nil : venues.names[Int(venue)]
    }

    public func type(of paper: PaperID) -> PaperType? {
        let raw = paperTypes[Int(paper.rawValue)]
        return raw == 0 ? nil : PaperType.allCases[Int(raw) - 1]
    }

    public func authorsTruncated(_ paper: PaperID) -> Bool { truncatedAuthorLists[Int(paper.rawValue)] }

    /// The paper's authors in byline order.
    public func authors(of paper: PaperID) -> [AuthorID] {
        paperAuthors[Int(paper.rawValue)].map(AuthorID.init)
    }

    /// The author names as the source wrote them, in byline order.
    public func writtenAuthorNames(of paper: PaperID) -> [String] {
        paperAuthorVariants[Int(paper.rawValue)].map { variantNames[Int($0)] }
    }

    public func categories(of paper: PaperID) -> [String] {
        paperCategories[Int(paper.rawValue)].map { categories.names[Int($0)] }
    }

    public func institutions(of paper: PaperID) -> [String] {
        paperInstitutions[Int(paper.rawValue)].map { institutions.names[Int($0)] }
    }

    public func sources(of paper: PaperID) -> [String] {
        paperSources[Int(paper.rawValue)].map { sourceNames[Int($0)] }
    }

    /// Other versions of the same work.
    public func versions(of paper: PaperID) -> [PaperID] {
        paperVersions[Int(paper.rawValue)].map(PaperID.init)
    }

    public func paper(withKey key: String) -> PaperID? {
        papersByKey[key].map(PaperID.init)
    }

    public var allPapers: [PaperID] { (0..<UInt32(paperCount)).map(PaperID.init) }

    // MARK: - Authors

    public func name(of author: AuthorID) -> String { authorNames[Int(author.rawValue)] }

    /// Every way the author's name was written.
    public func variants(of author: AuthorID) -> [String] {
        authorVariants[Int(author.rawValue)].map { variantNames[Int($0)] }
    }

    /// The author's papers, oldest first.
    public func papers(of author: AuthorID) -> [PaperID] {
        authorPapers[Int(author.rawValue)].map(PaperID.init)
    }

    public func paperCount(of author: AuthorID) -> Int { authorPapers.count(Int(author.rawValue)) }

    /// First and last year of the author's papers that have a year.
    public func activeYears(of author: AuthorID) -> ClosedRange<Int>? {
        let list = authorPapers[Int(author.rawValue)]
        guard let first = list.first(where: { years[Int($0)] != 0 }), let last = list.last,
            years[Int(last)] != 0
        else { return nil }
        return Int(years[Int(first)])...Int(years[Int(last)])
    }

    public var allAuthors: [AuthorID] { (0..<UInt32(authorCount)).map(AuthorID.init) }

    // MARK: - Facets

    public var venueNames: [String] { venues.names }
    public var categoryNames: [String] { categories.names }
    public var institutionNames: [String] { institutions.names }

    public func paperCount(atVenue name: String) -> Int {
        guard let venue = venues.byFoldedName[TextFolding.fold(name)] else { return 0 }
        return venues.papers.count(Int(venue))
    }

    private func optional(_ column: StringColumn, _ paper: PaperID) -> String? {
        column.isEmpty(Int(paper.rawValue)) ? nil : column[Int(paper.rawValue)]
    }
}
