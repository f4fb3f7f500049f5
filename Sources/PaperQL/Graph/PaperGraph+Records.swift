extension PaperGraph {
    /// The paper as a record again (author names as written, with the people's identifiers,
    /// version links by id): for adding data to a loaded graph, and for writing it out.
    public func record(of paper: PaperID) -> PaperRecord {
        let identifiers = authors(of: paper).map { identifier(of: $0) ?? "" }
        return PaperRecord(
            id: key(of: paper), title: title(of: paper), authors: writtenAuthorNames(of: paper),
            authorIDs: identifiers.allSatisfy(\.isEmpty) ? [] : identifiers, authorsTruncated: authorsTruncated(paper), year: year(of: paper), date: date(of: paper),
            venue: venue(of: paper), type: type(of: paper), categories: categories(of: paper),
            institutions: institutions(of: paper), abstract: abstract(of: paper), sources: sources(of: paper),
            versions: versions(of: paper).map { key(of: $0) }, doi: doi(of: paper), arxivID: arxivID(of: paper))
    }

    /// Every paper as a record, in id order.
    public func records() -> [PaperRecord] {
        allPapers.map(record(of:))
    }
}
