import Foundation
import PaperQL
import PaperQLBatch

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

    private var phases: [(name: String, wall: Double, cpu: Double, peakMiB: Double)] = []
    private var current: Phase?
    private let start = Date()

    init() {
        current = Phase(name: "opening", wallStart: 0, cpuStart: ProcessUsage.cpuSeconds)
    }

    /// Starts the phase `name` if it is not the current one.
    func enter(_ name: String) {
        if current?.name == name { return }
        let now = (wall: Date().timeIntervalSince(start), cpu: ProcessUsage.cpuSeconds)
        if let current { phases.append((current.name, now.wall - current.wallStart, now.cpu - current.cpuStart, ProcessUsage.peakResidentMiB)) }
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
                + String(format: " %8.0f MiB\n", phase.peakMiB)
        }
        text += "total".padding(toLength: width, withPad: " ", startingAt: 0)
            + String(format: " %8.2fs %8.2fs\n", phases.reduce(0) { $0 + $1.wall }, phases.reduce(0) { $0 + $1.cpu })
        return text
    }
}
