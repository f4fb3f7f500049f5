/// Decides which authorships are the same person.
///
/// - An identifier from the source (`acl:yang-liu-ict`, `openalex:A…`) makes a person: the
///   same identifier is one person whatever the spelling, two identifiers are two people even
///   with one name, unless a source gives both to one person (`NameTable`: a DBLP person record
///   and the ORCID it lists).
/// - A name written without an identifier is the person a name table (`NameTable`) gives for
///   it; else the person whose identifier is that name's own slug (`acl:yang-liu` for "Yang
///   Liu", `acl:mark-steedman` for "Mark Steedman": the Anthology's default); else the
///   person of all unmarked names that fold to the same text (`Łukasz Kaiser`, `Lukasz Kaiser`).
/// - Two names on one byline are two people unless they resolve to the same one above.
/// Tolerance (a missing middle name, an initial) is for matching what a user types, never for
/// joining people here.
struct AuthorNameResolver {
    private(set) var variantNames: [String] = []
    private var variantIDs: [String: UInt32] = [:]
    private var variantUses: [Int] = []
    /// Variant → folded-name id.
    private var variantFoldedName: [UInt32] = []
    private var foldedNames: [String] = []
    private var foldedNameIDs: [String: UInt32] = [:]
    private var identifierNames: [String] = []
    private var identifierIDs: [String: UInt32] = [:]
    /// Every paper's byline, flattened: written names (variant ids) and identifiers, aligned,
    /// and where each paper's run ends (one array each, not two small arrays per paper).
    private var bylineVariants: [UInt32] = []
    private var bylineIdentifiers: [UInt32] = []
    private var bylineEnds: [Int] = []
    /// Names as written in a record store's column, by their bytes, and the variant each is
    /// (`noVariant` for a name that is only white space): a name seen before costs a lookup of
    /// its bytes, no `String`.
    private var writtenNames = ByteStringTable()
    private var variantOfWritten: [UInt32] = []
    /// Identifiers as written in a record store's column, by their bytes, and the identifier
    /// each is: most authorships carry one (DBLP's homonym numbers), and a `String` and a
    /// dictionary lookup for each cost as much as the rest of the byline.
    private var writtenIdentifiers = ByteStringTable()
    private var identifierOfWritten: [UInt32] = []

    private static let noVariant = UInt32.max

    static let noIdentifier = UInt32.max

    /// Room for this many papers' bylines.
    mutating func reserveCapacity(papers: Int) {
        bylineEnds.reserveCapacity(papers)
    }

    struct Resolution {
        var paperAuthors: AdjacencyLists
        var paperVariants: AdjacencyLists
        var displayNames: [String]
        var authorVariants: [[UInt32]]
        /// The person's identifier, or "" for a person known by name alone.
        var identifiers: [String]
        var byFoldedName: [String: [UInt32]]
        var byFamilyName: [String: [UInt32]]
        var byIdentifier: [String: UInt32]
    }

    /// Interns the next paper's author names and identifiers (aligned; missing identifiers are
    /// none; empty names dropped). Papers are numbered in the order their bylines are added.
    mutating func addByline(_ names: [String], identifiers: [String] = []) {
        for (position, raw) in names.enumerated() {
            let name = Self.normalized(raw)
            guard !name.isEmpty else { continue }
            bylineVariants.append(internVariant(name))
            let identifier = position < identifiers.count ? identifiers[position] : ""
            bylineIdentifiers.append(identifier.isEmpty ? Self.noIdentifier : internIdentifier(identifier))
        }
        bylineEnds.append(bylineVariants.count)
    }

    /// `addByline(_:identifiers:)` for a row of a record store's columns, reading names as bytes.
    mutating func addByline(row: Int, names: StringListColumn, identifiers: StringListColumn) {
        let identifierItems = identifiers.itemRange(row)
        for (position, item) in names.itemRange(row).enumerated() {
            let written = names.strings.withBytes(item) { writtenNames.intern($0) }
            let variant: UInt32
            if Int(written) < variantOfWritten.count {
                variant = variantOfWritten[Int(written)]
                if variant != Self.noVariant { variantUses[Int(variant)] += 1 }
            } else {
                let name = Self.normalized(names.strings[item])
                variant = name.isEmpty ? Self.noVariant : internVariant(name)
                variantOfWritten.append(variant)
            }
            guard variant != Self.noVariant else { continue }
            bylineVariants.append(variant)
            let identifierItem = identifierItems.lowerBound + position
            let hasIdentifier = identifierItem < identifierItems.upperBound && !identifiers.strings.isEmpty(identifierItem)
            guard hasIdentifier else {
                bylineIdentifiers.append(Self.noIdentifier)
                continue
            }
            let writtenIdentifier = identifiers.strings.withBytes(identifierItem) { writtenIdentifiers.intern($0) }
            if Int(writtenIdentifier) < identifierOfWritten.count {
                bylineIdentifiers.append(identifierOfWritten[Int(writtenIdentifier)])
            } else {
                let identifier = internIdentifier(identifiers.strings[identifierItem])
                identifierOfWritten.append(identifier)
                bylineIdentifiers.append(identifier)
            }
        }
        bylineEnds.append(bylineVariants.count)
    }

