/// What an import read, merged, linked and rejected; the CLI prints it for `--report`.
public struct ImportReport: Sendable {
    public struct FileReport: Sendable {
        public var path: String
        public var format: DataFormat?
        /// Records accepted from this file.
        public var recordsRead = 0
        /// Malformed records skipped.
        public var rejected = 0
        public var warnings = 0
        public var bytes = 0
        /// The first problems found (errors and warnings), up to the issue limit.
        public var issues: [ImportIssue] = []
        /// Set when the file could not be used at all.
        public var failure: ImportIssue?
        /// People the file itself describes beyond its bylines (an ACL author's name in another
        /// script): who is who, for the graph builder, as a name table does.
        public var people = NameTable()
        /// BibTeX `@string` macros known after this file (those of earlier files included), for
        /// the files after it.
        public var bibtexMacros: [String: String] = [:]

        public init(path: String, format: DataFormat? = nil) {
            self.path = path
            self.format = format
        }
    }

    public var files: [FileReport] = []
    /// Records folded into an earlier record of the same paper (same DOI, arXiv id, or title
    /// and year).
    public var mergedDuplicates = 0
    /// Preprint–published pairs linked through their `versions` fields.
    public var versionLinks = 0
    /// Papers in the resulting graph.
    public var papers = 0
    /// The import stopped at the first bad record (`--strict`).
    public var stoppedEarly = false

    public init() {}

    public var recordsRead: Int { files.reduce(0) { $0 + $1.recordsRead } }
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var failedFiles: [FileReport] { files.filter { $0.failure != nil } }
}

extension ImportReport {
    /// Names a file by another path in every file report and issue (standard input's copy).
    mutating func rename(_ path: String, to name: String) {
        for index in files.indices where files[index].path == path {
            files[index].path = name
            for issue in files[index].issues.indices where files[index].issues[issue].file == path {
                files[index].issues[issue].file = name
            }
            if files[index].failure?.file == path { files[index].failure?.file = name }
        }
    }
}
