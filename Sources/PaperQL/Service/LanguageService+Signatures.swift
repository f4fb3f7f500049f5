/// The form of the stage a cursor is in, for an editor's signature help.
public struct StageSignature: Sendable, Equatable {
    public let stage: Keyword
    /// `sort by FIELD [asc|desc], …`
    public let label: String
    /// The parameters, each a substring of the label.
    public let parameters: [String]
    /// The parameter being typed.
    public let activeParameter: Int
    public let documentation: String
}

extension LanguageService {
    /// The signature of the stage at the cursor (nil outside a stage), from the parser: the
    /// stage it is reading there and what it expects next.
    public func stageSignature(in text: String, at offset: Int) -> StageSignature? {
        let source = SourceFile(name: "<query>", text: text)
        let context = CursorContext.at(Self.clamp(offset, in: source), in: source)
        guard let stage = context.syntax.stage else { return nil }
        let expected = context.expected
        let (label, parameters): (String, [String]) =
            switch stage {
            case .count: ("count [by FIELD]", ["by FIELD"])
            case .sort: ("sort by FIELD [asc|desc], …", ["FIELD", "[asc|desc]"])
            case .limit: ("limit N", ["N"])
            case .show: ("show FIELD, …", ["FIELD"])
            default: ("", [])
            }
        guard !parameters.isEmpty else { return nil }
        let active = stage == .sort && expected.expects(.keyword(.asc), as: .syntax) ? 1 : 0
        return StageSignature(stage: stage, label: label, parameters: parameters, activeParameter: active,
                              documentation: KeywordDocs.summary(stage))
    }
}
