import Foundation
import Testing

/// Checks `Corpus/default-corpus.jsonl` (and its embedded Swift copy) against the saved
/// pages in `Corpus/pages/`, re-reading the pages with simple rules of its own.
///
/// This suite deliberately uses no PaperQL API and none of the logic of
/// `Tools/build-default-corpus.py`: it is an independent check of the generated corpus.
@Suite struct DefaultCorpusPagesTests {

    // MARK: - Locations

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PaperQLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static let pagesDirectory = packageRoot.appendingPathComponent("Corpus/pages")
    static let jsonlURL = packageRoot.appendingPathComponent("Corpus/default-corpus.jsonl")
    static let swiftURL = packageRoot.appendingPathComponent(
        "Sources/PaperQL/DefaultCorpus/DefaultCorpusData.swift")

    /// File names of the saved pages, sorted.
    static let pageNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pagesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    // MARK: - Reading the pages (independently of the build script)

    enum PageKind: Equatable { case cluster, profile, bareAbstracts, arxiv, ownerListing }

    /// One paper as one page shows it.
    struct Listing {
        var page: String
        var title: String
        var authors: [String]
        /// The page cut the author list (eight cluster bullets, "et al.", or no list at all).
        var cut: Bool
        var venue: String?
        var year: Int?
        var date: String?
        var categories: [String] = []
        var institutions: [String] = []
    }

    struct Page {
        var name: String
        var kind: PageKind
        var owner: String?
        var listings: [Listing]
        var bareAbstracts: [String]
    }

