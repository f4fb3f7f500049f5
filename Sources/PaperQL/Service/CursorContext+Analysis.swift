extension CursorContext {
    /// Reads the tokens of one statement, up to the cursor, backwards from the end.
    struct Analysis {
        /// A token, or a closed `( … )` group standing for one operand.
        enum Item {
            case token(Token)
            case group(SourceSpan)

            var token: Token? {
                if case .token(let token) = self { return token }
                return nil
            }

            var keyword: Keyword? { token?.keyword }

            var span: SourceSpan {
                switch self {
                case .token(let token): token.span
                case .group(let span): span
                }
            }
        }

        /// What an unclosed `(` around the cursor opens.
        enum Scope {
            case statement
            case pipeline
            case filterGroup
        }

        let items: [Item]
        let scope: Scope
        /// Set when the cursor is in a stage: the span of the pipeline before the last `|`.
        private(set) var pipelineBeforeStage: SourceSpan?

        init(tokens: [Token]) {
            // Fold closed groups; keep the items after the innermost unclosed `(`.
            var stack: [[Item]] = [[]]
            for token in tokens {
                switch token.kind {
                case .leftParen:
                    stack[stack.count - 1].append(.token(token))
                    stack.append([])
                case .rightParen where stack.count > 1:
                    stack.removeLast()
                    guard case .token(let open)? = stack[stack.count - 1].popLast() else { continue }
                    stack[stack.count - 1].append(.group(open.span.union(token.span)))
                default:
                    stack[stack.count - 1].append(.token(token))
                }
            }
            var items = stack[stack.count - 1]
            var scope = Scope.statement
            if stack.count > 1 {
                let outer = stack[stack.count - 2]
                scope = Analysis.opensPipeline(before: Array(outer.dropLast())) ? .pipeline : .filterGroup
            }
            if scope == .statement, items.first?.keyword == .let {
                if items.count >= 3, case .comparison(.equal)? = items[2].token?.kind {
                    items.removeFirst(3)
                    scope = .pipeline
                }
            }
            self.items = items
            self.scope = scope
        }

        /// Whether a `(` after these items starts a query (rather than a group of filters).
        static func opensPipeline(before items: [Item]) -> Bool {
            guard let last = items.last else { return true }
            switch last.token?.kind {
            case .keyword(.by), .keyword(.to), .keyword(.exactly), .keyword(.let):
                return true
            case .keyword(.of):
                return true
            case .keyword(.from):
                return items.dropLast().last?.keyword == .path
            case .comparison(.equal):
                return items.first?.keyword == .let && items.count == 3
            case .leftParen:
                return true
            default:
                return false
            }
        }

        // MARK: - Expectations

        mutating func expectations() -> [Expectation] {
            if scope == .statement, items.first?.keyword == .let {
                return []  // a new name, then `=`
            }
            if let pipe = items.lastIndex(where: { $0.token?.kind == .pipe }) {
                if let first = items.first {
                    pipelineBeforeStage = SourceSpan(start: first.span.start, end: items[pipe].span.start)
                }
                return stageExpectations(Array(items[(pipe + 1)...]))
            }
            guard let last = items.last else {
                switch scope {
                case .statement: return [.keywords(CursorContext.setKeywords + [.let]), .variables(nil)]
                case .pipeline: return [.keywords(CursorContext.setKeywords), .variables(nil)]
                case .filterGroup: return filterStart()
                }
            }
            let index = items.count - 1
            let previous = items.count >= 2 ? items[index - 1] : nil
            switch last {
            case .group:
                return afterOperand(at: index)
            case .token(let token):
                switch token.kind {
                case .keyword(let keyword):
                    return afterKeyword(keyword, at: index, previous: previous)
                case .string, .identifier:
                    if case .identifier = token.kind, let role = operandRole(before: index), role == .comparisonField {
                        return []  // an operator comes next
                    }
                    return afterOperand(at: index)
                case .integer:
                    if previous?.keyword == .between { return [.keywords([.and])] }
                    if previous?.keyword == .within { return [.keywords(CursorContext.filterKeywords)] }
                    return afterOperand(at: index)
                case .comparison:
                    if let field = previous?.token, case .identifier = field.kind, let resolved = Field(typed: field.value) {
                        return [.values(of: resolved)]
                    }
                    return []
                default:
                    return []
                }
            }
        }

        private func filterStart() -> [Expectation] {
            [.keywords(CursorContext.filterKeywords), .fields(Field.comparable)]
        }

        private func authorPosition() -> [Expectation] {
            [.authors, .variables(.authors), .keywords([.exactly])]
        }

        private func afterKeyword(_ keyword: Keyword, at index: Int, previous: Item?) -> [Expectation] {
            switch keyword {
            case .papers:
                return [.keywords(CursorContext.filterKeywords)]
            case .authors, .venues:
                return [.keywords([.of] + CursorContext.filterKeywords)]
            case .coauthors:
                return [.keywords([.of])]
            case .path:
                return [.keywords([.from])]
            case .of:
                return previous?.keyword == .coauthors ? authorPosition() : [.keywords(CursorContext.setKeywords), .variables(nil)]
            case .by, .to:
                return authorPosition()
            case .from:
                return previous?.keyword == .path ? authorPosition() : [.institutions]
            case .exactly:
                return [.authors]
            case .at:
                return [.venues]
            case .in:
                return [.keywords([.category])]
            case .category:
                return [.categories]
            case .where, .not:
                return filterStart()
            case .and, .or:
                if index >= 2, previous?.token?.kind == .integer, items[index - 2].keyword == .between { return [] }
                // Another author follows only in quotes: `by "A" and "B"`.
                if authorRole(endingAt: index - 1) != nil { return [.authors, .keywords([.exactly])] + filterStart() }
                return filterStart()
            default:
                // since, before, until, between, within, matching, titled, let: a value comes next.
                return []
            }
        }

        /// After an author name, a value, a year, a `let` name or a closed group.
        private func afterOperand(at index: Int) -> [Expectation] {
            switch authorRole(endingAt: index) {
            case .coauthorsOf?:
                return [.keywords([.within, .and, .or] + CursorContext.filterKeywords)]
            case .pathFrom?:
                return [.keywords([.to, .and, .or])]
            case .pathTo?:
                return [.keywords([.and, .or])]
            case .by?:
                return [.keywords([.and, .or] + CursorContext.filterKeywords)]
            case nil:
                break
            }
            if index == 0 || items[index - 1].keyword == .of {
                // A set: a `let` name or a parenthesized query.
                return [.keywords(CursorContext.filterKeywords)]
            }
            return [.keywords([.and, .or] + CursorContext.filterKeywords)]
        }

        enum AuthorRole {
            case by, coauthorsOf, pathFrom, pathTo
        }

        /// If the operand at `index` is part of an author list, the keyword that list follows.
        func authorRole(endingAt index: Int) -> AuthorRole? {
            var position = index
            guard position >= 0, position < items.count else { return nil }
            while position >= 0 {
                let item = items[position]
                switch item {
                case .group:
                    position -= 1
                    continue
                case .token(let token):
                    switch token.kind {
                    case .string, .identifier, .keyword(.exactly), .keyword(.and), .keyword(.or):
                        position -= 1
                        continue
                    case .keyword(.by):
                        return .by
                    case .keyword(.to):
                        return .pathTo
                    case .keyword(.of):
                        return position >= 1 && items[position - 1].keyword == .coauthors ? .coauthorsOf : nil
                    case .keyword(.from):
                        return position >= 1 && items[position - 1].keyword == .path ? .pathFrom : nil
                    default:
                        return nil
                    }
                }
            }
            return nil
        }

        enum OperandRole: Equatable {
            case comparisonField
            case value
        }

        /// What a word at `index` is, from what precedes it.
        func operandRole(before index: Int) -> OperandRole? {
            guard index >= 1 else { return scope == .filterGroup ? .comparisonField : nil }
            let previous = items[index - 1]
            switch previous {
            case .group:
                return .comparisonField
            case .token(let token):
                switch token.kind {
                case .keyword(.where), .keyword(.not):
                    return .comparisonField
                case .keyword(.and), .keyword(.or):
                    return authorRole(endingAt: index - 2) == nil ? .comparisonField : nil
                case .keyword(.papers), .string, .integer:
                    return authorRole(endingAt: index - 1) == nil ? .comparisonField : nil
                case .identifier:
                    return .comparisonField
                case .comparison:
                    return .value
                default:
                    return nil
                }
            }
        }

        // MARK: - Stages

        private func stageExpectations(_ stage: [Item]) -> [Expectation] {
            guard let first = stage.first?.keyword else {
                return stage.isEmpty ? [.keywords(CursorContext.stageKeywords)] : []
            }
            let last = stage[stage.count - 1]
            switch first {
            case .count:
                if stage.count == 1 { return [.keywords([.by])] }
                if stage.count == 2, last.keyword == .by { return [.fields(Field.groupable)] }
                return []
            case .sort:
                if stage.count == 1 { return [.keywords([.by])] }
                if last.keyword == .by || last.token?.kind == .comma { return [.sortableFields] }
                if last.keyword == .asc || last.keyword == .desc { return [] }
                return [.keywords([.asc, .desc])]
            case .show:
                if stage.count == 1 || last.token?.kind == .comma { return [.shownFields] }
                return []
            default:
                return []
            }
        }
    }
}
