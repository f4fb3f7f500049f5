/// A problem in a data file, with where it is: `FILE:LINE[:COLUMN]: error: message`.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line, when the format has lines.
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): error: \(message)"
    }
}
