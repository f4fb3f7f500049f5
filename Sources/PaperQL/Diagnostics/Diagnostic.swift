/// A problem (or a remark) about query text, always with a source span.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable, Equatable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .note: 0
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A remark attached to a diagnostic ("did you mean …?"), optionally at its own span.
    public struct Note: Sendable, Equatable {
        public let message: String
        public let span: SourceSpan?

        public init(_ message: String, span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    public let severity: Severity
    /// A stable identifier such as `sema.unknownAuthor`; tools may match on it.
    public let id: String
    public let message: String
    public let span: SourceSpan
    public var notes: [Note]

    public init(_ severity: Severity, _ message: DiagnosticMessage, at span: SourceSpan, notes: [Note] = []) {
        self.severity = severity
        self.id = message.id
        self.message = message.text
        self.span = span
        self.notes = notes
    }

    public static func error(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: span, notes: notes)
    }

    public static func warning(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: span, notes: notes)
    }

    public static func remark(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.note, message, at: span, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
