/// Set expressions and author references.
extension Checker {
    mutating func checkSet(_ expression: SetExpression) -> (CheckedSet, ResultKind)? {
        switch expression {
        case .invalid:
            failed = true
            return nil
        case .papers(_, let filter):
            var checkedFilter: CheckedFilter?
            if let filter {
                guard let checked = checkFilter(filter) else { return nil }
                checkedFilter = checked
            }
            return (.papers(base: .all, filter: checkedFilter), .papers)
        case .authors(_, let of):
            let inner = checkPaperArgument(of, for: "authors of")
            guard inner.ok else { return nil }
            return (.authors(of: inner.value), .authors)
        case .authorsNamed(_, let name, let exactly):
            // The rows are the people: no remark that the name means several of them.
            guard let resolved = resolveAuthorName(name.text, exactly: exactly, span: name.span, listing: true) else {
                return nil
            }
            return (.authorsNamed(resolved), .authors)
        case .venues(_, let of):
            let inner = checkPaperArgument(of, for: "venues of")
            guard inner.ok else { return nil }
            return (.venues(of: inner.value), .venues)
        case .coauthors(let keyword, let reference, let within):
            guard rejectConjunction(in: reference, context: "coauthors of", at: keyword),
                let selection = checkAuthorReference(reference)
            else { return nil }
            var hops: Int?
            if let within, case .integer(let value) = within.kind {
                guard value >= 1 else {
                    error(Messages.withinAtLeastOne, at: within.span)
                    return nil
                }
                hops = value
            }
            return (.coauthors(of: selection, within: hops), .authors)
        case .path(let keyword, let from, let to):
            guard rejectConjunction(in: from, context: "path from", at: keyword),
                rejectConjunction(in: to, context: "path … to", at: keyword),
                let source = checkAuthorReference(from), let target = checkAuthorReference(to)
            else { return nil }
            return (.path(from: source, to: target), .path)
        case .profile(let keyword, let of):
            guard rejectConjunction(in: of, context: "profile", at: keyword), let people = checkAuthorReference(of) else {
                return nil
            }
            return (.profile(of: people), .profile)
        case .variable(let name):
            guard let kind = environment[name.text] else {
                reportUnknownName(name)
                return nil
            }
            // Alone, a name is its value, in the order it was bound; filtered, it is a set.
            return (.variable(name.text, kind), kind)
        case .parenthesized(let pipeline, _):
            guard let inner = checkPipeline(pipeline) else { return nil }
            return (.nested(inner), inner.kind)
        case .filtered(let base, let filter):
            guard let (checkedBase, kind) = checkSet(base) else { return nil }
            guard kind == .papers, let (paperBase, existing) = Self.paperBase(of: checkedBase) else {
                error(Messages.filterNeedsPapers(kind.article), at: filter.span,
                      notes: kind == .authors ? [.init("to filter their papers, write: papers by (…) and the filter")] : [])
                return nil
            }
            guard let added = checkFilter(filter) else { return nil }
            let combined: CheckedFilter = existing.map { .and([$0, added]) } ?? added
            return (.papers(base: paperBase, filter: combined), .papers)
        }
    }

    /// A set of papers as a base and the filter already on it.
    private static func paperBase(of set: CheckedSet) -> (PaperBase, CheckedFilter?)? {
        switch set {
        case .papers(let base, let filter): (base, filter)
        case .variable(let name, .papers): (.variable(name), nil)
        case .nested(let pipeline) where pipeline.kind == .papers: (.nested(pipeline), nil)
        default: nil
        }
    }

    /// The argument of `authors of` / `venues of`: a set of papers, or nothing for all.
    private mutating func checkPaperArgument(_ expression: SetExpression?, for context: String) -> (ok: Bool, value: CheckedPipeline?) {
        guard let expression else { return (true, nil) }
        guard let (set, kind) = checkSet(expression) else { return (false, nil) }
        guard kind == .papers else {
            error(Messages.expectedKind("papers", context: context, found: kind.article), at: expression.span)
            return (false, nil)
        }
        return (true, CheckedPipeline(source: set, stages: [], kind: .papers))
    }

