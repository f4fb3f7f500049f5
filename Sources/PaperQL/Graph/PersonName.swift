/// A folded author name split into given names and a family name, for tolerant matching.
struct PersonName: Sendable, Equatable {
    /// Given names and initials, folded (`["scott", "e"]`).
    let given: [Substring]
    /// The last word, folded (`"reed"`).
    let family: Substring

    init?(folded: String) {
        let words = folded.split(separator: " ")
        guard let last = words.last else { return nil }
        family = last
        given = Array(words.dropLast())
    }

    /// Whether two names can be the same person: same family name, compatible first names
    /// (equal, or one an initial of the other), and middle names that are missing on one side
    /// or compatible.
    /// `Scott Reed` ~ `Scott E. Reed`; `J. Hunt` ~ `Jonathan J. Hunt`; `Scott E. Reed` ≁ `Scott F. Reed`.
    func isCompatible(with other: PersonName) -> Bool {
        guard family == other.family else { return false }
        if given.isEmpty || other.given.isEmpty { return true }
        guard Self.wordsMatch(given[0], other.given[0]) else { return false }
        let mine = given.dropFirst()
        let theirs = other.given.dropFirst()
        if mine.isEmpty || theirs.isEmpty { return true }
        // The shorter list of middle names must match, in order, words of the longer one.
        let (short, long) = mine.count <= theirs.count ? (mine, theirs) : (theirs, mine)
        var position = long.startIndex
        for word in short {
            guard let found = long[position...].firstIndex(where: { Self.wordsMatch(word, $0) }) else { return false }
            position = long.index(after: found)
        }
        return true
    }

    /// Whether this name is the other with one more given name in front, the other going by its
    /// second given name: "W. Bruce Croft" and "Bruce Croft", "Rebecca Hsue-Hueh Shih" and
    /// "Hsue-Hueh Shih". The other's first given name must be a full name, equal to this one's
    /// second. For finding people by a typed name, not for joining them.
    func addsALeadingGivenName(to other: PersonName) -> Bool {
        guard given.count >= 2, let first = other.given.first, first.count > 1, given[1] == first else { return false }
        return PersonName(given: Array(given.dropFirst()), family: family).isCompatible(with: other)
    }

    private init(given: [Substring], family: Substring) {
        self.given = given
        self.family = family
    }

    /// Two given names match when equal or when one is the initial of the other.
    static func wordsMatch(_ a: Substring, _ b: Substring) -> Bool {
        if a == b { return true }
        if a.count == 1, b.first == a.first { return true }
        if b.count == 1, a.first == b.first { return true }
        return false
    }
}
