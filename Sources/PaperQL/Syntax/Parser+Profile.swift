/// The researcher profile.
extension Parser {
    // MARK: - profileSet = "profile" authorReference

    mutating func parseProfileSet() -> SetExpression {
        let keyword = advance()
        let reference = parseAuthorReference(.profile)
        guard !statementFailed else { return .invalid(keyword.span) }
        return .profile(keyword: keyword.span, of: reference)
    }
}
