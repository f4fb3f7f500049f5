/// A paper's position in a `PaperGraph`. Papers are numbered in (year, title) order, so a
/// year range is a contiguous range of ids.
public struct PaperID: Hashable, Comparable, Sendable {
    public let rawValue: UInt32
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    public static func < (lhs: PaperID, rhs: PaperID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An author (one person, possibly written several ways) in a `PaperGraph`.
public struct AuthorID: Hashable, Comparable, Sendable {
    public let rawValue: UInt32
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    public static func < (lhs: AuthorID, rhs: AuthorID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A value of a facet (a venue, a category, an institution) in a `PaperGraph`.
public struct FacetValueID: Hashable, Comparable, Sendable {
    public let rawValue: UInt32
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    public static func < (lhs: FacetValueID, rhs: FacetValueID) -> Bool { lhs.rawValue < rhs.rawValue }
}
