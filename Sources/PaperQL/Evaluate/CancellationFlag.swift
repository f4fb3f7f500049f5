import Synchronization

/// Set from another thread (a Ctrl-C handler) to stop a running query. The evaluator checks it
/// in its loops and stops with `EvaluationError.cancelled`.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

public enum EvaluationError: Error, Sendable, Equatable {
    case cancelled
}