    /// A written name with its white space collapsed to single spaces and trimmed.
    private static func normalized(_ raw: String) -> String {
        isNormalized(raw) ? raw : raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
        if let known = foldedNameIDs[folded] {
            variantFoldedName.append(known)
        } else {
            let foldedID = UInt32(foldedNames.count)
            foldedNameIDs[folded] = foldedID
            foldedNames.append(folded)
            variantFoldedName.append(foldedID)
        }
        return id
    }

    private mutating func internIdentifier(_ identifier: String) -> UInt32 {
        if let id = identifierIDs[identifier] { return id }
        let id = UInt32(identifierNames.count)
        identifierIDs[identifier] = id
        identifierNames.append(identifier)
        return id
    }

    /// Who a person is: an identifier, or a folded name no source identified.
    private enum PersonKey: Hashable {
        case identifier(UInt32)
        case name(UInt32)
    }

    /// Numbers given to person keys: two arrays indexed by the key's own number.
    private struct PersonNumbers {
        private var byIdentifier: [UInt32] = []
        private var byName: [UInt32] = []

        subscript(key: PersonKey) -> UInt32? {
            get {
                switch key {
                case .identifier(let id): Self.get(byIdentifier, Int(id))
                case .name(let group): Self.get(byName, Int(group))
                }
            }
            set {
                let value = newValue ?? UInt32.max
                switch key {
                case .identifier(let id): Self.set(&byIdentifier, Int(id), value)
                case .name(let group): Self.set(&byName, Int(group), value)
                }
            }
        }

        private static func get(_ table: [UInt32], _ index: Int) -> UInt32? {
            index < table.count && table[index] != UInt32.max ? table[index] : nil
        }

        private static func set(_ table: inout [UInt32], _ index: Int, _ value: UInt32) {
            if index >= table.count {
                table.append(contentsOf: repeatElement(UInt32.max, count: max(index + 1 - table.count, table.count)))
            }
            table[index] = value
        }
    }

