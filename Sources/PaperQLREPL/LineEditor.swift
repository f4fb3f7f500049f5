@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The terminal line editor (libedit, through its readline-compatible API): prompts, history,
/// and Tab completion through `completeAtCursor`.
enum LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C at the prompt.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case end
    }

    /// How many entries the history keeps, in memory and in the file.
    static let historyLimit: Int32 = 1000

    /// Sets up libedit; returns the history file to keep (nil: none) and a warning when the
    /// one asked for cannot be used (`HistoryFile`).
    static func setUp(historyPath: String?) -> (historyPath: String?, warning: String?) {
        rl_readline_name = UnsafePointer(strdup("paperql"))
        // No word breaks: the completion function sees the whole line and decides itself what
        // the word at the cursor is (an author name has spaces in it).
        rl_basic_word_break_characters = UnsafePointer(strdup("\n"))
        rl_completer_word_break_characters = strdup("\n")
        rl_attempted_completion_function = completeAtCursor
        rl_completion_append_character = 0
        rl_completion_query_items = 100
        rl_initialize()
        using_history()
        stifle_history(historyLimit)
        guard let historyPath else { return (nil, nil) }
        if let problem = HistoryFile.problem(with: historyPath) { return (nil, problem) }
        _ = read_history(historyPath)
        return (historyPath, nil)
    }

    static func readLine(prompt: String) -> Input {
        guard let raw = readline(prompt) else {
            return InterruptSignal.take() ? .interrupted : .end
        }
        defer { free(raw) }
        let line = String(cString: raw)
        // Ctrl-C pressed and then a line completed is still a line; forget the press.
        _ = InterruptSignal.take()
        return .line(line)
    }

    /// Adds an entry to the history and saves the file, so a crash loses nothing.
    static func remember(_ entry: String, historyPath: String?) {
        // A huge statement is run but not kept: the history file stays small.
        guard entry.utf8.count <= HistoryFile.maximumEntryLength else { return }
        // The same statement twice in a row is one entry (as after running a recalled line).
        if history_length > 0, let last = history_get(history_base + history_length - 1), let line = last.pointee.line,
            String(cString: line) == entry
        {
            return
        }
        _ = add_history(entry)
        if let historyPath { _ = write_history(historyPath) }
    }
}
