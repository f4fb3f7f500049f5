#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PaperQL
import Synchronization

/// Set by Ctrl-C (SIGINT); read and cleared by the REPL. A signal handler may only touch
/// immutable globals and atomics: both of these are.
let interruptReceived = Atomic<Bool>(false)

/// Cancels the query that is running; the evaluator checks it in its loops.
let queryCancellation = CancellationFlag()

/// The SIGINT handler: two atomic stores, which are async-signal-safe.
private func handleInterrupt(_ signal: Int32) {
    interruptReceived.store(true, ordering: .relaxed)
    queryCancellation.cancel()
}

/// Ctrl-C: cancels a running query, or (at the prompt) makes libedit return with no line.
enum InterruptSignal {
    /// Installs the handler without `SA_RESTART`, so a blocking read returns `EINTR`.
    static func install() {
        // Initialize the lazily created globals now, never inside the handler.
        _ = interruptReceived.load(ordering: .relaxed)
        _ = queryCancellation.isCancelled
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleInterrupt
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Whether Ctrl-C was pressed since the last call.
    static func take() -> Bool {
        interruptReceived.exchange(false, ordering: .relaxed)
    }

    /// Forgets earlier presses and arms the cancellation flag for a new query.
    static func prepareForQuery() {
        _ = take()
        queryCancellation.reset()
    }
}
