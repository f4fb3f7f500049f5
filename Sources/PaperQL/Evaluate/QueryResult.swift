/// The value of a statement, typed by kind. Front ends format it; the library never prints it.
///
/// A path and a profile are boxed (`indirect`): a profile holds a dozen arrays, and unboxed it
/// made every result that large, copied at each step of every query.
public enum QueryResult: Sendable {
    case papers(PaperRows)
    case authors(AuthorRows)
    case venues(VenueRows)
    case groups(GroupRows)
    case count(Int)
    indirect case path(PathResult)
    indirect case profile(ProfileResult)

    public var kind: ResultKind {
        switch self {
        case .papers: .papers
        case .authors: .authors
        case .venues: .venues
        case .groups: .groups
        case .count: .count
        case .path: .path
        case .profile: .profile
        }
    }

    /// Rows in the result (1 for a count; the steps of a path; a profile's works).
    public var rowCount: Int {
        switch self {
        case .papers(let rows): rows.papers.count
        case .authors(let rows): rows.rows.count
        case .venues(let rows): rows.rows.count
        case .groups(let rows): rows.rows.count
        case .count: 1
        case .path(let path): path.steps.count
        case .profile(let profile): profile.works.count
        }
    }
}

/// Papers in display order, and the fields to show.
public struct PaperRows: Sendable {
    public var papers: [PaperID]
    public var columns: [Field]
    public static let defaultColumns: [Field] = [.title, .year, .venue, .authors]
}

public struct AuthorRow: Sendable, Equatable {
    public let author: AuthorID
    /// Papers of this author in the set the rows came from (all their papers for `authors`
    /// and `coauthors`).
    public let papers: Int
    /// Papers shared with the authors asked about (`coauthors of`).
    public let shared: Int?
    /// Coauthor hops from the authors asked about (`coauthors of … within N`).
    public let distance: Int?
}

public struct AuthorRows: Sendable {
    public var rows: [AuthorRow]
    public var columns: [Field]
    /// The people asked about (`coauthors of A`: the authors of A), who are not rows themselves;
    /// the centre of the result's graph (`ResultGraph`). Empty for other sets of authors.
    public var origin: [AuthorID] = []
}

public struct VenueRow: Sendable, Equatable {
    public let name: String
    public let papers: Int
}

public struct VenueRows: Sendable {
    public var rows: [VenueRow]
    public var columns: [Field]
}

/// One group of `count by`.
public struct GroupRow: Sendable, Equatable {
    public enum Key: Sendable, Hashable {
        case year(Int)
        case text(String)
        /// Papers without a value for the field.
        case none
    }

    public let key: Key
    public let count: Int
}

public struct GroupRows: Sendable {
    public let field: Field
    public var rows: [GroupRow]
    public var columns: [Field]
}

/// A shortest coauthor path, or the news that there is none.
public struct PathResult: Sendable {
    public struct Step: Sendable, Equatable {
        public let author: AuthorID
        /// The paper linking this author to the previous one (nil for the first step).
        public let via: PaperID?
    }

    public let from: String
    public let to: String
    /// Empty when no path exists.
    public let steps: [Step]
    public var found: Bool { !steps.isEmpty }
    /// Coauthor hops: one less than the number of steps.
    public var length: Int { max(0, steps.count - 1) }
}
