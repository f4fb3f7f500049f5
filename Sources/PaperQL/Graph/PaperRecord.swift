/// One paper as it arrives from a data source, before it becomes part of a `PaperGraph`.
///
/// This is the native record shape: the JSON Lines format documented in the README maps
/// one-to-one onto these fields, and every importer produces these values.
public struct PaperRecord: Sendable, Equatable {
    /// The source's identifier for the paper (unique within a corpus).
    public var id: String
    public var title: String
    /// Author names in byline order, as the source wrote them.
    public var authors: [String]
    /// The source's identifiers of the authors, aligned with `authors` (`""` where it gives
    /// none; empty when it gives none at all), namespaced: `acl:yang-liu-ict`,
    /// `openalex:A5023888391`, `orcid:0000-0002-1825-0097`. An identifier makes an author a
    /// person: names with one identifier are one person, names with two are two.
    public var authorIDs: [String]
    /// The source showed only some of the authors (a cut-off list or "et al.").
    public var authorsTruncated: Bool
    public var year: Int?
    /// An ISO-8601 date (`2022-03-29`) or a prefix of one (`2022-03`), when the source gives it.
    public var date: String?
    public var venue: String?
    public var type: PaperType?
    public var categories: [String]
    public var institutions: [String]
    public var abstract: String?
    /// Where the record came from (a page, a file, a URL).
    public var sources: [String]
    /// Ids of other versions of the same work (a preprint and its conference version).
    public var versions: [String]
    public var doi: String?
    public var arxivID: String?

    public init(
        id: String,
        title: String,
        authors: [String] = [],
        authorIDs: [String] = [],
        authorsTruncated: Bool = false,
        year: Int? = nil,
        date: String? = nil,
        venue: String? = nil,
        type: PaperType? = nil,
        categories: [String] = [],
        institutions: [String] = [],
        abstract: String? = nil,
        sources: [String] = [],
        versions: [String] = [],
        doi: String? = nil,
        arxivID: String? = nil
    ) {
        self.id = id
        self.title = title
        self.authors = authors
        self.authorIDs = authorIDs
        self.authorsTruncated = authorsTruncated
        self.year = year
        self.date = date
        self.venue = venue
        self.type = type
        self.categories = categories
        self.institutions = institutions
        self.abstract = abstract
        self.sources = sources
        self.versions = versions
        self.doi = doi
        self.arxivID = arxivID
    }
}

extension PaperRecord {
    /// The identifier the source gives the author at a byline position, if any.
    public func authorID(at position: Int) -> String? {
        guard position < authorIDs.count, !authorIDs[position].isEmpty else { return nil }
        return authorIDs[position]
    }

    /// Years the graph stores; anything else counts as unknown.
    public static let validYears = 1...9999

    /// The year, when it is one the graph can store.
    var storableYear: Int? {
        year.flatMap { Self.validYears.contains($0) ? $0 : nil }
    }
}

/// The kind of publication.
public enum PaperType: String, Sendable, CaseIterable, Codable {
    case conference
    case journal
    case preprint
    case book
    case thesis
    case other
}
