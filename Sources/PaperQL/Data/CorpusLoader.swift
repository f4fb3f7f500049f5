import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Loads data files of any supported format (`DataFormat`) into one graph, merging records of
/// the same paper and linking preprints to their published versions (`RecordMerger`).
///
/// Bad input:
/// - A file that cannot be used at all (missing, unreadable, empty, binary, unknown format, XML
///   that is not well-formed, no records) fails the whole load: no graph.
/// - Native JSON Lines files are all-or-nothing: any bad line fails the load, with every bad
///   line reported (up to a limit), so nothing is half-loaded.
/// - In the other formats a malformed record is reported (file, line, why) and skipped, and
///   counted in the report; with `strict` the first one fails the load.
public enum CorpusLoader {
    public struct Failure: Error, Sendable {
        public let errors: [LoadError]
        /// What had been read when the load failed.
        public let report: ImportReport
    }

    /// What was read, for reports.
    public struct Summary: Sendable {
        public var files: [(path: String, records: Int)] = []
        public var mergedDuplicates = 0
    }

    public struct Loaded: Sendable {
        public var graph: PaperGraph
        public var report: ImportReport

        public var summary: Summary {
            Summary(files: report.files.map { ($0.path, $0.recordsRead) }, mergedDuplicates: report.mergedDuplicates)
        }
    }

    public static func load(paths: [String]) -> Result<Loaded, Failure> {
        load(paths: paths, options: ImportOptions())
    }

    /// Adds files to a graph already loaded (the session's `:load`): its papers and the files'
    /// go through the same merger as any sources, the graph counting as one source of its own.
    public static func load(
        paths: [String], adding base: PaperGraph, options: ImportOptions = ImportOptions(),
        progress: ((ImportProgress) -> Void)? = nil
    ) -> Result<Loaded, Failure> {
        load(paths: paths, options: options, progress: progress, base: base)
    }

    public static func load(
        paths: [String], options: ImportOptions, progress: ((ImportProgress) -> Void)? = nil
    ) -> Result<Loaded, Failure> {
        load(paths: paths, options: options, progress: progress, base: nil)
    }

    private static func load(
        paths: [String], options: ImportOptions, progress: ((ImportProgress) -> Void)?, base: PaperGraph?
    ) -> Result<Loaded, Failure> {
        // Special files are refused before anything opens them; standard input is read once,
        // into a temporary file that stands for it and is named after it in every message.
        var resolved: [String] = []
        var refused: [ImportIssue] = []
        var standardInputCopy: String?
        defer { if let standardInputCopy { InputFileKind.remove(copy: standardInputCopy) } }
        for path in paths {
            if InputFileKind.isStandardInput(path), InputFileKind.of(path) != .regular {
                if standardInputCopy == nil {
                    switch InputFileKind.copyStandardInput() {
                    case .success(let copy): standardInputCopy = copy
                    case .failure(let issue): refused.append(issue)
                    }
                }
                resolved.append(standardInputCopy ?? path)
            } else if let issue = InputFileKind.refusal(path) {
                refused.append(issue)
            } else {
                resolved.append(path)
            }
        }
        guard refused.isEmpty else {
            var report = ImportReport()
            for issue in refused {
                var file = ImportReport.FileReport(path: issue.file)
                file.failure = issue
                report.files.append(file)
            }
            return .failure(Failure(errors: refused.map(\.loadError), report: report))
        }
        let result = loadFiles(paths: resolved, options: options, progress: progress, base: base)
        guard let standardInputCopy else { return result }
        return result.map { loaded in
            var loaded = loaded
            loaded.report.rename(standardInputCopy, to: "/dev/stdin")
            return loaded
        }.mapError { failure in
            var report = failure.report
            report.rename(standardInputCopy, to: "/dev/stdin")
            let errors = failure.errors.map { error in
                error.file == standardInputCopy
                    ? LoadError(file: "/dev/stdin", line: error.line, column: error.column, message: error.message) : error
            }
            return Failure(errors: errors, report: report)
        }
    }

