extension PaperRecord {
    /// Folds another record of the same paper into this one: the author list keeps the longest
    /// ordering and gains names it lacked, lists are unioned, and missing fields are filled in.
    public mutating func merge(_ other: PaperRecord) {
        let before = (complete: !authorsTruncated, count: authors.count)
        authors = Self.unionOfAuthors(authors, other.authors)
        // Complete only if one source listed every author and the union added nobody to it.
        authorsTruncated = ![before, (complete: !other.authorsTruncated, count: other.authors.count)]
            .contains { $0.complete && $0.count >= authors.count }
        if title.isEmpty { title = other.title }
        year = year ?? other.year
        if date == nil || (other.date?.count ?? 0) > (date?.count ?? 0) { date = other.date ?? date }
        venue = venue ?? other.venue
        type = type ?? other.type
        abstract = (abstract?.count ?? 0) >= (other.abstract?.count ?? 0) ? abstract : other.abstract
        doi = doi ?? other.doi
        arxivID = arxivID ?? other.arxivID
        categories = Self.union(categories, other.categories)
        institutions = Self.union(institutions, other.institutions)
        sources = Self.union(sources, other.sources)
        versions = Self.union(versions, other.versions).filter { $0 != id }
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set(a)
        var result = a
        for item in b where seen.insert(item).inserted { result.append(item) }
        return result
    }

    /// The longer list in its order, then the names only the shorter one has. Names that fold
    /// to compatible forms ("Scott Reed" / "Scott E. Reed") count once, the fuller form kept.
    static func unionOfAuthors(_ a: [String], _ b: [String]) -> [String] {
        var (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var parsed = long.map { PersonName(folded: TextFolding.fold($0)) }
        for name in short {
            let person = PersonName(folded: TextFolding.fold(name))
            if let person, let match = parsed.firstIndex(where: { $0.map { $0.isCompatible(with: person) } ?? false }) {
                if name.count > long[match].count { long[match] = name; parsed[match] = person }
            } else if person != nil {
                long.append(name)
                parsed.append(person)
            }
        }
        return long
    }
}