    /// Assigns author ids (in order of first appearance) and maps every byline onto them.
    mutating func resolve(table: NameTable) -> Resolution {
        // Identifiers by their local part, for names written without one.
        var bySlug: [Substring: [UInt32]] = [:]
        for (id, identifier) in identifierNames.enumerated() { bySlug[NameTable.localPart(identifier), default: []].append(UInt32(id)) }

        // Unmarked spellings of one name: written names linked through a shared form
        // (`TextFolding.nameForms`: "Schütze" / "Schuetze", "Jun’ichi" / "Jun-ichi" / "Junichi").
        var spellings = SpellingGroups()
        var variantForms: [[String]] = []
        variantForms.reserveCapacity(variantNames.count)
        for (variant, name) in variantNames.enumerated() {
            let forms = TextFolding.nameForms(name, folded: foldedNames[Int(variantFoldedName[variant])])
            spellings.link(forms)
            variantForms.append(forms)
        }

        // The identifier each identifier's person is known by (the table may know a person by
        // several: an ORCID a DBLP person record lists is that record's person), on first use.
        var primaryOf: [UInt32] = []
        func primary(_ identifier: UInt32) -> UInt32 {
            if Int(identifier) < primaryOf.count, primaryOf[Int(identifier)] != Self.noIdentifier {
                return primaryOf[Int(identifier)]
            }
            let written = identifierNames[Int(identifier)]
            let known = table.primaryIdentifier(of: written)
            let result = known == written ? identifier : internIdentifier(known)
            if Int(identifier) >= primaryOf.count {
                primaryOf.append(contentsOf: repeatElement(Self.noIdentifier, count: Int(identifier) + 1 - primaryOf.count))
            }
            primaryOf[Int(identifier)] = result
            return result
        }

        // The person of each written name without an identifier, decided on first use.
        var unmarked = [PersonKey?](repeating: nil, count: variantNames.count)
        func key(variant: UInt32, identifier: UInt32) -> PersonKey {
            if identifier != Self.noIdentifier { return .identifier(primary(identifier)) }
            if let known = unmarked[Int(variant)] { return known }
            let forms = variantForms[Int(variant)]
            var resolved = PersonKey.name(spellings.group(of: forms[0]))
            if let fromTable = forms.lazy.compactMap({ table.identifier(forFoldedName: $0) }).first {
                resolved = .identifier(internIdentifier(fromTable))
            } else if let own = forms.lazy.compactMap({ bySlug[Substring(NameTable.slug($0))]?.first }).first {
                resolved = .identifier(primary(own))
            }
            unmarked[Int(variant)] = resolved
            return resolved
        }

        // Each person's author id, by identifier and by spelling group: arrays indexed by the
        // key's number, not a dictionary (two hash lookups per authorship were most of this).
        var authorOfKey = PersonNumbers()
        var keys: [PersonKey] = []
        var authorVariants: [[UInt32]] = []
        // Each written name is usually one person's: its first owner in an array, any others
        // (namesakes told apart by identifiers) in a set.
        var firstOwner = [UInt32](repeating: UInt32.max, count: variantNames.count)
        var otherOwners: Set<UInt64> = []
        func isNew(_ variant: UInt32, of author: UInt32) -> Bool {
            if Int(variant) >= firstOwner.count {
                firstOwner.append(contentsOf: repeatElement(UInt32.max, count: Int(variant) + 1 - firstOwner.count))
            }
            if firstOwner[Int(variant)] == UInt32.max {
                firstOwner[Int(variant)] = author
                return true
            }
            if firstOwner[Int(variant)] == author { return false }
            return otherOwners.insert(UInt64(author) << 32 | UInt64(variant)).inserted
        }
        // Each paper's authors (each person once) and the written name kept for each, flat.
        var authors: [UInt32] = []
        var variants: [UInt32] = []
        var rowEnds: [Int] = []
        authors.reserveCapacity(bylineVariants.count)
        variants.reserveCapacity(bylineVariants.count)
        rowEnds.reserveCapacity(bylineEnds.count)
        var start = 0
        for end in bylineEnds {
            let rowStart = authors.count
            // Where a person already is on this byline: a scan of the row, or past a long byline
            // (thousands of authors) a dictionary, so a huge byline stays linear.
            var positionOfAuthor: [UInt32: Int]? = end - start > 64 ? [:] : nil
            for index in start..<end {
                let variant = bylineVariants[index]
                let personKey = key(variant: variant, identifier: bylineIdentifiers[index])
                let author: UInt32
                if let known = authorOfKey[personKey] {
                    author = known
                } else {
                    author = UInt32(keys.count)
                    authorOfKey[personKey] = author
                    keys.append(personKey)
                    authorVariants.append([])
                }
                if isNew(variant, of: author) { authorVariants[Int(author)].append(variant) }
                let position = positionOfAuthor != nil
                    ? positionOfAuthor?[author] : authors[rowStart...].firstIndex(of: author)
                if let position {
                    // The same person twice on one byline: keep the fuller written form.
                    if variantNames[Int(variant)].count > variantNames[Int(variants[position])].count {
                        variants[position] = variant
                    }
                } else {
                    positionOfAuthor?[author] = authors.count
                    authors.append(author)
                    variants.append(variant)
                }
            }
            rowEnds.append(authors.count)
            start = end
        }
        bylineVariants = []
        bylineIdentifiers = []
        bylineEnds = []
        writtenNames = ByteStringTable()
        variantOfWritten = []
        writtenIdentifiers = ByteStringTable()
        identifierOfWritten = []
        let paperAuthors = AdjacencyLists(ends: rowEnds, values: authors)
        let paperVariants = AdjacencyLists(ends: rowEnds, values: variants)
        authors = []
        variants = []

        // Identifiers, the table's names for the people it knows, and display names.
        var identifiers: [String] = []
        var displayNames: [String] = []
        /// The people's other identifiers, which find them too.
        var otherIdentifiers: [(identifier: String, author: UInt32)] = []
        for (author, personKey) in keys.enumerated() {
            guard case .identifier(let id) = personKey else {
                identifiers.append("")
                displayNames.append(bestVariant(authorVariants[author]))
                continue
            }
            let identifier = identifierNames[Int(id)]
            identifiers.append(identifier)
            if let listed = table.person(identifier: identifier) {
                for name in listed.shownNames {
                    let variant = internListedVariant(name)
                    if isNew(variant, of: UInt32(author)) { authorVariants[author].append(variant) }
                }
                displayNames.append(listed.shownNames.first ?? bestVariant(authorVariants[author]))
                for other in listed.otherIdentifiers { otherIdentifiers.append((other, UInt32(author))) }
            } else {
                displayNames.append(bestVariant(authorVariants[author]))
            }
        }
        // The name indexes: every form of every written name (and identifiers) on one core,
        // family names on the other. Everything they read is a constant here.
        let (authorVariantLists, names, forms) = (authorVariants, variantNames, variantForms)
        let ((byFoldedName, byIdentifier), byFamilyName) = inParallel({
            Self.nameAndIdentifierIndex(authorVariants: authorVariantLists, variantNames: names, variantForms: forms,
                                        identifiers: identifiers, otherIdentifiers: otherIdentifiers)
        }, {
            Self.familyNameIndex(authorVariants: authorVariantLists, variantNames: names)
        })
        return Resolution(
            paperAuthors: paperAuthors, paperVariants: paperVariants, displayNames: displayNames,
            authorVariants: authorVariants, identifiers: identifiers, byFoldedName: byFoldedName,
            byFamilyName: byFamilyName, byIdentifier: byIdentifier)
    }