    private static func loadFiles(
        paths givenPaths: [String], options: ImportOptions, progress: ((ImportProgress) -> Void)?, base: PaperGraph?
    ) -> Result<Loaded, Failure> {
        var report = ImportReport()
        var errors: [LoadError] = []
        // Name tables (`name_variants.yaml`) say who is who; they hold no papers. An Anthology
        // checkout's `data/` folder stands for its name table and its XML.
        var names = NameTable()
        var paths: [String] = []
        for path in givenPaths.flatMap(anthologyDataFolder) {
            guard NameVariantsImporter.isNameTable(path: path) else {
                paths.append(path)
                continue
            }
            var file = ImportReport.FileReport(path: path)
            switch NameVariantsImporter.read(path: path) {
            case .success(let table):
                names.add(contentsOf: table)
                file.recordsRead = table.people.count
            case .failure(let problem):
                let issue = ImportIssue(.badValue, file: path, line: problem.line, message: problem.message)
                file.failure = issue
                errors.append(issue.loadError)
            }
            report.files.append(file)
        }
        guard !paths.isEmpty || !errors.isEmpty else {
            let issue = ImportIssue(.noRecords, file: givenPaths.first ?? "", message: "a name table alone holds no papers; give the data files too")
            return .failure(Failure(errors: [issue.loadError], report: report))
        }
        // A snapshot alone loads as it is, indexes included; with other files its papers are
        // merged with theirs like any other source.
        var snapshots: [(path: String, graph: PaperGraph)] = []
        for path in paths where GraphSnapshotFile.isSnapshot(path: path) {
            var file = ImportReport.FileReport(path: path)
            do {
                let graph = try PaperGraph.loadSnapshot(from: path)
                file.recordsRead = graph.paperCount
                snapshots.append((path, graph))
            } catch {
                let issue = ImportIssue(.fileUnreadable, file: path, message: error.description)
                file.failure = issue
                errors.append(issue.loadError)
            }
            report.files.append(file)
        }
        if paths.count == 1, names.isEmpty, base == nil, let only = snapshots.first {
            report.papers = only.graph.paperCount
            return .success(Loaded(graph: only.graph, report: report))
        }
        if paths.count == 1, names.isEmpty, base == nil, let only = paths.first, snapshots.isEmpty, errors.isEmpty,
            let loaded = loadSingleNativeFile(path: only, options: options, progress: progress)
        {
            return loaded
        }
        var inputs: [(path: String, source: Int)] = []
        for (source, path) in paths.enumerated() where !GraphSnapshotFile.isSnapshot(path: path) {
            switch expand(path) {
            case .success(let files): inputs += files.map { ($0, source) }
            case .failure(let issue):
                var file = ImportReport.FileReport(path: path)
                file.failure = issue
                report.files.append(file)
                errors.append(issue.loadError)
            }
        }
        // One file of one source alone needs no matching across sources: the merger would only
        // merge records with the same id, which the builder does too (`RecordMerger`'s rule for
        // records of one source). Its records then go straight into the builder's columns
        // instead of being held as values until the build.
        let streaming = base == nil && snapshots.isEmpty && inputs.count == 1
        var merger: RecordMerger? = streaming ? nil : RecordMerger()
        var builder = GraphBuilder()
        if let base, let merger {
            for record in base.records() { merger.add(record, source: Int.min, fileName: "session") }
        }
        for (source, snapshot) in snapshots.enumerated() {
            let fileName = snapshot.path.split(separator: "/").last.map(String.init) ?? snapshot.path
            for record in snapshot.graph.records() { merger?.add(record, source: -1 - source, fileName: fileName) }
        }
        // `@string` macros carry from one BibTeX file to the next, in the order given.
        var bibtexMacros: [String: String] = [:]
        for (position, input) in inputs.enumerated() {
            let fileName = input.path.split(separator: "/").last.map(String.init) ?? input.path
            let kind = (options.format ?? (try? DataFormat.detect(path: input.path)))?.rawValue
            let outcome = importFile(
                path: input.path, options: options, fileIndex: position, fileCount: inputs.count,
                bibtexMacros: bibtexMacros, progress: progress
            ) { record in
                if let merger {
                    merger.add(record, source: position, kind: kind, fileName: fileName)
                } else {
                    builder.add(record)
                }
            }
            if outcome.report.format == .bibtex { bibtexMacros = outcome.report.bibtexMacros }
            report.files.append(outcome.report)
            names.add(contentsOf: outcome.report.people)
            errors += outcome.errors
            if options.strict, !outcome.errors.isEmpty {
                report.stoppedEarly = true
                break
            }
        }
        if let merger {
            report.mergedDuplicates = merger.mergedDuplicates
            report.versionLinks = merger.versionLinks
        } else {
            report.mergedDuplicates = builder.mergedDuplicates
        }
        guard errors.isEmpty else { return .failure(Failure(errors: errors, report: report)) }
        if let merged = merger?.records {
            builder.add(contentsOf: merged)
        }
        // The merger's records are in the builder's columns now: free them before the build.
        merger = nil
        MemoryRelease.returnFreedMemory()
        builder.names = names
        let papers = builder.recordCount
        let graph = builder.buildEmptying(progress: buildingProgress(progress, file: inputs.last?.path ?? "", fileCount: inputs.count,
                                                             records: papers))
        MemoryRelease.returnFreedMemory()
        report.papers = papers
        return .success(Loaded(graph: graph, report: report))
    }

