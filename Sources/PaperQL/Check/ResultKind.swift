/// What a statement's value is. This is also the `kind` of a JSON result.
public enum ResultKind: String, Sendable, Equatable, CaseIterable {
    case papers
    case authors
    case venues
    case groups
    case count
    case path
    case profile

    var article: String {
        switch self {
        case .papers: "a set of papers"
        case .authors: "a set of authors"
        case .venues: "a list of venues"
        case .groups: "a list of groups"
        case .count: "a count"
        case .path: "a path"
        case .profile: "a profile"
        }
    }
}
