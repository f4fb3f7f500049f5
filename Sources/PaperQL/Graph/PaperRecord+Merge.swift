extension PaperRecord {
    /// Folds another record of the same paper into this one: the author list keeps the longest
    /// ordering and gains names it lacked, lists are unioned, and missing fields are filled in.
    public mutating func merge(_ other: PaperRecord) {
        let before = (complete: !authorsTruncated, count: authors.count)
        (authors, authorIDs) = Self.unionOfAuthors((authors, authorIDs), (other.authors, other.authorIDs))
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

    /// The longer list in its order, then the names only the shorter one has. Two entries are
    /// the same author when their identifiers are equal, or, when either has none, when their
    /// names fold to compatible forms ("Scott Reed" / "Scott E. Reed"); the fuller name and any
    /// identifier are kept. Identifiers come back aligned with the names (or empty if none).
    static func unionOfAuthors(_ a: (names: [String], ids: [String]), _ b: (names: [String], ids: [String]))
        -> (names: [String], ids: [String])
    {
        func padded(_ list: (names: [String], ids: [String])) -> [String] {
            list.ids.count == list.names.count ? list.ids : list.names.indices.map { $0 < list.ids.count ? list.ids[$0] : "" }
        }
        var (long, short) = a.names.count >= b.names.count ? ((a.names, padded(a)), (b.names, padded(b))) : ((b.names, padded(b)), (a.names, padded(a)))
        var parsed = long.0.map { PersonName(folded: TextFolding.foldName($0)) }
        for (name, id) in zip(short.0, short.1) {
            let person = PersonName(folded: TextFolding.foldName(name))
            let match: Int? =
                if !id.isEmpty, let same = long.1.firstIndex(of: id) { same }
                else if let person {
                    parsed.indices.first { index in
                        (id.isEmpty || long.1[index].isEmpty) && (parsed[index].map { $0.isCompatible(with: person) } ?? false)
                    }
                } else { nil }
            if let match {
                if name.count > long.0[match].count { long.0[match] = name; parsed[match] = person }
                if long.1[match].isEmpty { long.1[match] = id }
            } else if person != nil {
                long.0.append(name)
                long.1.append(id)
                parsed.append(person)
            }
        }
        return (long.0, long.1.allSatisfy(\.isEmpty) ? [] : long.1)
    }
}
