/// How to import: the format (or detection), and what to do with a malformed record.
public struct ImportOptions: Sendable {
    /// nil: decide per file from its name and contents.
    public var format: DataFormat?
    /// Stop at the first malformed record instead of skipping it. Native JSON Lines files are
    /// always all-or-nothing, strict or not.
    public var strict: Bool
    /// How many issues to keep per file (the counts are always exact).
    public var issueLimit: Int

    public init(format: DataFormat? = nil, strict: Bool = false, issueLimit: Int = 20) {
        self.format = format
        self.strict = strict
        self.issueLimit = issueLimit
    }
}

/// Where a long import has got to, for a progress display. The library never prints it.
public struct ImportProgress: Sendable {
    public var file: String
    public var fileIndex: Int
    public var fileCount: Int
    public var bytesRead: Int
    /// The file's size, when known.
    public var totalBytes: Int?
    /// Records accepted so far from this file.
    public var records: Int
    public var finished: Bool
    /// Reading the files, or building the graph from what was read.
    public var phase: Phase = .reading

    public enum Phase: Sendable, Equatable {
        case reading
        /// Building the graph: the step (`"indexing papers"`) and how much of it is done
        /// (0...1), when known.
        case building(step: String, fractionDone: Double?)
    }
}
