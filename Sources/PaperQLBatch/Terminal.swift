#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Facts about the process's terminal, and writing to the standard streams.
public enum Terminal {
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    public static var standardInputIsTerminal: Bool { isTerminal(STDIN_FILENO) }
    public static var standardOutputIsTerminal: Bool { isTerminal(STDOUT_FILENO) }
    public static var standardErrorIsTerminal: Bool { isTerminal(STDERR_FILENO) }

    /// The width of the terminal on standard output, or `COLUMNS`, or nil.
    public static var width: Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return nil
    }

    public static var height: Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return nil
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set.
    public static func wantsColor(_ descriptor: Int32) -> Bool {
        isTerminal(descriptor) && getenv("NO_COLOR") == nil && getenv("TERM").map { String(cString: $0) } != "dumb"
    }

    public static func writeOutput(_ text: String) {
        writeAll(STDOUT_FILENO, text)
    }

    public static func writeError(_ text: String) {
        writeAll(STDERR_FILENO, text)
    }

    /// Writes all of the text, retrying short writes; stops quietly if the reader has gone.
    public static func writeAll(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