    /// Authors by every form of every name written for them (folded, and as `nameKey`), and by
    /// their identifiers, their own and their others (lower case).
    private static func nameAndIdentifierIndex(
        authorVariants: [[UInt32]], variantNames: [String], variantForms: [[String]], identifiers: [String],
        otherIdentifiers: [(identifier: String, author: UInt32)]
    ) -> (byFoldedName: [String: [UInt32]], byIdentifier: [String: UInt32]) {
        var byFoldedName = [String: [UInt32]](minimumCapacity: authorVariants.count + authorVariants.count / 2)
        var byIdentifier = [String: UInt32](minimumCapacity: identifiers.count)
        var forms = Set<String>()
        for (author, variants) in authorVariants.enumerated() {
            forms.removeAll(keepingCapacity: true)
            for variant in variants {
                let written = Int(variant) < variantForms.count
                    ? variantForms[Int(variant)] : TextFolding.nameForms(variantNames[Int(variant)])
                for form in written where forms.insert(form).inserted {
                    byFoldedName[form, default: []].append(UInt32(author))
                }
            }
            if !identifiers[author].isEmpty { byIdentifier[identifiers[author].lowercased()] = UInt32(author) }
        }
        for (identifier, author) in otherIdentifiers where byIdentifier[identifier.lowercased()] == nil {
            byIdentifier[identifier.lowercased()] = author
        }
        return (byFoldedName, byIdentifier)
    }

    /// Authors by the family names of their written names, as tolerant matching reads them (a
    /// hyphenated name is one word).
    private static func familyNameIndex(authorVariants: [[UInt32]], variantNames: [String]) -> [String: [UInt32]] {
        var byFamilyName = [String: [UInt32]](minimumCapacity: authorVariants.count / 2)
        var families = Set<Substring>()
        for (author, variants) in authorVariants.enumerated() {
            families.removeAll(keepingCapacity: true)
            for variant in variants {
                let name = variantNames[Int(variant)]
                for form in TextFolding.nameForms(name, folded: TextFolding.foldName(name)) {
                    if let person = PersonName(folded: form) { families.insert(person.family) }
                }
            }
            for family in families { byFamilyName[String(family), default: []].append(UInt32(author)) }
        }
        return byFamilyName
    }

    /// A name from the table, as a variant that no byline used (yet).
    private mutating func internListedVariant(_ name: String) -> UInt32 {
        if let id = variantIDs[name] { return id }
        let id = internVariant(name)
        variantUses[Int(id)] = 0
        return id
    }

    private func bestVariant(_ variants: [UInt32]) -> String {
        variantNames[Int(variants.max { isBetterDisplay($1, than: $0) } ?? variants[0])]
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

/// Written names that are spellings of one name, grouped: a union-find over their forms.
struct SpellingGroups {
    private var node: [String: UInt32] = [:]
    private var parent: [UInt32] = []

    /// Puts the forms of one written name in one group.
    mutating func link(_ forms: [String]) {
        guard let first = forms.first else { return }
        let root = find(intern(first))
        for form in forms.dropFirst() {
            let other = find(intern(form))
            if other != root { parent[Int(other)] = root }
        }
    }

    /// The group of a form (a form never linked is a group of its own).
    mutating func group(of form: String) -> UInt32 {
        find(intern(form))
    }

    private mutating func intern(_ form: String) -> UInt32 {
        if let known = node[form] { return known }
        let id = UInt32(parent.count)
        node[form] = id
        parent.append(id)
        return id
    }

    private mutating func find(_ start: UInt32) -> UInt32 {
        var current = start
        while parent[Int(current)] != current {
            parent[Int(current)] = parent[Int(parent[Int(current)])]
            current = parent[Int(current)]
        }
        return current
    }
}
