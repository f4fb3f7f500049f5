/// The text of a diagnostic together with its stable id. All messages live in
/// `DiagnosticMessages.swift`; nothing builds a message at the throw site.
public struct DiagnosticMessage: Sendable, Equatable {
    public let id: String
    public let text: String

    init(_ id: String, _ text: String) {
        self.id = id
        self.text = text
    }
}