    /// One native file needs no merging across sources: its records stream straight into the
    /// graph builder (records with the same id still merge there). Nil when the file is not a
    /// plain native JSON Lines file, so the general path handles it.
    private static func loadSingleNativeFile(
        path: String, options: ImportOptions, progress: ((ImportProgress) -> Void)?
    ) -> Result<Loaded, Failure>? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            (try? checkContent(path: path)) != nil
        else { return nil }
        let format = options.format ?? (try? DataFormat.detect(path: path))
        guard format == .native else { return nil }
        var file = ImportReport.FileReport(path: path, format: .native)
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        file.bytes = totalBytes ?? 0
        var builder = GraphBuilder()
        if let totalBytes { builder.reserveCapacity(forFileBytes: totalBytes) }
        var report = ImportReport()
        do {
            let errors = try NativeJSONLines.readColumns(path: path, progress: { bytes in
                progress?(ImportProgress(file: path, fileIndex: 0, fileCount: 1, bytesRead: bytes, totalBytes: totalBytes,
                                         records: builder.recordCount, finished: false))
            }) { builder.add(columns: $0) }
            if !errors.isEmpty {
                file.rejected = errors.count
                file.failure = ImportIssue(.invalidJSON, file: path, message: "\(errors.count == 20 ? "20 or more" : String(errors.count)) bad line\(errors.count == 1 ? "" : "s"); native files load all or nothing")
                report.files.append(file)
                return .failure(Failure(errors: errors, report: report))
            }
        } catch {
            let issue = ImportIssue(.fileUnreadable, file: path, message: (error as? LoadError)?.message ?? "cannot read the file: \(error.localizedDescription)")
            file.failure = issue
            report.files.append(file)
            return .failure(Failure(errors: [issue.loadError], report: report))
        }
        guard builder.recordCount > 0 else {
            let issue = ImportIssue(.noRecords, file: path, message: "no papers in the file")
            file.failure = issue
            report.files.append(file)
            return .failure(Failure(errors: [issue.loadError], report: report))
        }
        file.recordsRead = builder.recordCount + builder.mergedDuplicates
        report.files.append(file)
        report.mergedDuplicates = builder.mergedDuplicates
        let graph = builder.buildEmptying(progress: buildingProgress(progress, file: path, fileCount: 1, records: builder.recordCount,
                                                             bytes: totalBytes))
        MemoryRelease.returnFreedMemory()
        report.papers = graph.paperCount
        return .success(Loaded(graph: graph, report: report))
    }

    /// Progress of the graph's build, reported as a phase of the import after the reading.
    private static func buildingProgress(
        _ progress: ((ImportProgress) -> Void)?, file: String, fileCount: Int, records: Int, bytes: Int? = nil
    ) -> ((String, Double?) -> Void)? {
        guard let progress else { return nil }
        return { step, fraction in
            progress(ImportProgress(file: file, fileIndex: max(fileCount - 1, 0), fileCount: fileCount, bytesRead: bytes ?? 0,
                                    totalBytes: bytes, records: records, finished: false,
                                    phase: .building(step: step, fractionDone: fraction)))
        }
    }

    /// An ACL Anthology checkout's `data/` folder (with `xml/` and `yaml/name_variants.yaml`)
    /// stands for its name table and its XML files; any other path for itself.
    static func anthologyDataFolder(_ path: String) -> [String] {
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        var isDirectory: ObjCBool = false
        let table = base + "/yaml/name_variants.yaml"
        guard FileManager.default.fileExists(atPath: base + "/xml", isDirectory: &isDirectory), isDirectory.boolValue,
            FileManager.default.fileExists(atPath: table)
        else { return [path] }
        return [table, base + "/xml"]
    }

    /// A directory stands for the data files directly inside it, in name order.
    static func expand(_ path: String) -> Result<[String], ImportIssue> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ImportIssue(.fileUnreadable, file: path, message: "no such file"))
        }
        guard isDirectory.boolValue else { return .success([path]) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { name in
            !name.hasPrefix(".") && DataFormat.knownExtensions.contains(name.split(separator: ".").last.map { $0.lowercased() } ?? "")
        }.sorted()
        guard !files.isEmpty else {
            return .failure(ImportIssue(.noRecords, file: path, message: "a directory with no data files (.jsonl, .bib, .xml, .csv) in it"))
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        return .success(files.map { base + $0 })
    }

    /// Imports one file, sending its records to `emit`. Records are only sent once the file
    /// has been accepted for native JSON Lines (all or nothing); other formats stream.
    /// - Parameter bibtexMacros: the `@string` macros of the BibTeX files read before this one;
    ///   the report's `bibtexMacros` has them with this file's.
    static func importFile(
        path: String, options: ImportOptions, fileIndex: Int, fileCount: Int, bibtexMacros: [String: String] = [:],
        progress: ((ImportProgress) -> Void)?, emit: @escaping (PaperRecord) -> Void
    ) -> (report: ImportReport.FileReport, errors: [LoadError]) {
        var failed = ImportReport.FileReport(path: path, format: options.format)
        func fail(_ issue: ImportIssue) -> (ImportReport.FileReport, [LoadError]) {
            failed.failure = issue
            return (failed, [issue.loadError])
        }
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        do {
            try checkContent(path: path)
        } catch {
            return fail(error)
        }
        let format: DataFormat
        if let chosen = options.format {
            format = chosen
        } else {
            do {
                format = try DataFormat.detect(path: path)
            } catch {
                return fail(error)
            }
        }
        failed.format = format
        if format == .native { return importNative(path: path, totalBytes: totalBytes, emit: emit) }
        var sink = ImportSink(
            path: path, format: format, strict: options.strict, issueLimit: options.issueLimit,
            fileIndex: fileIndex, fileCount: fileCount, progress: progress, emit: emit)
        var macros = bibtexMacros
        do {
            switch format {
            case .bibtex: try BibTeXImporter.read(path: path, totalBytes: totalBytes, macros: &macros, into: &sink)
            case .arxiv: try ArxivImporter.read(path: path, totalBytes: totalBytes, into: &sink)
            case .openalex: try OpenAlexImporter.read(path: path, totalBytes: totalBytes, into: &sink)
            case .dblp: try DBLPImporter.read(path: path, totalBytes: totalBytes, into: &sink)
            case .acl: try ACLAnthologyImporter.read(path: path, totalBytes: totalBytes, into: &sink)
            case .csv: try CSVImporter.read(path: path, totalBytes: totalBytes, into: &sink)
            case .native: break
            }
        } catch {
            var report = sink.report
            if error.issue.isFileLevel || !report.issues.contains(error.issue) { report.failure = error.issue }
            report.bibtexMacros = macros
            return (report, [error.issue.loadError])
        }
        sink.finish(totalBytes: totalBytes)
        var report = sink.report
        report.bibtexMacros = macros
        return (report, [])
    }

    private static func importNative(path: String, totalBytes: Int?, emit: (PaperRecord) -> Void) -> (report: ImportReport.FileReport, errors: [LoadError]) {
        var report = ImportReport.FileReport(path: path, format: .native)
        report.bytes = totalBytes ?? 0
        do {
            let (records, errors) = try NativeJSONLines.read(path: path)
            if !errors.isEmpty {
                report.rejected = errors.count
                report.failure = ImportIssue(.invalidJSON, file: path, message: "\(errors.count == 20 ? "20 or more" : String(errors.count)) bad line\(errors.count == 1 ? "" : "s"); native files load all or nothing")
                return (report, errors)
            }
            if records.isEmpty {
                let issue = ImportIssue(.noRecords, file: path, message: "no papers in the file")
                report.failure = issue
                return (report, [issue.loadError])
            }
            report.recordsRead = records.count
            records.forEach(emit)
            return (report, [])
        } catch let error as LoadError {
            report.failure = ImportIssue(.fileUnreadable, file: path, message: error.message)
            return (report, [error])
        } catch {
            let issue = ImportIssue(.fileUnreadable, file: path, message: "cannot read the file: \(error.localizedDescription)")
            report.failure = issue
            return (report, [issue.loadError])
        }
    }

    /// Refuses empty and binary files before parsing them.
    static func checkContent(path: String) throws(ImportIssue) {
        // Files found in a directory are checked here, before the first open.
        if let issue = InputFileKind.refusal(path) { throw issue }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportIssue(.fileUnreadable, file: path, message: "cannot open the file (is it readable?)")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        if head.isEmpty { throw ImportIssue(.emptyFile, file: path, message: "the file is empty") }
        if head.contains(0) {
            throw ImportIssue(.binaryFile, file: path, byteOffset: head.firstIndex(of: 0), message: "this looks like a binary file, not text (it contains NUL bytes)")
        }
    }
}
