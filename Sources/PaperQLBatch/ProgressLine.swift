import PaperQL

/// A status line on standard error, redrawn in place at most ten times a second and cleared at
/// the end; silent when disabled (standard error is not a terminal, or the work is small).
public final class ProgressLine {
    private let enabled: Bool
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ text: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        drawn = true
        Terminal.writeError("\r\u{1B}[K" + TerminalText.escaped(text, lineFeeds: false))
    }

    func clear() {
        if drawn { Terminal.writeError("\r\u{1B}[K") }
    }

    /// `38 papers`, `1 author`, `a count`, `a path`.
    public static func describe(_ result: QueryResult) -> String {
        let count = result.rowCount
        switch result {
        case .papers: return count == 1 ? "1 paper" : "\(count) papers"
        case .authors: return count == 1 ? "1 author" : "\(count) authors"
        case .venues: return count == 1 ? "1 venue" : "\(count) venues"
        case .groups: return count == 1 ? "1 group" : "\(count) groups"
        case .count: return "a count"
        case .path: return "a path"
        case .profile: return "a profile of \(count == 1 ? "1 paper" : "\(count) papers")"
        }
    }
}
