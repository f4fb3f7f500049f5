import Foundation

/// Imports OpenAlex works (the API's `Work` objects, or the snapshot's JSON Lines).
///
/// id: the `W…` id; title: `title` or `display_name`; authors: `authorships[].author.display_name`,
/// each with its identifier `openalex:A…` from `authorships[].author.id` (one person per id) and
/// the other identifier `orcid:…` from `authorships[].author.orcid` (one person per ORCID too);
/// institutions: `authorships[].institutions[].display_name`; venue:
/// `primary_location.source.display_name`; categories: `topics[].display_name`, else
/// `concepts[].display_name`; abstract: `abstract_inverted_index` put back in order. An arXiv id
/// is taken from any location's arxiv.org URL.
enum OpenAlexImporter {
    static func read(path: String, totalBytes: Int?, into sink: inout ImportSink) throws(ImportStop) {
        // The people whose ORCIDs the works give, each described once, after the file.
        var people: [NameTable.Person] = []
        var described = Set<String>()
        try JSONLinesImporter.read(path: path, totalBytes: totalBytes, formatName: "OpenAlex work", into: &sink) {
            value throws(Problem) in
            let (record, found) = try decodeWithPeople(value)
            for person in found where described.insert(person.identifier).inserted { people.append(person) }
            return record
        }
        for person in people { sink.describe(person) }
    }

    static func decode(_ value: JSONValue) throws(Problem) -> PaperRecord {
        try decodeWithPeople(value).record
    }

    typealias Problem = JSONLinesImporter.FieldProblem

    /// Abstracts longer than this many words are cut (a hostile index cannot make a huge array).
    static let maximumAbstractWords = 20_000

    /// The work, and the people of its authorships that carry an ORCID: `openalex:A…` with the
    /// other identifier `orcid:…`, so other sources' ORCIDs find them.
    static func decodeWithPeople(_ value: JSONValue) throws(Problem) -> (record: PaperRecord, people: [NameTable.Person]) {
        var people: [NameTable.Person] = []
        guard case .object = value else { throw Problem("expected a JSON object, found \(value.typeDescription)") }
        let rawID = try value.requiredString("id")
        let id = rawID.split(separator: "/").last.map(String.init) ?? rawID
        let titleText = try value.string("title")
        let displayName = try value.string("display_name")
        guard let title = ImportText.clean(titleText ?? displayName) else {
            throw Problem(.missingField, "missing field \"title\" (and \"display_name\")")
        }
        var record = PaperRecord(id: id, title: title)
        record.doi = ImportText.doi(try value.string("doi"))
        record.year = try value.integer("publication_year")
        record.date = try value.string("publication_date")
        if record.year == nil, let date = record.date { record.year = ImportText.year(date) }
        for (index, authorship) in try value.array("authorships").enumerated() {
            guard case .object = authorship else {
                throw Problem("field \"authorships\" must be a list of objects; item \(index + 1) is \(authorship.typeDescription)")
            }
            let author = try authorship.object("author")
            if let name = ImportText.clean(try author?.string("display_name")) {
                record.authors.append(name)
                // `https://openalex.org/A5023888391` → `openalex:A5023888391`
                let authorID = try author?.string("id").flatMap { $0.split(separator: "/").last.map(String.init) }
                record.authorIDs.append(authorID.map { "openalex:" + $0 } ?? "")
                if let authorID, let orcid = ImportText.orcid(author?["orcid"]?.stringValue) {
                    people.append(NameTable.Person(identifier: "openalex:" + authorID, canonical: "", variants: [],
                                                   otherIdentifiers: [orcid]))
                }
            }
            for institution in try authorship.array("institutions") {
                if let name = ImportText.clean(institution["display_name"]?.stringValue), !record.institutions.contains(name) {
                    record.institutions.append(name)
                }
            }
        }
        if record.authorIDs.allSatisfy(\.isEmpty) { record.authorIDs = [] }
        let primary = try value.object("primary_location")
        let source = try primary?.object("source")
        let hostVenue = try value.object("host_venue")?.string("display_name")
        record.venue = ImportText.clean(try source?.string("display_name")) ?? ImportText.clean(hostVenue)
        let topics = try value.array("topics")
        let concepts = topics.isEmpty ? try value.array("concepts") : topics
        record.categories = concepts.compactMap { ImportText.clean($0["display_name"]?.stringValue) }
        if case .object(let index)? = value["abstract_inverted_index"] {
            record.abstract = abstract(from: index)
        }
        var urls: [String] = []
        for location in [primary].compactMap({ $0 }) + (try value.array("locations")) {
            if let url = location["landing_page_url"]?.stringValue { urls.append(url) }
            if let url = location["pdf_url"]?.stringValue { urls.append(url) }
        }
        record.arxivID = urls.lazy.filter { $0.contains("arxiv.org") }.compactMap(ImportText.arxivID).first
        record.type = paperType(try value.string("type"), sourceType: try source?.string("type"), venue: record.venue)
        if record.type == .preprint, record.venue == nil, record.arxivID != nil { record.venue = "arXiv" }
        return (record, people)
    }

    /// `{"Despite": [0], "growing": [1], ...}` → "Despite growing ...".
    static func abstract(from index: [(key: String, value: JSONValue)]) -> String? {
        var slots: [Int: String] = [:]
        for (word, positions) in index {
            guard case .array(let list) = positions else { continue }
            for position in list {
                guard case .number(let number) = position, number >= 0, number < Double(maximumAbstractWords),
                    number == number.rounded()
                else { continue }
                slots[Int(number)] = word
            }
        }
        guard !slots.isEmpty else { return nil }
        return slots.keys.sorted().compactMap { slots[$0] }.joined(separator: " ")
    }

    /// OpenAlex `type` (and the source's type) → paper type.
    static func paperType(_ type: String?, sourceType: String?, venue: String?) -> PaperType? {
        switch type?.lowercased() {
        case nil: return nil
        case "preprint", "posted-content": return .preprint
        case "book", "book-chapter", "monograph", "reference-entry", "edited-book": return .book
        case "dissertation": return .thesis
        case "proceedings-article", "proceedings": return .conference
        case "article", "journal-article", "letter", "review", "editorial":
            switch sourceType?.lowercased() {
            case "conference"?: return .conference
            case "repository"?: return .preprint
            case "book series"?, "ebook platform"?: return .book
            default: return venue.map(BibTeXImporter.isArxivVenue) == true ? .preprint : .journal
            }
        default: return .other
        }
    }
}
