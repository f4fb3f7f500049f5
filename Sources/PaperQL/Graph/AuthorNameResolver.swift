/// Decides which written names are the same author.
///
/// Names that fold to the same text (`Łukasz Kaiser`, `Lukasz Kaiser`) are one author, and so
/// are compatible names on one byline (`Scott Reed` and `Scott E. Reed` listed on the same
/// paper, as happens when two listings of a paper are merged).
struct AuthorNameResolver {
    private(set) var variantNames: [String] = []
    private var variantIDs: [String: UInt32] = [:]
    private var variantUses: [Int] = []
    /// Variant → folded-name id.
    private var variantFoldedName: [UInt32] = []
    private var foldedNames: [String] = []
    private var foldedNameIDs: [String: UInt32] = [:]
    /// The last word of each folded name, as an id.
    private var familyOfFoldedName: [UInt32] = []
    private var familyIDs: [String: UInt32] = [:]
    /// Union-find forest over folded-name ids.
    private var parent: [UInt32] = []

    struct Resolution {
        var paperAuthors: [[UInt32]]
        var paperVariants: [[UInt32]]
        var displayNames: [String]
        var authorVariants: [[UInt32]]
        var byFoldedName: [String: UInt32]
        var byFamilyName: [String: [UInt32]]
    }

    /// Interns one paper's author names; returns their variant ids (empty names dropped).
    mutating func addByline(_ names: [String]) -> [UInt32] {
        var byline: [UInt32] = []
        byline.reserveCapacity(names.count)
        for raw in names {
            let name = Self.isNormalized(raw) ? raw : raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            guard !name.isEmpty else { continue }
            byline.append(internVariant(name))
        }
        if byline.count > 1 { unionCompatibleNames(in: byline) }
        return byline
    }

    /// ASCII text without leading, trailing or doubled spaces and without other whitespace.
    private static func isNormalized(_ name: String) -> Bool {
        var previousSpace = true
        for byte in name.utf8 {
            if byte >= 0x80 { return false }
            if byte == UInt8(ascii: " ") {
                if previousSpace { return false }
                previousSpace = true
            } else {
                if byte < 0x20 { return false }
                previousSpace = false
            }
        }
        return !previousSpace
    }

    private mutating func internVariant(_ name: String) -> UInt32 {
        if let id = variantIDs[name] {
            variantUses[Int(id)] += 1
            return id
        }
        let id = UInt32(variantNames.count)
        variantIDs[name] = id
        variantNames.append(name)
        variantUses.append(1)
        var folded = TextFolding.fold(name)
        if folded.isEmpty { folded = name }
        let foldedID: UInt32
        if let known = foldedNameIDs[folded] {
            foldedID = known
        } else {
            foldedID = UInt32(foldedNames.count)
            foldedNameIDs[folded] = foldedID
            foldedNames.append(folded)
            let family = folded.split(separator: " ").last.map(String.init) ?? folded
            if let known = familyIDs[family] {
                familyOfFoldedName.append(known)
            } else {
                let familyID = UInt32(familyIDs.count)
                familyIDs[family] = familyID
                familyOfFoldedName.append(familyID)
            }
            parent.append(foldedID)
        }
        variantFoldedName.append(foldedID)
        return id
    }

    private mutating func unionCompatibleNames(in byline: [UInt32]) {
        let folded = byline.map { variantFoldedName[Int($0)] }
        // Only different names sharing a family name can be the same person.
        let families = folded.map { familyOfFoldedName[Int($0)] }
        var shared = false
        if families.count <= 32 {
            search: for i in 0..<families.count {
                for j in (i + 1)..<families.count where families[i] == families[j] && folded[i] != folded[j] {
                    shared = true
                    break search
                }
            }
        } else {
            shared = Set(families).count < families.count
        }
        guard shared else { return }
        // Compare only names with the same family name.
        var byFamily: [Substring: [(UInt32, PersonName)]] = [:]
        for id in Set(folded) {
            guard let person = PersonName(folded: foldedNames[Int(id)]) else { continue }
            byFamily[person.family, default: []].append((id, person))
        }
        for group in byFamily.values where group.count > 1 {
            for i in 0..<group.count {
                for j in (i + 1)..<group.count where group[i].1.isCompatible(with: group[j].1) {
                    union(group[i].0, group[j].0)
                }
            }
        }
    }

