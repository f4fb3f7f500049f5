/// Renders diagnostics the way compilers do: location, severity, message, the source line and
/// a caret under the span, then notes.
///
/// ```
/// report.pql:3:12: error: no author named "Jack Ray"
/// papers by "Jack Ray" since 2020
///           ^~~~~~~~~~
/// report.pql:3:12: note: did you mean "Jack Rae" (6 papers)?
/// ```
///
/// Output stays bounded whatever the input: at most `limit` diagnostics of a list are shown,
/// then one "N more" line; a line longer than `lineWindow` characters is shown as a window
/// around the span, cut with `…`; control characters (from data in messages, or in the query)
/// are shown escaped (`TerminalText`).
public struct DiagnosticRenderer: Sendable {
    /// ANSI colours, for a terminal.
    public var colored: Bool
    /// Diagnostics shown from one list (one statement's); the rest are counted in one line.
    public var limit: Int
    /// Characters of a source line shown around the span.
    public var lineWindow: Int

    public static let defaultLimit = 20
    public static let defaultLineWindow = 160

    public init(colored: Bool = false, limit: Int = DiagnosticRenderer.defaultLimit, lineWindow: Int = DiagnosticRenderer.defaultLineWindow) {
        self.colored = colored
        self.limit = max(1, limit)
        self.lineWindow = max(20, lineWindow)
    }

    public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
        guard diagnostics.count > limit else { return diagnostics.map { render($0, in: source) }.joined() }
        let shown = diagnostics.prefix(limit)
        let hidden = diagnostics.dropFirst(limit)
        return shown.map { render($0, in: source) }.joined() + moreLine(hidden, in: source)
    }

    /// "N more errors not shown", at the first one left out.
    public func moreLine(_ hidden: ArraySlice<Diagnostic>, in source: SourceFile) -> String {
        guard let first = hidden.first else { return "" }
        return moreLine(count: hidden.count, errors: hidden.filter { $0.severity == .error }.count, at: first.span, in: source)
    }

    /// "N more errors not shown" (or diagnostics, when not all are errors), at `span`.
    public func moreLine(count: Int, errors: Int, at span: SourceSpan, in source: SourceFile, why: String = "") -> String {
        let what =
            errors == count ? (errors == 1 ? "error" : "errors")
            : errors == 0 ? (count == 1 ? "diagnostic" : "diagnostics") : "diagnostics (\(errors) errors)"
        return header(source.name, source.location(of: span.start), "note", "\(count) more \(what) not shown\(why)")
    }

    /// One diagnostic with its notes; every line ends with a newline.
    public func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        let location = source.location(of: diagnostic.span.start)
        var output = header(source.name, location, diagnostic.severity.rawValue, diagnostic.message)
        output += excerpt(diagnostic.span, at: location, in: source)
        for note in diagnostic.notes {
            let span = note.span ?? diagnostic.span
            let noteLocation = note.span == nil ? location : source.location(of: span.start)
            output += header(source.name, noteLocation, "note", note.message)
            if let own = note.span, own != diagnostic.span { output += excerpt(own, at: noteLocation, in: source) }
        }
        return output
    }

    private func header(_ file: String, _ location: SourceLocation, _ severity: String, _ message: String) -> String {
        let place = "\(TerminalText.escaped(file, lineFeeds: false)):\(location.line):\(location.column):"
        let message = TerminalText.escaped(message, lineFeeds: false)
        guard colored else { return "\(place) \(severity): \(message)\n" }
        let color =
            switch severity {
            case "error": "\u{1B}[1;31m"
            case "warning": "\u{1B}[1;35m"
            default: "\u{1B}[1;36m"
            }
        return "\u{1B}[1m\(place)\u{1B}[0m \(color)\(severity):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m\n"
    }

    /// The line holding the start of the span (or a window of it around the span), and a caret
    /// line under the span's part on it.
    private func excerpt(_ span: SourceSpan, at start: SourceLocation, in source: SourceFile) -> String {
        let bytes = source.bytes
        let offset = start.offset
        // The line's bytes, found from the span without copying the whole line.
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let spanEnd = min(max(span.end, offset), lineEnd)
        // At most a few bytes per character: a window of bytes wide enough for the characters.
        let reach = lineWindow * 4
        var from = max(lineStart, offset - reach)
        while from > lineStart, bytes[from] & 0xC0 == 0x80 { from -= 1 }
        var to = min(lineEnd, max(spanEnd, offset) + reach)
        while to < lineEnd, bytes[to] & 0xC0 == 0x80 { to += 1 }
        let before = Array(String(decoding: bytes[from..<min(offset, to)], as: UTF8.self))
        let covered = Array(String(decoding: bytes[min(offset, to)..<max(min(spanEnd, to), min(offset, to))], as: UTF8.self))
        let after = Array(String(decoding: bytes[max(min(spanEnd, to), min(offset, to))..<to], as: UTF8.self))
        // Characters kept on each side of the span, and of the span itself.
        let keepBefore = lineWindow / 3
        let keepCovered = lineWindow / 3
        let shownBefore = before.suffix(keepBefore)
        let shownCovered = covered.prefix(keepCovered)
        let shownAfter = covered.count > keepCovered ? [] : after.prefix(lineWindow - shownBefore.count - shownCovered.count)
        let cutBefore = from > lineStart || shownBefore.count < before.count
        let cutAfter = to < lineEnd || covered.count > keepCovered || shownAfter.count < after.count
        func shown(_ character: Character) -> String {
            character == "\t" ? "\t" : TerminalText.escaped(String(character), lineFeeds: false)
        }
        var line = cutBefore ? "…" : ""
        var prefix = cutBefore ? " " : ""
        for character in shownBefore {
            let text = shown(character)
            line += text
            prefix += character == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(text))
        }
        var width = 0
        for character in shownCovered {
            let text = shown(character)
            line += text
            width += DisplayWidth.of(text)
        }
        for character in shownAfter { line += shown(character) }
        if cutAfter { line += "…" }
        let marker = "^" + String(repeating: "~", count: max(1, width) - 1)
        let caretLine = colored ? "\(prefix)\u{1B}[1;32m\(marker)\u{1B}[0m" : prefix + marker
        return "\(line)\n\(caretLine)\n"
    }
}
