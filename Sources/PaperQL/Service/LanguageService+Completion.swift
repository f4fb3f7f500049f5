extension LanguageService {
    /// What can be typed at a cursor: keywords valid there, author names after `by` / `of` /
    /// `path from … to`, venues after `at`, categories after `in category`, institutions after
    /// `from`, fields in `show` / `sort by` / `count by`, and `let` names.
    ///
    /// Items match the word or string being typed (case- and accent-insensitively for names);
    /// keywords and fields come in the language's order, names most papers first.
    public func completions(in text: String, at offset: Int, limit: Int = 100) -> CompletionList {
        let source = SourceFile(name: "<query>", text: text)
        let cursor = Self.clamp(offset, in: source)
        let context = CursorContext.at(cursor, in: source)
        let syntax = context.syntax
        let environment = environment(at: syntax)
        let typed = context.partial?.typed ?? ""
        let inString = context.partial?.isString ?? false
        var items: [CompletionItem] = []
        var seen = Set<String>()
        func add(_ candidates: [CompletionItem]) {
            for item in candidates where seen.insert(item.insertText).inserted { items.append(item) }
        }
        func keywords(_ keywords: [Keyword]) {
            guard !inString else { return }
            add(keywords.filter { Self.startsWith($0.rawValue, typed) }.map {
                CompletionItem(label: $0.rawValue, insertText: $0.rawValue, kind: .keyword, detail: KeywordDocs.summary($0))
            })
        }
        func variables(_ kind: ResultKind?) {
            guard !inString else { return }
            let names = environment.filter { kind == nil || $0.value == kind }.keys.sorted()
            add(names.filter { Self.startsWith($0, typed) }.map {
                CompletionItem(label: $0, insertText: $0, kind: .variable, detail: "let: \(environment[$0]?.rawValue ?? "")")
            })
        }
        let expected = syntax.expected
        for role in expected.roles.keys.sorted() {
            switch role {
            case .statement, .syntax:
                keywords(expected.keywords(as: role))
            case .set:
                keywords(expected.keywords(as: role))
                if expected.expects(.identifier, as: role) { variables(nil) }
            case .filter, .filterConnective:
                // Only papers can be filtered: the checker rejects `authors since 2020`.
                if let base = syntax.filterBase, let kind = kind(of: base, environment: environment), kind != .papers {
                    continue
                }
                // `authors` stands here only as a comparison's field.
                keywords(expected.keywords(as: role).filter { $0 != .authors })
                if role == .filter, !inString, expected.expects(.identifier, as: role) {
                    add(fieldItems(Field.comparable, typed: typed))
                }
            case .author:
                if expected.expects(.keyword(.exactly), as: role) { keywords([.exactly]) }
                if expected.expects(.identifier, as: role) { variables(.authors) }
                // A bare word may be a `let` name; names are offered once something is typed.
                if expected.expects(.string, as: role), inString || !typed.isEmpty {
                    add(authorItems(typed: typed, limit: limit))
                }
            case .authorConnective(let place):
                // `and` between authors means "on the same paper": only `by` allows it.
                keywords(expected.keywords(as: role).filter { $0 != .and || place == .by })
            case .field(let place):
                guard !inString else { continue }
                switch place {
                case .countBy: add(fieldItems(Field.groupable, typed: typed))
                case .sortBy: add(fieldItems(Field.sortable(for: rowKind(syntax, environment)), typed: typed))
                case .show: add(fieldItems(Field.shown(for: rowKind(syntax, environment)), typed: typed))
                }
            case .value(let place):
                switch place {
                case .venue: add(facetItems(graph.venues, kind: .venue, typed: typed, quoted: inString))
                case .category: add(facetItems(graph.categories, kind: .category, typed: typed, quoted: inString))
                case .institution: add(facetItems(graph.institutions, kind: .institution, typed: typed, quoted: inString))
                case .comparison:
                    if let field = syntax.comparisonField.flatMap({ Field(typed: $0.text) }) {
                        add(valueItems(field, typed: typed, quoted: inString, limit: limit))
                    }
                }
            case .newName, .year, .literal:
                continue
            }
        }
        return CompletionList(replacing: context.partial?.span ?? .at(cursor), items: Array(items.prefix(limit)))
    }

    /// The kind of the rows a stage at the cursor receives (papers when it cannot be told).
    private func rowKind(_ syntax: CursorSyntax, _ environment: [String: ResultKind]) -> ResultKind {
        syntax.stageInput.flatMap { kind(of: $0, environment: environment) } ?? .papers
    }

    private func fieldItems(_ fields: [Field], typed: String) -> [CompletionItem] {
        fields.filter { Self.startsWith($0.rawValue, typed) }.map {
            CompletionItem(label: $0.rawValue, insertText: $0.rawValue, kind: .field, detail: "field")
        }
    }

    func authorItems(typed: String, limit: Int) -> [CompletionItem] {
        let folded = TextFolding.fold(typed)
        let endsWord = typed.unicodeScalars.last.map { !$0.properties.isAlphabetic && !("0"..."9").contains($0) } ?? false
        return names.authors(startingWith: folded, typedEndsWord: endsWord, limit: limit).map { author in
            let name = graph.name(of: author)
            return CompletionItem(label: name, insertText: Self.quoted(name), kind: .author, detail: authorDetail(author))
        }
    }

    func authorDetail(_ author: AuthorID) -> String {
        let count = graph.paperCount(of: author)
        var detail = count == 1 ? "1 paper" : "\(count) papers"
        if let years = graph.activeYears(of: author) {
            detail += years.lowerBound == years.upperBound ? ", \(years.lowerBound)" : ", \(years.lowerBound)–\(years.upperBound)"
        }
        return detail
    }

    private func facetItems(_ facet: Facet, kind: CompletionItem.Kind, typed: String, quoted: Bool) -> [CompletionItem] {
        let folded = TextFolding.fold(typed)
        var matches: [(name: String, papers: Int)] = []
        for (index, name) in facet.names.enumerated() {
            let foldedName = TextFolding.fold(name)
            guard folded.isEmpty || foldedName.hasPrefix(folded) || foldedName.contains(" " + folded) else { continue }
            matches.append((name, facet.papers.count(index)))
        }
        matches.sort { $0.papers != $1.papers ? $0.papers > $1.papers : $0.name < $1.name }
        return matches.map { match in
            let insert = quoted || !Self.isBareWord(match.name) ? Self.quoted(match.name) : match.name
            return CompletionItem(label: match.name, insertText: insert, kind: kind,
                                  detail: match.papers == 1 ? "1 paper" : "\(match.papers) papers")
        }
    }

    private func valueItems(_ field: Field, typed: String, quoted: Bool, limit: Int) -> [CompletionItem] {
        switch field {
        case .venue: facetItems(graph.venues, kind: .venue, typed: typed, quoted: quoted)
        case .categories: facetItems(graph.categories, kind: .category, typed: typed, quoted: quoted)
        case .institutions: facetItems(graph.institutions, kind: .institution, typed: typed, quoted: quoted)
        case .authors: authorItems(typed: typed, limit: limit)
        case .type:
            PaperType.allCases.map(\.rawValue).filter { Self.startsWith($0, typed) }.map {
                CompletionItem(label: $0, insertText: quoted ? Self.quoted($0) : $0, kind: .value, detail: "type")
            }
        default: []
        }
    }

    // MARK: - Text

    static func startsWith(_ candidate: String, _ typed: String) -> Bool {
        typed.isEmpty || candidate.lowercased().hasPrefix(typed.lowercased())
    }

    /// A name in double quotes, with `"` and `\` escaped.
    public static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Whether a name reads as one bare word (no quotes needed): not a keyword, not a number.
    static func isBareWord(_ name: String) -> Bool {
        let tokens = Lexer.tokenize(SourceFile(name: "<name>", text: name)).tokens
        return tokens.count == 2 && tokens[0].kind == .identifier && tokens[0].span.length == name.utf8.count
    }
}