    private mutating func reportUnknownName(_ name: Name) {
        let keywords = ["papers", "authors", "venues", "coauthors", "path"]
        let candidates = keywords + environment.keys.sorted()
        var notes = Suggestions.closest(to: name.text, among: candidates).map { Diagnostic.Note(Messages.didYouMean($0)) }
        if !graph.authors(matching: name.text).isEmpty {
            notes.append(.init("author names are quoted: \"\(name.text)\""))
        }
        if notes.isEmpty {
            notes.append(.init("author names, venues and words are quoted: \"\(name.text)\"; `let NAME = query` defines a name"))
        }
        error(Messages.unknownName(name.text), at: name.span, notes: notes)
    }

    // MARK: - Authors

    /// `coauthors of` and `path` start from a group of authors, any of them; `and` (authors who
    /// are all on one paper) has no meaning there, so it is an error rather than a silent `or`.
    private mutating func rejectConjunction(in reference: AuthorReference, context: String, at keyword: SourceSpan) -> Bool {
        switch reference {
        case .name, .set:
            return true
        case .any(let parts):
            return parts.allSatisfy { rejectConjunction(in: $0, context: context, at: keyword) }
        case .all:
            error(Messages.conjunctionOfAuthors(context), at: reference.span,
                  notes: [.init("`and` between names means \"on the same paper\" in `by`; here write `or` for any of them")])
            return false
        }
    }

    mutating func checkAuthorReference(_ reference: AuthorReference) -> AuthorSelection? {
        switch reference {
        case .name(let literal, let exactly, let span):
            return resolveAuthorName(literal.text, exactly: exactly, span: span).map(AuthorSelection.named)
        case .all(let parts):
            let checked = parts.compactMap { checkAuthorReference($0) }
            return checked.count == parts.count ? .all(checked) : nil
        case .any(let parts):
            let checked = parts.compactMap { checkAuthorReference($0) }
            return checked.count == parts.count ? .any(checked) : nil
        case .set(let expression):
            guard let (set, kind) = checkSet(expression) else { return nil }
            guard kind == .authors else {
                var notes: [Diagnostic.Note] = []
                if kind == .papers { notes.append(.init("for the authors of those papers, write: authors of (…)")) }
                error(Messages.expectedKind("authors", context: "an author argument", found: kind.article),
                      at: expression.span, notes: notes)
                return nil
            }
            if case .variable(let name, _) = set { return .variable(name) }
            return .query(CheckedPipeline(source: set, stages: [], kind: .authors))
        }
    }

    /// The people a typed name means; an error when none. `listing` (for `authors named`, whose
    /// rows are those people) leaves out the remark that a name means several people.
    mutating func resolveAuthorName(_ typed: String, exactly: Bool, span: SourceSpan, listing: Bool = false) -> ResolvedAuthorName? {
        let matches = graph.authors(matching: typed, exactly: exactly)
        if matches.isEmpty {
            var notes = (maySuggest() ? graph.authorSuggestions(for: typed) : []).map { suggestion in
                Diagnostic.Note(Messages.didYouMeanAuthor(suggestion))
            }
            if exactly, !graph.authors(matching: typed, exactly: false).isEmpty {
                notes.insert(.init("without `exactly`, \"\(typed)\" matches \(describe(graph.authors(matching: typed)))"), at: 0)
            }
            error(Messages.unknownAuthor(typed), at: span, notes: notes)
            return nil
        }
        if matches.count > 1, !listing {
            var notes: [Diagnostic.Note] = [.init(describe(matches))]
            let graph = self.graph
            if let identifier = matches.lazy.compactMap({ graph.identifier(of: $0) }).first {
                notes.append(.init("to pick one person, write their identifier: \"\(identifier)\""))
            }
            notes.append(.init("to see what tells them apart: authors named \(exactly ? "exactly " : "")\"\(typed)\""))
            remark(Messages.ambiguousAuthor(typed, count: matches.count), at: span, notes: notes)
        }
        return ResolvedAuthorName(typed: typed, exactly: exactly, span: span, authors: matches)
    }

    /// `Scott Reed (3 papers), Scott E. Reed (1 paper)`
    func describe(_ authors: [AuthorID]) -> String {
        let shown = authors.prefix(8).map { author in
            let identifier = graph.identifier(of: author).map { " [\($0)]" } ?? ""
            return "\(graph.name(of: author))\(identifier) (\(Messages.papers(graph.paperCount(of: author))))"
        }
        let more = authors.count > 8 ? ", and \(authors.count - 8) more" : ""
        return shown.joined(separator: ", ") + more
    }
}
