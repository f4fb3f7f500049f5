/// A problem found while importing: where (file, line, column or byte offset), how bad, and why.
///
/// Every kind has a stable id (`import.invalidJSON`) so tests and tools can match on it rather
/// than on the wording.
public struct ImportIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The record (or, for file-level kinds, the file) was not loaded.
        case error
        /// Loaded, but something was dropped or guessed.
        case warning
    }

    public enum Kind: String, Sendable {
        // The file as a whole.
        case fileUnreadable = "import.fileUnreadable"
        case emptyFile = "import.emptyFile"
        case binaryFile = "import.binaryFile"
        case unknownFormat = "import.unknownFormat"
        case malformedXML = "import.malformedXML"
        case noRecords = "import.noRecords"
        // One record.
        case invalidUTF8 = "import.invalidUTF8"
        case invalidJSON = "import.invalidJSON"
        case wrongType = "import.wrongType"
        case missingField = "import.missingField"
        case badValue = "import.badValue"
        case syntax = "import.syntax"
        case unbalancedBraces = "import.unbalancedBraces"
        case truncated = "import.truncated"
        case tooLarge = "import.tooLarge"
        // Warnings.
        case unknownMacro = "import.unknownMacro"
        case unknownEntity = "import.unknownEntity"
        case unknownColumn = "import.unknownColumn"
        case duplicateID = "import.duplicateID"
    }

    public var severity: Severity
    public var kind: Kind
    public var file: String
    public var line: Int?
    public var column: Int?
    /// For binary-ish problems where a line means little.
    public var byteOffset: Int?
    public var message: String

    public init(
        _ kind: Kind, severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil,
        byteOffset: Int? = nil, message: String
    ) {
        self.kind = kind
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
    }

    /// Problems that make the whole file unusable (as opposed to one bad record in it).
    public var isFileLevel: Bool {
        switch kind {
        case .fileUnreadable, .emptyFile, .binaryFile, .unknownFormat, .malformedXML, .noRecords: true
        default: false
        }
    }

    /// `file:line:column: error: message`, like a compiler.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        } else if let byteOffset {
            location += ": byte \(byteOffset)"
        }
        return "\(location): \(severity.rawValue): \(message)"
    }

    var loadError: LoadError {
        LoadError(file: file, line: line, column: column, message: byteOffset.map { "\(message) (at byte \($0))" } ?? message)
    }
}