    private mutating func find(_ node: UInt32) -> UInt32 {
        var root = node
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var current = node
        while parent[Int(current)] != root {
            let next = parent[Int(current)]
            parent[Int(current)] = root
            current = next
        }
        return root
    }

    private mutating func union(_ a: UInt32, _ b: UInt32) {
        let rootA = find(a)
        let rootB = find(b)
        if rootA != rootB { parent[Int(max(rootA, rootB))] = min(rootA, rootB) }
    }

    /// Assigns author ids (in order of first appearance) and maps every byline onto them.
    mutating func resolve(bylines: [[UInt32]]) -> Resolution {
        var authorOfRoot: [UInt32: UInt32] = [:]
        var authorOfVariant = [UInt32](repeating: 0, count: variantNames.count)
        var authorVariants: [[UInt32]] = []
        var paperAuthors: [[UInt32]] = []
        var paperVariants: [[UInt32]] = []
        paperAuthors.reserveCapacity(bylines.count)
        paperVariants.reserveCapacity(bylines.count)
        var variantSeen = [Bool](repeating: false, count: variantNames.count)
        for byline in bylines {
            var authors: [UInt32] = []
            var variants: [UInt32] = []
            for variant in byline {
                let root = find(variantFoldedName[Int(variant)])
                let author: UInt32
                if let known = authorOfRoot[root] {
                    author = known
                } else {
                    author = UInt32(authorVariants.count)
                    authorOfRoot[root] = author
                    authorVariants.append([])
                }
                if !variantSeen[Int(variant)] {
                    variantSeen[Int(variant)] = true
                    authorOfVariant[Int(variant)] = author
                    authorVariants[Int(author)].append(variant)
                }
                if let position = authors.firstIndex(of: author) {
                    // The same person twice on one byline: keep the fuller written form.
                    if variantNames[Int(variant)].count > variantNames[Int(variants[position])].count {
                        variants[position] = variant
                    }
                } else {
                    authors.append(author)
                    variants.append(variant)
                }
            }
            paperAuthors.append(authors)
            paperVariants.append(variants)
        }
        let displayNames = authorVariants.map { variants in
            variantNames[Int(variants.max { isBetterDisplay($1, than: $0) } ?? variants[0])]
        }
        var byFoldedName: [String: UInt32] = [:]
        var byFamilyName: [String: [UInt32]] = [:]
        for (author, variants) in authorVariants.enumerated() {
            var families = Set<Substring>()
            for variant in variants {
                let folded = foldedNames[Int(variantFoldedName[Int(variant)])]
                byFoldedName[folded] = UInt32(author)
                if let person = PersonName(folded: folded) { families.insert(person.family) }
            }
            for family in families { byFamilyName[String(family), default: []].append(UInt32(author)) }
        }
        return Resolution(
            paperAuthors: paperAuthors, paperVariants: paperVariants, displayNames: displayNames,
            authorVariants: authorVariants, byFoldedName: byFoldedName, byFamilyName: byFamilyName)
    }

    /// The most used written form; on a tie the one with accents, then the longer one.
    private func isBetterDisplay(_ a: UInt32, than b: UInt32) -> Bool {
        let usesA = variantUses[Int(a)]
        let usesB = variantUses[Int(b)]
        if usesA != usesB { return usesA > usesB }
        let nameA = variantNames[Int(a)]
        let nameB = variantNames[Int(b)]
        let accentsA = nameA.unicodeScalars.filter { !$0.isASCII }.count
        let accentsB = nameB.unicodeScalars.filter { !$0.isASCII }.count
        if accentsA != accentsB { return accentsA > accentsB }
        if nameA.count != nameB.count { return nameA.count > nameB.count }
        return nameA < nameB
    }
}
