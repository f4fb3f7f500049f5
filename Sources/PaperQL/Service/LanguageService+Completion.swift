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
        let environment = environment(of: source, before: cursor)
        let typed = context.partial?.typed ?? ""
        let inString = context.partial?.isString ?? false
        var items: [CompletionItem] = []
        var seen = Set<String>()
        func add(_ candidates: [CompletionItem]) {
            for item in candidates where seen.insert(item.insertText).inserted { items.append(item) }
        }
        for expectation in context.expectations {
            switch expectation {
            case .keywords(let keywords):
                guard !inString else { continue }
                add(keywords.filter { Self.startsWith($0.rawValue, typed) }.map {
                    CompletionItem(label: $0.rawValue, insertText: $0.rawValue, kind: .keyword, detail: KeywordDocs.summary($0))
                })
            case .fields(let fields):
                if !inString { add(fieldItems(fields, typed: typed)) }
            case .sortableFields:
                if !inString { add(fieldItems(Field.sortable(for: rowKind(context, source)), typed: typed)) }
            case .shownFields:
                if !inString { add(fieldItems(Field.shown(for: rowKind(context, source)), typed: typed)) }
            case .variables(let kind):
                guard !inString else { continue }
                let names = environment.filter { kind == nil || $0.value == kind }.keys.sorted()
                add(names.filter { Self.startsWith($0, typed) }.map {
                    CompletionItem(label: $0, insertText: $0, kind: .variable, detail: "let: \(environment[$0]?.rawValue ?? "")")
                })
            case .authors:
                // A bare word after `by` may be a `let` name; names are offered once something is typed.
                if inString || !typed.isEmpty { add(authorItems(typed: typed, limit: limit)) }
            case .venues:
                add(facetItems(graph.venues, kind: .venue, typed: typed, quoted: inString))
            case .categories:
                add(facetItems(graph.categories, kind: .category, typed: typed, quoted: inString))
            case .institutions:
                add(facetItems(graph.institutions, kind: .institution, typed: typed, quoted: inString))
            case .values(let field):
                add(valueItems(field, typed: typed, quoted: inString, limit: limit))
            }
        }
        return CompletionList(replacing: context.partial?.span ?? .at(cursor), items: Array(items.prefix(limit)))
    }

    /// The `let` names in scope at a cursor: the service's, and those bound earlier in the text.
    func environment(of source: SourceFile, before cursor: Int) -> [String: ResultKind] {
        let parsed = Parser.parse(source)
        var checker = Checker(graph: graph, environment: environment)
        for statement in parsed.script.statements where statement.span.end < cursor {
            if case .binding = statement { _ = checker.check(statement) }
        }
        return checker.environment
    }

    private func rowKind(_ context: CursorContext, _ source: SourceFile) -> ResultKind {
        context.pipelineBeforeStage.flatMap { kind(ofPipeline: $0, in: source) } ?? .papers
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
