/// BibTeX (`--format bibtex`): a set of papers as entries a LaTeX user can cite, and that the
/// BibTeX importer reads back as the same papers.
///
/// - entry type from the paper type: conference → `@inproceedings` (venue in `booktitle`),
///   journal → `@article` (`journal`), preprint → `@misc` with `eprint`/`archivePrefix` when it
///   has an arXiv id (else `@article` with `journal = {arXiv}`), book → `@incollection`/`@book`,
///   thesis → `@phdthesis` (`school`), other or none → `@misc`;
/// - keys from `BibTeXKeys`: family name + year + first title word, suffixed on collision;
/// - authors as written, joined with `and` (`and others` for a cut list), titles with every
///   word holding a capital in braces, TeX's special characters escaped, accents as UTF-8 or as
///   LaTeX commands (`LaTeXEscaping.Accents`);
/// - `year`, `month`, `date` (biblatex), `doi`, `keywords` (categories).
///
/// A paper without a title cannot be cited: it is left out with a `%` comment saying so. A
/// profile writes its works; other results (authors, counts, groups) have no papers to write.
enum BibTeXFormatter {
    static func render(_ result: QueryResult, graph: PaperGraph, accents: LaTeXEscaping.Accents) -> String {
        switch result {
        case .papers(let rows):
            return render(rows.papers, graph: graph, accents: accents)
        case .profile(let profile):
            return render(profile.works, graph: graph, accents: accents)
        default:
            return "% a \(result.kind.rawValue) result has no papers to cite: --format bibtex writes sets of papers and profiles\n"
        }
    }

    /// Whether results of a kind have papers to write.
    static func cites(_ kind: ResultKind) -> Bool {
        kind == .papers || kind == .profile
    }

    static func render(_ papers: [PaperID], graph: PaperGraph, accents: LaTeXEscaping.Accents) -> String {
        var keys = BibTeXKeys()
        return render(papers, graph: graph, accents: accents, keys: &keys)
    }

    /// Entries for papers, with keys unique among those `keys` gave already.
    static func render(_ papers: [PaperID], graph: PaperGraph, accents: LaTeXEscaping.Accents, keys: inout BibTeXKeys) -> String {
        var output = ""
        for paper in papers {
            guard !graph.title(of: paper).isEmpty else {
                output += "% \(LaTeXEscaping.escape(graph.key(of: paper), accents: .utf8)): no title, not written\n\n"
                continue
            }
            output += entry(paper, key: keys.key(for: paper, graph: graph), graph: graph, accents: accents) + "\n"
        }
        return output
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func entry(_ paper: PaperID, key: String, graph: PaperGraph, accents: LaTeXEscaping.Accents) -> String {
        func text(_ value: String) -> String { LaTeXEscaping.escape(value, accents: accents) }
        let venue = graph.venue(of: paper)
        let arxiv = graph.arxivID(of: paper)
        var fields: [(String, String)] = []
        var type = "misc"
        switch graph.type(of: paper) {
        case .conference:
            type = "inproceedings"
            if let venue { fields.append(("booktitle", "{\(text(venue))}")) }
        case .journal:
            type = "article"
            if let venue { fields.append(("journal", "{\(text(venue))}")) }
        case .preprint:
            if arxiv == nil {
                type = "article"
                fields.append(("journal", "{\(text(venue ?? "arXiv"))}"))
            } else if let venue, !venue.lowercased().contains("arxiv") {
                fields.append(("journal", "{\(text(venue))}"))
            }
        case .book:
            type = venue == nil ? "book" : "incollection"
            if let venue { fields.append(("booktitle", "{\(text(venue))}")) }
        case .thesis:
            type = "phdthesis"
            if let school = graph.institutions(of: paper).first { fields.append(("school", "{\(text(school))}")) }
            if let venue { fields.append(("booktitle", "{\(text(venue))}")) }
        case .other, nil:
            if let venue { fields.append(("journal", "{\(text(venue))}")) }
        }
        var head: [(String, String)] = [("title", "{\(protectedTitle(graph.title(of: paper), accents: accents))}")]
        let names = graph.writtenAuthorNames(of: paper).map { authorName($0, accents: accents) }
        if !names.isEmpty || graph.authorsTruncated(paper) {
            let list = names + (graph.authorsTruncated(paper) && !names.isEmpty ? ["others"] : [])
            if !list.isEmpty { head.insert(("author", "{\(list.joined(separator: " and "))}"), at: 0) }
        }
        fields.insert(contentsOf: head, at: 0)
        if let year = graph.year(of: paper) { fields.append(("year", "{\(year)}")) }
        if let date = graph.date(of: paper) {
            let parts = date.split(separator: "-")
            if parts.count >= 2, let month = Int(parts[1]), (1...12).contains(month) { fields.append(("month", months[month - 1])) }
            if date.count > 4 { fields.append(("date", "{\(text(date))}")) }
        }
        if let doi = graph.doi(of: paper) { fields.append(("doi", "{\(verbatim(doi))}")) }
        if let arxiv {
            fields.append(("eprint", "{\(verbatim(arxiv))}"))
            fields.append(("archivePrefix", "{arXiv}"))
            if let primary = graph.categories(of: paper).first { fields.append(("primaryClass", "{\(verbatim(primary))}")) }
        }
        let categories = graph.categories(of: paper)
        if !categories.isEmpty { fields.append(("keywords", "{\(categories.map(text).joined(separator: ", "))}")) }
        let width = fields.map(\.0.count).max() ?? 0
        let body = fields.map { name, value in
            "  " + name + String(repeating: " ", count: width - name.count) + " = " + value
        }.joined(separator: ",\n")
        return "@\(type){\(key),\n\(body)\n}\n"
    }

    /// A title with each word that holds a capital braced, so bibliography styles that change
    /// case keep "GPT-4", "Transformer" and "LOGAN" as written. The first word keeps only a
    /// capital past its first letter protected (styles keep a title's first letter anyway).
    static func protectedTitle(_ title: String, accents: LaTeXEscaping.Accents) -> String {
        let words = title.split(separator: " ", omittingEmptySubsequences: false)
        return words.enumerated().map { index, word in
            let escaped = LaTeXEscaping.escape(String(word), accents: accents)
            let capitals = index == 0 ? word.dropFirst().contains(where: \.isUppercase) : word.contains(where: \.isUppercase)
            return capitals ? "{\(escaped)}" : escaped
        }.joined(separator: " ")
    }

    /// One author as written; braced whole when BibTeX would misread it (a comma, which would
    /// swap the name's parts, or the word "and", which would split it).
    static func authorName(_ name: String, accents: LaTeXEscaping.Accents) -> String {
        let escaped = LaTeXEscaping.escape(name, accents: accents)
        let words = name.split(separator: " ").map { $0.lowercased() }
        if name.contains(",") || words.contains("and") || words == ["others"] { return "{\(escaped)}" }
        return escaped
    }

    /// Identifiers (DOI, arXiv id) as they are: biblatex reads them verbatim. Braces, which
    /// would end the field, are dropped.
    static func verbatim(_ text: String) -> String {
        String(text.filter { $0 != "{" && $0 != "}" && $0 != "\\" && !$0.isNewline })
    }
}
