/// A profile (`profile "NAME"`) rendered: as a page for the terminal (sections under headings,
/// tables that fit the width, the per-year histogram as bars) and as the JSON object of kind
/// `profile` with every section. Formats of rows (CSV, JSON Lines, Markdown) get the works.
enum ProfileFormatter {
    // MARK: - The page

    static func page(_ profile: ProfileResult, graph: PaperGraph, options: FormatOptions) -> String {
        // Tables are shortened to the terminal's width only; the histogram fits 100 columns elsewhere.
        let width = options.width ?? 100
        func clean(_ text: String) -> String { TerminalText.escaped(text, lineFeeds: false, tabs: false) }
        func heading(_ text: String) -> String {
            options.colored ? "\u{1B}[1m\(text)\u{1B}[0m\n" : "\(text)\n"
        }
        func table(_ columns: [String], _ rows: [[ResultValue]], footer: String? = nil) -> String {
            var tableOptions = options
            tableOptions.maxRows = nil
            tableOptions.chart = .never
            return TableFormatter(options: tableOptions).grid(
                ResultRows(kind: .papers, columns: columns, fieldNames: columns, rows: rows, graph: graph), footer: footer)
        }
        let name = profile.people.first.map { graph.name(of: $0) } ?? profile.name
        var output = heading(clean(name)) + String(repeating: "═", count: min(width, max(4, DisplayWidth.of(clean(name))))) + "\n"
        var summary = Messages.papers(profile.works.count)
        if let years = profile.years { summary += years.count == 1 ? ", \(years.lowerBound)" : ", \(years.lowerBound)–\(years.upperBound)" }
        summary += " · " + profile.types.map { "\($0.value ?? "no type") \($0.papers)" }.joined(separator: ", ")
        output += summary + "\n"
        output += "venues: " + (profile.venues.isEmpty ? "—" : profile.venues.map { "\(clean($0.value ?? "none")) \($0.papers)" }.joined(separator: ", ")) + "\n"
        output += "names: " + profile.variants.map(clean).joined(separator: "; ") + "\n"
        output += "identifiers: " + (profile.identifiers.isEmpty ? "none in the sources" : profile.identifiers.map(clean).joined(separator: ", ")) + "\n"
        if profile.people.count > 1 {
            output += "(\"\(clean(profile.name))\" means \(profile.people.count) people; answering for all of them)\n"
        }

        output += "\n" + heading("Works per year")
        if profile.perYear.isEmpty {
            output += "no years known\n"
        } else {
            let maximum = profile.perYear.map(\.papers).max() ?? 0
            let countWidth = String(maximum).count
            let barWidth = max(8, min(50, width - 6 - countWidth - 4))
            for (year, papers) in profile.perYear {
                let count = String(repeating: " ", count: countWidth - String(papers).count) + String(papers)
                let bar = BarChart.bar(papers, maximum: maximum, width: barWidth)
                output += "\(year)  \(count)" + (bar.isEmpty ? "" : "  \(bar)") + "\n"
            }
        }

        output += "\n" + heading("Topics")
        output += "categories: " + (profile.categories.isEmpty ? "—" : profile.categories.map { "\(clean($0.value ?? "")) \($0.papers)" }.joined(separator: ", ")) + "\n"
        output += "words: " + terms(profile.words) + "\n"
        output += "phrases: " + terms(profile.phrases) + "\n"
        output += "(by \(ProfileResult.measure); the number is the person's papers with it)\n"

        output += "\n" + heading("Close collaborators")
        if profile.collaborators.isEmpty {
            output += "none in this graph\n"
        } else {
            output += table(["name", "shared", "years"], profile.collaborators.map { row in
                [.text(graph.authorNames.text(Int(row.author.rawValue))), .integer(row.shared), years(row.years)]
            })
        }

        output += "\n" + heading("Institutions")
        output += profile.institutions.isEmpty ? "none given on these papers\n"
            : profile.institutions.map { "\(clean($0.value ?? "")) \($0.papers)" }.joined(separator: ", ") + "\n"

        output += "\n" + heading("Works")
        output += table(["title", "year", "venue", "type"], profile.works.map { paper in
            [ResultRows.paperValue(paper, .title, graph), ResultRows.paperValue(paper, .year, graph), ResultRows.paperValue(paper, .venue, graph),
             ResultRows.paperValue(paper, .type, graph)]
        }, footer: Messages.papers(profile.works.count))

        output += "\n" + heading("Nearby: papers of coauthors that \(clean(name)) is not on")
        if profile.nearby.isEmpty {
            output += "none\n"
        } else {
            output += table(["title", "year", "coauthors", "terms"], profile.nearby.map { row in
                [ResultRows.paperValue(row.paper, .title, graph), ResultRows.paperValue(row.paper, .year, graph),
                 .list(GraphTextList(row.collaborators.map { graph.name(of: $0) })), .list(GraphTextList(row.terms))]
            })
        }
        return output
    }