    static func pageText(_ name: String) throws -> String {
        try String(contentsOf: pagesDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    static func nonEmptyLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static let monthNumbers = ["Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
                               "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12]

    /// "CLMar 15, 2023" -> ("CL", "2023-03-15", 2023)
    static func arxivDateLine(_ line: String) -> (category: String, date: String, year: Int)? {
        let chars = Array(line)
        guard chars.count >= 12, chars[0].isUppercase, chars[1].isUppercase else { return nil }
        let rest = String(chars[2...])  // "Mar 15, 2023"
        let parts = rest.replacingOccurrences(of: ",", with: "").split(separator: " ")
        guard parts.count == 3, let month = monthNumbers[String(parts[0])],
              let day = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        func pad(_ n: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return (String(chars[0..<2]), date, year)
    }

    /// "Title" glued to "First Author, Second, Third et al. · inst" -> (title, names, cut, institutions).
    /// Rule: the first comma-separated piece ends with the first author's surname; the word
    /// before it is the title's last word glued to the first author's given name, split at
    /// its last place where a lower-case letter or punctuation is followed by a capital.
    static func splitGluedLine(_ line: String) -> (title: String, authors: [String], cut: Bool, institutions: [String])? {
        var text = line
        var institutions: [String] = []
        if let dot = text.range(of: " · ") {
            institutions = text[dot.upperBound...].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            text = String(text[..<dot.lowerBound])
        }
        var cut = false
        if text.hasSuffix(" et al.") {
            cut = true
            text = String(text.dropLast(" et al.".count))
        }
        var pieces = text.components(separatedBy: ", ")
        var words = pieces[0].components(separatedBy: " ")
        guard words.count >= 2 else { return nil }
        let surname = words.removeLast()
        let glued = Array(words.removeLast())
        var splitAt: Int?
        for k in 1..<glued.count where glued[k].isUppercase
            && !glued[k - 1].isUppercase && !glued[k - 1].isNumber && !glued[k - 1].isWhitespace {
            splitAt = k
        }
        guard let k = splitAt else { return nil }
        let title = (words + [String(glued[..<k])]).joined(separator: " ")
        pieces[0] = String(glued[k...]) + " " + surname
        return (title, pieces, cut, institutions)
    }

    static func readPage(_ name: String) throws -> Page {
        let lines = nonEmptyLines(try pageText(name))
        var page = Page(name: name, kind: .ownerListing, owner: nil, listings: [], bareAbstracts: [])

        if let i = lines.firstIndex(of: "Author name cluster") {
            page.kind = .cluster
            page.owner = lines[i + 1]
            var k = 0
            while k < lines.count {
                let words = lines[k].split(separator: " ")
                if lines[k].hasSuffix(" Conference Paper"), words.count == 5, let year = Int(words[2]) {
                    let title = lines[k + 1]
                    var authors: [String] = []
                    var j = k + 2
                    while j < lines.count, lines[j].hasPrefix("•") {
                        authors.append(lines[j].dropFirst().trimmingCharacters(in: .whitespaces))
                        j += 1
                    }
                    page.listings.append(Listing(page: name, title: title, authors: authors,
                                                 cut: authors.count == 8, venue: String(words[0]), year: year))
                    k = j
                } else {
                    k += 1
                }
            }
        } else if let i = lines.firstIndex(of: "Researcher profile") {
            page.kind = .profile
            page.owner = lines[i + 1]
            for (k, line) in lines.enumerated() where line.hasPrefix("preprint") {
                let rest = line.dropFirst("preprint".count)
                guard rest.count > 4, let year = Int(rest.prefix(4)) else { continue }
                page.listings.append(Listing(page: name, title: lines[k + 1], authors: [], cut: true,
                                             venue: String(rest.dropFirst(4)), year: year))
            }
        } else if lines.allSatisfy({ $0.hasPrefix("Abstract:") }) {
            page.kind = .bareAbstracts
            page.bareAbstracts = lines.map { $0.dropFirst("Abstract:".count).trimmingCharacters(in: .whitespaces) }
        } else if lines.contains(where: { arxivDateLine($0) != nil }) {
            page.kind = .arxiv
            for (k, line) in lines.enumerated() {
                guard let head = arxivDateLine(line) else { continue }
                guard let glued = splitGluedLine(lines[k + 1]) else {
                    Issue.record("cannot split title and authors in \(name): \(lines[k + 1])")
                    continue
                }
                page.listings.append(Listing(page: name, title: glued.title, authors: glued.authors,
                                             cut: glued.cut, venue: "arXiv", year: head.year, date: head.date,
                                             categories: [head.category], institutions: glued.institutions))
            }
        } else {
            page.kind = .ownerListing
            page.owner = lines[0]
            let body = Array(lines.dropFirst())
            #expect(body.count % 3 == 0, "\(name): expected title / authors / abstract triples")
            for k in stride(from: 0, to: body.count - 2, by: 3) {
                var authorLine = body[k + 1]
                let cut = authorLine.hasSuffix(" et al.")
                if cut { authorLine = String(authorLine.dropLast(" et al.".count)) }
                page.listings.append(Listing(page: name, title: body[k],
                                             authors: authorLine.components(separatedBy: ", "), cut: cut))
            }
        }
        return page
    }

    static func allPages() throws -> [Page] {
        try pageNames.map(readPage)
    }

    // MARK: - Reading the corpus

    static func jsonlText() throws -> String {
        try String(contentsOf: jsonlURL, encoding: .utf8)
    }

    static func records() throws -> [[String: Any]] {
        try jsonlText().split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not a JSON object: \(line.prefix(80))")
        }
    }

    static func strings(_ record: [String: Any], _ key: String) -> [String] {
        record[key] as? [String] ?? []
    }

    static func title(_ record: [String: Any]) -> String { record["title"] as? String ?? "" }

    // MARK: - Comparison helpers

    /// Same person: same first and last name, ignoring case and initials in between.
    static func personKey(_ name: String) -> String {
        let tokens = name.lowercased()
            .split(whereSeparator: { !$0.isLetter })
            .map(String.init)
        guard let first = tokens.first, let last = tokens.last else { return name.lowercased() }
        return first + " " + last
    }

    /// Word set of an abstract, ignoring `$...$` math, LaTeX macros and punctuation.
    static func abstractWords(_ text: String) -> Set<String> {
        var out = ""
        var inMath = false
        var inMacro = false
        for ch in text {
            if ch == "$" { inMath.toggle(); out.append(" "); continue }
            if inMath { continue }
            if ch == "\\" { inMacro = true; out.append(" "); continue }
            if inMacro {
                if ch.isLetter { continue }
                inMacro = false
            }
            out.append(contentsOf: ch.lowercased())
        }
        return Set(out.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
    }

    static func similarity(_ a: String, _ b: String) -> Double {
        let wa = abstractWords(a), wb = abstractWords(b)
        guard !wa.isEmpty, !wb.isEmpty else { return 0 }
        return Double(wa.intersection(wb).count) / Double(wa.union(wb).count)
    }

    static func normalizedTitle(_ title: String) -> String {
        title.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// The record a page listing became: the titled record with exactly that title and
    /// compatible venue / year.
    static func recordsMatching(_ listing: Listing, in records: [[String: Any]]) -> [[String: Any]] {
        records.filter { record in
            title(record) == listing.title
                && (listing.venue == nil || record["venue"] as? String == listing.venue)
                && (listing.year == nil || record["year"] as? Int == listing.year)
        }
    }

    // MARK: - Tests

    @Test func theFivePagesAndTheCorpusAreThere() throws {
        #expect(Self.pageNames.count == 5, "pages found: \(Self.pageNames)")
        let kinds = try Self.allPages().map(\.kind)
        #expect(kinds.filter { $0 == .bareAbstracts }.count == 1)
        #expect(Set(kinds) == [.cluster, .profile, .bareAbstracts, .arxiv, .ownerListing])
        let owners = Set(try Self.allPages().compactMap(\.owner))
        #expect(owners == ["Jack Rae", "Karen Simonyan"])
        #expect(try Self.records().count > 0)
    }

    @Test(arguments: pageNames)
    func everyListedPaperIsInTheCorpusOnce(page: String) throws {
        let parsed = try Self.readPage(page)
        let records = try Self.records()
        if parsed.kind != .bareAbstracts {
            #expect(!parsed.listings.isEmpty, "no papers read from \(page)")
        }
        for listing in parsed.listings {
            let matches = Self.recordsMatching(listing, in: records)
            #expect(matches.count == 1, "\(page): \"\(listing.title)\" is in the corpus \(matches.count) times")
            for record in matches {
                #expect(Self.strings(record, "sources").contains(page),
                        "\(page): \"\(listing.title)\" does not name the page in sources")
            }
        }
    }

    @Test(arguments: pageNames)
    func shownMetadataIsKept(page: String) throws {
        let records = try Self.records()
        for listing in try Self.readPage(page).listings {
            guard let record = Self.recordsMatching(listing, in: records).first else { continue }
            if let year = listing.year { #expect(record["year"] as? Int == year, "\(listing.title)") }
            if let venue = listing.venue { #expect(record["venue"] as? String == venue, "\(listing.title)") }
            #expect(record["date"] as? String == listing.date, "\(listing.title)")
            for category in listing.categories {
                #expect(Self.strings(record, "categories").contains(category), "\(listing.title)")
            }
            #expect(Self.strings(record, "institutions") == listing.institutions, "\(listing.title)")
        }
    }

    @Test(arguments: pageNames)
    func shownAuthorsAndThePageOwnerAreAuthors(page: String) throws {
        let parsed = try Self.readPage(page)
        let records = try Self.records()
        for listing in parsed.listings {
            guard let record = Self.recordsMatching(listing, in: records).first else { continue }
            let authors = Self.strings(record, "authors")
            let keys = authors.map(Self.personKey)
            #expect(Set(keys).count == keys.count, "\(listing.title): a person is listed twice: \(authors)")
            for name in listing.authors {
                #expect(keys.contains(Self.personKey(name)), "\(listing.title): \(name) missing from \(authors)")
                // Name variants keep the fullest form.
                if let kept = authors.first(where: { Self.personKey($0) == Self.personKey(name) }) {
                    #expect(kept.count >= name.count, "\(listing.title): kept \(kept) over \(name)")
                }
            }
            if let owner = parsed.owner {
                #expect(authors.contains(owner), "\(page): page owner \(owner) missing from \"\(listing.title)\"")
            }
        }
    }

    @Test func cutAuthorListsAreMarkedTruncated() throws {
        let pages = try Self.allPages()
        let records = try Self.records()
        var listingsByRecord: [String: [Listing]] = [:]
        for listing in pages.flatMap(\.listings) {
            guard let record = Self.recordsMatching(listing, in: records).first,
                  let id = record["id"] as? String else { continue }
            listingsByRecord[id, default: []].append(listing)
        }
        #expect(!listingsByRecord.isEmpty)
        for record in records {
            let id = record["id"] as? String ?? ""
            let truncated = try #require(record["authors_truncated"] as? Bool, "\(id): authors_truncated")
            guard let listings = listingsByRecord[id] else {
                // Untitled abstract-only record: the page shows no authors at all.
                #expect(Self.title(record).isEmpty, "\(id) matches no page listing")
                #expect(truncated, "\(id): no authors shown, so the list is truncated")
                continue
            }
            // A list is truncated when every listing of the paper cut it; one uncut listing completes it.
            let expected = listings.allSatisfy(\.cut)
            #expect(truncated == expected, "\(id): authors_truncated is \(truncated), pages say \(expected)")
            if !expected {
                let longest = listings.filter { !$0.cut }.map(\.authors.count).max() ?? 0
                #expect(Self.strings(record, "authors").count >= longest, "\(id): lost authors")
            }
        }
    }

    @Test func eightNameClusterListsAreCut() throws {
        let cluster = try #require(try Self.allPages().first { $0.kind == .cluster })
        let records = try Self.records()
        let eight = cluster.listings.filter { $0.authors.count == 8 }
        #expect(!eight.isEmpty)
        for listing in eight {
            let record = try #require(Self.recordsMatching(listing, in: records).first)
            let otherUncut = try Self.allPages().filter { $0.name != cluster.name }
                .flatMap(\.listings).contains { $0.title == listing.title && !$0.cut }
            #expect((record["authors_truncated"] as? Bool) == !otherUncut, "\(listing.title)")
        }
    }

    @Test func bareAbstractsArePresentExactlyOnce() throws {
        let page = try #require(try Self.allPages().first { $0.kind == .bareAbstracts })
        let records = try Self.records()
        let fromPage = records.filter { Self.strings($0, "sources").contains(page.name) }
        #expect(!page.bareAbstracts.isEmpty)
        #expect(fromPage.count == page.bareAbstracts.count,
                "\(page.bareAbstracts.count) bare abstracts but \(fromPage.count) records name \(page.name)")
        for abstract in page.bareAbstracts {
            let holders = fromPage.filter { Self.similarity(abstract, $0["abstract"] as? String ?? "") >= 0.8 }
            #expect(holders.count == 1, "bare abstract \"\(abstract.prefix(50))…\" held by \(holders.count) records")
            if let holder = holders.first, Self.title(holder).isEmpty {
                #expect(holder["abstract"] as? String == abstract)
                #expect(Self.strings(holder, "sources") == [page.name])
            }
            // Unrelated to every other record.
            for record in records where !holders.contains(where: { $0["id"] as? String == record["id"] as? String }) {
                #expect(Self.similarity(abstract, record["abstract"] as? String ?? "") < 0.8
                        || !Self.strings(record, "versions").isEmpty,
                        "bare abstract also matches \(record["id"] ?? "?")")
            }
        }
        for record in records where Self.title(record).isEmpty {
            #expect(page.bareAbstracts.contains(record["abstract"] as? String ?? ""),
                    "untitled record \(record["id"] ?? "?") is not a bare abstract")
            #expect(Self.strings(record, "authors").isEmpty)
            #expect(record["year"] == nil && record["venue"] == nil && record["type"] == nil)
        }
    }

    @Test func recordsAreWellFormed() throws {
        let records = try Self.records()
        let ids = records.compactMap { $0["id"] as? String }
        #expect(ids.count == records.count, "every record has a string id")
        #expect(Set(ids).count == ids.count, "ids are unique")
        let titles = records.map(Self.title).filter { !$0.isEmpty }.map(Self.normalizedTitle)
        #expect(Set(titles).count == titles.count, "duplicate titles: \(titles.sorted())")

        let allowed: Set<String> = ["id", "title", "authors", "authors_truncated", "year", "date", "venue",
                                    "type", "categories", "institutions", "abstract", "sources", "versions",
                                    "doi", "arxiv_id"]
        for record in records {
            let id = record["id"] as? String ?? "?"
            #expect(Set(record.keys).isSubset(of: allowed), "\(id): unknown keys \(record.keys.sorted())")
            #expect(record["title"] is String, "\(id): title")
            #expect(record["authors"] is [String], "\(id): authors")
            let sources = Self.strings(record, "sources")
            #expect(!sources.isEmpty, "\(id): sources is empty")
            for source in sources {
                #expect(Self.pageNames.contains(source), "\(id): unknown source \(source)")
            }
            if let type = record["type"] {
                #expect(["conference", "journal", "preprint"].contains(type as? String ?? ""), "\(id): type")
            }
            if let date = record["date"] as? String {
                #expect(date.count == 10 && date.hasPrefix(String(record["year"] as? Int ?? -1)), "\(id): date")
            }
        }
    }

    @Test func keysAreInTheDocumentedOrder() throws {
        let order = ["id", "title", "authors", "authors_truncated", "year", "date", "venue", "type",
                     "categories", "institutions", "abstract", "sources", "versions", "doi", "arxiv_id"]
        for line in try Self.jsonlText().split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            var last = line.startIndex
            for key in order where object[key] != nil {
                let found = try #require(line.range(of: "\"\(key)\":", range: last..<line.endIndex),
                                         "key \(key) out of order in \(line.prefix(60))")
                last = found.upperBound
            }
        }
    }

    @Test func versionsLinkTheSameWorkBothWays() throws {
        let records = try Self.records()
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0["id"] as? String ?? "", $0) })
        var links = 0
        for record in records {
            let id = record["id"] as? String ?? ""
            for other in Self.strings(record, "versions") {
                let target = try #require(byID[other], "\(id): version \(other) does not exist")
                #expect(Self.strings(target, "versions").contains(id), "\(id) -> \(other) is one-way")
                #expect(record["venue"] as? String != target["venue"] as? String
                        || record["type"] as? String != target["type"] as? String,
                        "\(id) and \(other) are versions with the same venue and type")
                links += 1
            }
        }
        // Titled records showing the same work (same title or same abstract) are linked.
        let titled = records.filter { !Self.title($0).isEmpty }
        for (i, a) in titled.enumerated() {
            for b in titled[(i + 1)...] {
                let sameWork = Self.normalizedTitle(Self.title(a)) == Self.normalizedTitle(Self.title(b))
                    || Self.similarity(a["abstract"] as? String ?? "", b["abstract"] as? String ?? "") >= 0.8
                let linked = Self.strings(a, "versions").contains(b["id"] as? String ?? "")
                #expect(sameWork == linked, "\(a["id"] ?? "?") / \(b["id"] ?? "?"): same work \(sameWork), linked \(linked)")
            }
        }
        #expect(links >= 2, "the compute-optimal preprint and NeurIPS paper should be linked")
    }

    @Test func swiftFileEmbedsTheJSONLines() throws {
        let swift = try String(contentsOf: Self.swiftURL, encoding: .utf8)
        let lines = swift.components(separatedBy: "\n")
        #expect(lines.first == "// Generated by Tools/build-default-corpus.py from Corpus/pages/. Do not edit.")
        let open = try #require(lines.firstIndex(of: "    static let jsonLines: String = #\"\"\""))
        let close = try #require(lines.lastIndex(of: "\"\"\"#"))
        #expect(open < close)
        #expect(Array(lines[(close + 1)...]) == ["}", ""])
        let embeddedLines = lines[(open + 1)..<close]
        #expect(!embeddedLines.contains { $0.contains("\"\"\"#") || $0.contains("\\#") })
        // A multi-line literal drops the newline before its closing delimiter.
        let embedded = embeddedLines.joined(separator: "\n")
        #expect(embedded + "\n" == (try Self.jsonlText()))
    }
}
