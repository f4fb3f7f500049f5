/// The answer to `profile "NAME"`: a researcher's page — works, topics, close collaborators,
/// institutions, names and identifiers, and the nearby papers of their collaborators.
public struct ProfileResult: Sendable {
    /// A value and how many of the person's papers have it.
    public struct Tally: Sendable, Equatable {
        /// Nil: papers without a value (no type, no venue).
        public let value: String?
        public let papers: Int
    }

    /// A word or two-word phrase distinctive of the person's titles and abstracts.
    public struct Term: Sendable, Equatable {
        public let text: String
        /// The person's papers whose title or abstract has it.
        public let papers: Int
        /// Papers of the whole graph that have it.
        public let graphPapers: Int
        /// tf-idf: `papers × ln(graph paper count / graphPapers)`.
        public let score: Double
    }

    public struct Collaborator: Sendable, Equatable {
        public let author: AuthorID
        /// Papers they share with the person.
        public let shared: Int
        /// First and last year of those papers (nil when none has a year).
        public let years: ClosedRange<Int>?
    }

    /// A paper of the person's coauthors that the person is not on.
    public struct NearbyPaper: Sendable, Equatable {
        public let paper: PaperID
        /// The person's coauthors on it.
        public let collaborators: [AuthorID]
        /// The person's distinctive terms in its title or abstract.
        public let terms: [String]
        /// How related: coauthors on it plus distinctive terms it has.
        public var score: Int { collaborators.count + terms.count }
    }

    /// The name as asked.
    public let name: String
    /// The people the name means (one, or namesakes answered for together).
    public let people: [AuthorID]
    /// Their papers, newest first (the default order of papers).
    public let works: [PaperID]
    public let years: ClosedRange<Int>?
    /// Papers per type and per venue, most first.
    public let types: [Tally]
    public let venues: [Tally]
    /// Papers per year from the first to the last, years without papers as zero.
    public let perYear: [(year: Int, papers: Int)]
    /// arXiv (and other) categories of the papers, most first.
    public let categories: [Tally]
    /// Distinctive words and two-word phrases, best first.
    public let words: [Term]
    public let phrases: [Term]
    public let collaborators: [Collaborator]
    public let institutions: [Tally]
    /// Every way the name was written, and identifiers from the sources.
    public let variants: [String]
    public let identifiers: [String]
    public let nearby: [NearbyPaper]

    /// How the topic terms are scored, for people reading the page.
    public static let measure = "tf-idf: the person's papers with the term × ln(papers in the graph / papers in the graph with it)"
}
