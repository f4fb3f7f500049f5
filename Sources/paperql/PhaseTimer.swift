import Foundation
import PaperQL
#if canImport(Glibc)
import Glibc
#endif

/// `paperql import --timings`: how long each phase of an import took, wall clock and CPU time
/// (user + system, all threads), and the process's peak memory (resident set) when it ended,
/// written to standard error when the import ends. A phase is reading one file, or one step of
/// building the graph (as the progress line names them).
final class PhaseTimer {
    private struct Phase {
        let name: String
        let wallStart: Double
        let cpuStart: Double
    }

    private var phases: [(name: String, wall: Double, cpu: Double, peakMiB: Int?)] = []
    private var current: Phase?
    private let start = Date()

    init() {
        current = Phase(name: "opening", wallStart: 0, cpuStart: Self.cpuSeconds())
    }

    /// Starts the phase `name` if it is not the current one.
    func enter(_ name: String) {
        if current?.name == name { return }
        let now = (wall: Date().timeIntervalSince(start), cpu: Self.cpuSeconds())
        if let current { phases.append((current.name, now.wall - current.wallStart, now.cpu - current.cpuStart, Self.peakResidentMiB())) }
        current = Phase(name: name, wallStart: now.wall, cpuStart: now.cpu)
    }

    /// The phase an import progress report belongs to.
    func update(_ progress: ImportProgress) {
        switch progress.phase {
        case .reading: enter("reading \(progress.file)")
        case .building(let step, _): enter(step)
        }
    }

    /// Ends the current phase; the table of every phase, and the total.
    func finish() -> String {
        enter("")
        current = nil
        let width = max(phases.map(\.name.count).max() ?? 0, 5)
        var text = "phase".padding(toLength: width, withPad: " ", startingAt: 0) + "     wall      cpu  peak memory\n"
        for phase in phases {
            text += phase.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %8.2fs %8.2fs", phase.wall, phase.cpu)
                + (phase.peakMiB.map { String(format: " %8d MiB", $0) } ?? "") + "\n"
        }
        text += "total".padding(toLength: width, withPad: " ", startingAt: 0)
            + String(format: " %8.2fs %8.2fs\n", phases.reduce(0) { $0 + $1.wall }, phases.reduce(0) { $0 + $1.cpu })
        return text
    }

    /// The process's peak resident set so far (`VmHWM`), when the system tells it.
    private static func peakResidentMiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
