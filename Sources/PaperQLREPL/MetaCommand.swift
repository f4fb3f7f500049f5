import PaperQL

/// A line starting with `:`: a command to the REPL rather than a query.
enum MetaCommand: Equatable {
    case help(topic: String?)
    case format(String?)
    case chart(String?)
    case timing(String?)
    case load(String?)
    case run(String?)
    case stats
    case explain(String)
    case vars
    case quit
    /// An unknown command, with close known names.
    case unknown(String, suggestions: [String])

    /// The commands, as completion offers them.
    static let names = ["help", "format", "chart", "timing", "load", "run", "stats", "explain", "vars", "quit"]

    /// Short spellings accepted besides the names.
    static let aliases = ["h": "help", "?": "help", "q": "quit", "exit": "quit", "variables": "vars"]

    static func canonicalName(_ typed: String) -> String? {
        let lowered = typed.lowercased()
        if names.contains(lowered) { return lowered }
        return aliases[lowered]
    }

    /// Reads a line that starts with `:` (after blanks).
    init(parsing line: String) {
        let body = line.drop { $0 == " " || $0 == "\t" }.dropFirst()
        let name = String(body.prefix { $0 != " " && $0 != "\t" })
        let rest = body.dropFirst(name.count).trimmingBlanks()
        let argument: String? = rest.isEmpty ? nil : rest
        switch MetaCommand.canonicalName(name) {
        case "help": self = .help(topic: argument)
        case "format": self = .format(argument)
        case "chart": self = .chart(argument)
        case "timing": self = .timing(argument)
        case "load": self = .load(argument)
        case "run": self = .run(argument)
        case "stats": self = .stats
        case "explain": self = .explain(argument ?? "")
        case "vars": self = .vars
        case "quit": self = .quit
        default:
            self = .unknown(name, suggestions: NameSuggestions.closest(to: name, among: MetaCommand.names))
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines.
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
