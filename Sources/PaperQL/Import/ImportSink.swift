/// Stops an importer: the file cannot be read on (a file-level problem), or `--strict` met a bad
/// record.
struct ImportStop: Error {
    let issue: ImportIssue
}

/// What an importer hands its records and problems to. It counts, keeps the first issues,
/// forwards records to the merger, reports progress, and throws `ImportStop` when a bad record
/// must stop the import.
struct ImportSink {
    let path: String
    /// The file name alone, recorded in each record's `sources`.
    let sourceName: String
    let strict: Bool
    let issueLimit: Int
    private(set) var report: ImportReport.FileReport
    private let emit: (PaperRecord) -> Void
    private let progress: ((ImportProgress) -> Void)?
    private let fileIndex: Int
    private let fileCount: Int
    private var lastReportedBytes = 0
    private let progressStep: Int

    init(
        path: String, format: DataFormat, strict: Bool, issueLimit: Int, fileIndex: Int = 0, fileCount: Int = 1,
        progress: ((ImportProgress) -> Void)? = nil, emit: @escaping (PaperRecord) -> Void
    ) {
        self.path = path
        self.sourceName = path.split(separator: "/").last.map(String.init) ?? path
        self.strict = strict
        self.issueLimit = issueLimit
        self.report = ImportReport.FileReport(path: path, format: format)
        self.emit = emit
        self.progress = progress
        self.fileIndex = fileIndex
        self.fileCount = fileCount
        self.progressStep = 1 << 20
    }

    mutating func accept(_ record: consuming PaperRecord) {
        var record = record
        if record.sources.isEmpty { record.sources = [sourceName] }
        report.recordsRead += 1
        emit(record)
    }

    /// A person the file describes (their names beyond a byline), for the graph builder.
    mutating func describe(_ person: NameTable.Person) {
        report.people.add(person)
    }

    /// A malformed record: counted and skipped, or the end of the import with `--strict`.
    mutating func reject(_ issue: ImportIssue) throws(ImportStop) {
        report.rejected += 1
        keep(issue)
        if strict { throw ImportStop(issue: issue) }
    }

    mutating func warn(_ issue: ImportIssue) {
        var issue = issue
        issue.severity = .warning
        report.warnings += 1
        keep(issue)
    }

    private mutating func keep(_ issue: ImportIssue) {
        if report.issues.count < issueLimit { report.issues.append(issue) }
    }

    /// Called by importers as they read; reports at most once per megabyte.
    mutating func read(bytes: Int, totalBytes: Int?) {
        report.bytes = bytes
        guard let progress, bytes - lastReportedBytes >= progressStep else { return }
        lastReportedBytes = bytes
        progress(ImportProgress(
            file: path, fileIndex: fileIndex, fileCount: fileCount, bytesRead: bytes, totalBytes: totalBytes,
            records: report.recordsRead, finished: false))
    }

    func finish(totalBytes: Int?) {
        progress?(ImportProgress(
            file: path, fileIndex: fileIndex, fileCount: fileCount, bytesRead: report.bytes, totalBytes: totalBytes,
            records: report.recordsRead, finished: true))
    }

    /// A record-level issue at a place in this file.
    func issue(_ kind: ImportIssue.Kind, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, _ message: String) -> ImportIssue {
        ImportIssue(kind, file: path, line: line, column: column, byteOffset: byteOffset, message: message)
    }
}