    static func terms(_ terms: [ProfileResult.Term]) -> String {
        terms.isEmpty ? "—" : terms.map { "\($0.text) (\($0.papers))" }.joined(separator: ", ")
    }

    static func years(_ range: ClosedRange<Int>?) -> ResultValue {
        guard let range else { return .null }
        return .text(GraphText(range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"))
    }

    // MARK: - JSON

    static func value(_ profile: ProfileResult, graph: PaperGraph) -> JSONWriter.Value {
        typealias Value = JSONWriter.Value
        func tallies(_ tallies: [ProfileResult.Tally], _ key: String) -> Value {
            .array(tallies.map { .object([(key, $0.value.map(Value.string) ?? .null), ("papers", .integer($0.papers))]) })
        }
        func terms(_ terms: [ProfileResult.Term]) -> Value {
            .array(terms.map { term in
                .object([("term", .string(term.text)), ("papers", .integer(term.papers)),
                         ("graph_papers", .integer(term.graphPapers)), ("score", .number(term.score))])
            })
        }
        func year(_ value: Int?) -> Value { value.map(Value.integer) ?? .null }
        func paper(_ id: PaperID) -> [(String, Value)] {
            [("id", .string(graph.key(of: id))), ("title", .string(graph.title(of: id))), ("year", year(graph.year(of: id)))]
        }
        let works: Value = .object([
            ("count", .integer(profile.works.count)),
            ("first_year", year(profile.years?.lowerBound)), ("last_year", year(profile.years?.upperBound)),
            ("types", tallies(profile.types, "type")), ("venues", tallies(profile.venues, "venue")),
            ("per_year", .array(profile.perYear.map { .object([("year", .integer($0.year)), ("papers", .integer($0.papers))]) })),
            ("rows", .array(profile.works.map { id in
                .object(paper(id) + [("venue", graph.venue(of: id).map(Value.string) ?? .null),
                                     ("type", graph.type(of: id).map { .string($0.rawValue) } ?? .null),
                                     ("authors", .array(graph.writtenAuthorNames(of: id).map(Value.string)))])
            })),
        ])
        return .object([
            ("kind", .string("profile")),
            ("name", .string(profile.name)),
            ("people", .array(profile.people.map { person in
                .object([("name", .string(graph.name(of: person))),
                         ("identifier", graph.identifier(of: person).map(Value.string) ?? .null),
                         ("papers", .integer(graph.paperCount(of: person)))])
            })),
            ("works", works),
            ("topics", .object([
                ("measure", .string(ProfileResult.measure)),
                ("categories", tallies(profile.categories, "category")),
                ("words", terms(profile.words)), ("phrases", terms(profile.phrases)),
            ])),
            ("collaborators", .array(profile.collaborators.map { row in
                .object([("name", .string(graph.name(of: row.author))), ("shared", .integer(row.shared)),
                         ("first_year", year(row.years?.lowerBound)), ("last_year", year(row.years?.upperBound))])
            })),
            ("institutions", tallies(profile.institutions, "institution")),
            ("names", .object([("variants", .array(profile.variants.map(Value.string))),
                               ("identifiers", .array(profile.identifiers.map(Value.string)))])),
            ("nearby", .array(profile.nearby.map { row in
                .object(paper(row.paper) + [("coauthors", .array(row.collaborators.map { .string(graph.name(of: $0)) })),
                                            ("terms", .array(row.terms.map(Value.string)))])
            })),
        ])
    }
}
