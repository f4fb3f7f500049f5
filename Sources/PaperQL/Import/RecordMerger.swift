/// Builds one set of papers out of records from several sources.
///
/// A source is a kind of data (a format: ACL Anthology XML, BibTeX, …). Records of one source
/// are told apart by the source's own ids: the same id is one paper (merged), different ids are
/// different papers, never merged nor linked by DOI or title, whichever files they came in and
/// however the files were passed (a folder or its files, one `--data` or several). So loading
/// one file on its own gives the same papers as loading it with others of its kind.
///
/// Records of different sources are matched, in order, by DOI; by arXiv id (version suffix
/// dropped; a DOI `10.48550/arXiv.…` counts as an arXiv id); by the same id; and by the same
/// folded title (`TextFolding.fold`, at least 16 characters) with the same year or one side a
/// preprint, and an author family name in common (or no authors on one side). Every match but
/// the title needs the titles to agree (`titlesAgree`), since real data has DOIs given to two
/// papers. Then:
/// - a preprint matched with a published record (conference, journal, book, thesis) is linked to
///   it as another version of the work: each gets the other's id in `versions`;
/// - otherwise the two are the same paper and are merged (`PaperRecord.merge`).
/// Two records with one id whose titles disagree (two BibTeX files using one key for different
/// papers) are both kept; the later one's id gets `@<file name>` appended.
final class RecordMerger {
    private(set) var records: [PaperRecord] = []
    private var byID: [String: Int] = [:]
    private var byDOI: [String: Int] = [:]
    private var byArxiv: [String: Int] = [:]
    private var byTitle: [String: [Int]] = [:]
    /// The file each kept record came from first, and its source (nil: unknown, as for a
    /// snapshot's records, which match every source).
    private var fileOf: [Int] = []
    private var sourceOf: [String?] = []
    private(set) var mergedDuplicates = 0
    private(set) var versionLinks = 0
    private(set) var renamedIDs = 0
    /// Records that share a DOI or arXiv id with a kept record but have a different title (data
    /// errors: the ACL Anthology has two pairs of papers with one DOI); kept apart.
    private(set) var conflictingIdentifiers = 0

    /// Titles shorter than this (folded) never match on title alone ("Introduction", "Preface").
    static let minimumTitleLength = 16

    func add(_ incoming: PaperRecord, source file: Int, kind: String? = nil, fileName: String) {
        var record = incoming
        let doi = Self.doiKey(record)
        let arxiv = Self.arxivKey(record)
        let title = Self.titleKey(record)
        /// Records of one source match on their ids alone.
        func otherSource(_ index: Int) -> Bool { kind == nil || sourceOf[index] == nil || sourceOf[index] != kind }

        var match: Int?
        if let doi, let index = byDOI[doi], otherSource(index) {
            if Self.titlesAgree(records[index], record) { match = index } else { conflictingIdentifiers += 1 }
        }
        if match == nil, let arxiv, let index = byArxiv[arxiv], otherSource(index) {
            if Self.titlesAgree(records[index], record) { match = index } else { conflictingIdentifiers += 1 }
        }
        if match == nil, let index = byID[record.id] {
            if fileOf[index] == file || Self.titlesAgree(records[index], record) {
                match = index
            } else {
                record.id += "@\(fileName)"
                renamedIDs += 1
            }
        }
        if match == nil, let title {
            match = byTitle[title]?.first { index in
                otherSource(index) && titleMatchIsPlausible(records[index], record)
            }
        }

        guard let index = match else {
            insert(record, file: file, kind: kind, doi: doi, arxiv: arxiv, title: title)
            return
        }
        if Self.isVersionPair(records[index], record) {
            if records[index].versions.contains(record.id) || record.id == records[index].id {
                records[index].merge(record)
                mergedDuplicates += 1
                return
            }
            let existingID = records[index].id
            record.versions = PaperRecord.union(record.versions, [existingID])
            records[index].versions = PaperRecord.union(records[index].versions, [record.id])
            versionLinks += 1
            if byID[record.id] != nil { record.id += "@\(fileName)" }
            insert(record, file: file, kind: kind, doi: doi, arxiv: arxiv, title: title)
        } else {
            records[index].merge(record)
            mergedDuplicates += 1
            self.index(at: index, doi: Self.doiKey(records[index]), arxiv: Self.arxivKey(records[index]), title: nil)
        }
    }

    private func insert(_ record: PaperRecord, file: Int, kind: String?, doi: String?, arxiv: String?, title: String?) {
        let index = records.count
        records.append(record)
        fileOf.append(file)
        sourceOf.append(kind)
        if byID[record.id] == nil { byID[record.id] = index }
        self.index(at: index, doi: doi, arxiv: arxiv, title: title)
    }

    private func index(at index: Int, doi: String?, arxiv: String?, title: String?) {
        if let doi, byDOI[doi] == nil { byDOI[doi] = index }
        if let arxiv, byArxiv[arxiv] == nil { byArxiv[arxiv] = index }
        if let title { byTitle[title, default: []].append(index) }
    }

    /// One is a preprint and the other a published kind.
    static func isVersionPair(_ a: PaperRecord, _ b: PaperRecord) -> Bool {
        func published(_ type: PaperType?) -> Bool { type != nil && type != .preprint && type != .other }
        return (a.type == .preprint && published(b.type)) || (b.type == .preprint && published(a.type))
    }

    private func titleMatchIsPlausible(_ a: PaperRecord, _ b: PaperRecord) -> Bool {
        let sameYear = a.year == nil || b.year == nil || a.year == b.year
        guard sameYear || Self.isVersionPair(a, b) else { return false }
        if a.authors.isEmpty || b.authors.isEmpty { return true }
        let families = Set(a.authors.compactMap { TextFolding.words($0).last })
        return b.authors.contains { TextFolding.words($0).last.map(families.contains) ?? false }
    }

    /// Titles of one paper: at least 80% of the words of the shorter title (folded) appear in
    /// the other. "Attention Is All You Need" vs "Attention is all you need." agree; a book
    /// review and an essay that a data error gave one DOI do not.
    static func titlesAgree(_ a: PaperRecord, _ b: PaperRecord) -> Bool {
        let wordsA = Set(TextFolding.words(a.title))
        let wordsB = Set(TextFolding.words(b.title))
        let shorter = min(wordsA.count, wordsB.count)
        guard shorter > 0 else { return true }
        return wordsA.intersection(wordsB).count * 5 >= shorter * 4
    }

    static func doiKey(_ record: PaperRecord) -> String? {
        guard let doi = record.doi?.lowercased(), !doi.isEmpty, !doi.hasPrefix("10.48550/arxiv.") else { return nil }
        return doi
    }

    static func arxivKey(_ record: PaperRecord) -> String? {
        if let id = record.arxivID, !id.isEmpty {
            let bare = id.lowercased().hasPrefix("arxiv:") ? String(id.dropFirst(6)) : id
            return ImportText.withoutVersion(bare).lowercased()
        }
        if let doi = record.doi?.lowercased(), doi.hasPrefix("10.48550/arxiv.") {
            return ImportText.withoutVersion(String(doi.dropFirst("10.48550/arxiv.".count)))
        }
        return nil
    }

    static func titleKey(_ record: PaperRecord) -> String? {
        let folded = TextFolding.fold(record.title)
        return folded.count >= minimumTitleLength ? folded : nil
    }
}
