import ArgumentParser
import Foundation
import PaperQL
import PaperQLBatch

/// Loading data files for the commands: progress on a terminal, problems on standard error, and
/// the `--report` text.
enum ImportReporting {
    /// Loads the files, showing progress when standard error is a terminal. On failure writes
    /// the errors and throws exit status 2.
    /// With a `timer`, every phase is timed.
    static func load(paths: [String], options: ImportOptions, timer: PhaseTimer? = nil) throws -> CorpusLoader.Loaded {
        let meter = Terminal.standardErrorIsTerminal ? ProgressMeter() : nil
        let progress: ((ImportProgress) -> Void)? = meter == nil && timer == nil ? nil : { progress in
            timer?.update(progress)
            meter?.update(progress)
        }
        let result = CorpusLoader.load(paths: paths, options: options, progress: progress)
        meter?.clear()
        switch result {
        case .success(let loaded):
            return loaded
        case .failure(let failure):
            Terminal.writeError(failure.errors.map { "\($0)\n" }.joined())
            let stopped = failure.report.stoppedEarly ? " (--strict stops at the first malformed record)" : ""
            Terminal.writeError("error: no data loaded\(stopped); fix the file\(failure.errors.count == 1 ? "" : "s") above and try again\n")
            throw ExitCode(2)
        }
    }

    /// Problems in records that were skipped or loaded with warnings, then a one-line summary.
    static func writeSkipped(_ report: ImportReport) {
        var text = ""
        for file in report.files where file.rejected > 0 || file.warnings > 0 {
            for issue in file.issues { text += "\(issue)\n" }
            let shown = file.issues.count
            let total = file.rejected + file.warnings
            if total > shown { text += "\(file.path): note: \(total - shown) more problem\(total - shown == 1 ? "" : "s") not shown\n" }
        }
        if report.rejected > 0 {
            text += "warning: skipped \(report.rejected) malformed record\(report.rejected == 1 ? "" : "s") (see above); \(report.papers) papers loaded; --strict stops at the first instead\n"
        }
        if !text.isEmpty { Terminal.writeError(text) }
    }

    /// The `--report` text.
    static func render(_ report: ImportReport) -> String {
        var lines: [String] = []
        for file in report.files {
            let format = file.format.map { " (\($0.displayName))" } ?? ""
            lines.append("\(file.path)\(format): \(file.recordsRead) record\(file.recordsRead == 1 ? "" : "s") read, \(file.rejected) rejected\(file.warnings > 0 ? ", \(file.warnings) warning\(file.warnings == 1 ? "" : "s")" : "")")
            for issue in file.issues { lines.append("  \(issue)") }
            let total = file.rejected + file.warnings
            if total > file.issues.count { lines.append("  … \(total - file.issues.count) more") }
        }
        lines.append("total: \(report.recordsRead) records read, \(report.rejected) rejected, \(report.mergedDuplicates) merged as duplicates, \(report.versionLinks) version link\(report.versionLinks == 1 ? "" : "s"), \(report.papers) papers")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A one-line progress display on standard error: records, MB/s, ETA while reading; then each
/// step of building the graph (indexes included) with its share done. Redrawn at most a few
/// times a second (and whenever the step changes); cleared when the import ends.
final class ProgressMeter {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private var lastStep = ""
    private var stepStart = Date()

    func update(_ progress: ImportProgress) {
        let now = Date()
        var stepChanged = false
        if case .building(let step, _) = progress.phase, step != lastStep {
            lastStep = step
            stepStart = now
            stepChanged = true
        }
        guard now.timeIntervalSince(lastDraw) >= 0.2 || progress.finished || stepChanged else { return }
        guard now.timeIntervalSince(start) >= 0.5 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let megabytes = Double(progress.bytesRead) / 1_048_576
        var line = "\(progress.file.split(separator: "/").last.map(String.init) ?? progress.file)"
        if progress.fileCount > 1 { line = "[\(progress.fileIndex + 1)/\(progress.fileCount)] " + line }
        switch progress.phase {
        case .building(let step, let fraction):
            line = progress.fileCount > 1 ? "\(progress.fileCount) files" : line
            line += ": \(progress.records) papers read; building the graph: \(step)"
            if let fraction { line += String(format: " %.0f%%", 100 * fraction) }
            let seconds = Int(now.timeIntervalSince(stepStart))
            line += String(format: " (%d:%02d, %d:%02d in all)", seconds / 60, seconds % 60, Int(elapsed) / 60, Int(elapsed) % 60)
        case .reading:
            let rate = megabytes / elapsed
            line += String(format: ": %d records, %.1f MB", progress.records, megabytes)
            if let total = progress.totalBytes, total > 0 {
                line += String(format: " of %.1f MB (%.0f%%)", Double(total) / 1_048_576, 100 * Double(progress.bytesRead) / Double(total))
            }
            line += String(format: ", %.1f MB/s", rate)
            if let total = progress.totalBytes, rate > 0, progress.bytesRead < total {
                let remaining = Double(total - progress.bytesRead) / 1_048_576 / rate
                line += String(format: ", ETA %d:%02d", Int(remaining) / 60, Int(remaining) % 60)
            }
        }
        Terminal.writeError("\r\u{1B}[K" + line)
        drawn = true
    }

    func clear() {
        if drawn { Terminal.writeError("\r\u{1B}[K") }
    }
}
