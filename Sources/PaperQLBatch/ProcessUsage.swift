#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What this process has used so far, as the kernel counts it (`getrusage`): for timing
/// imports (`paperql import --timings`) and benchmarks.
public enum ProcessUsage {
    /// CPU time, user and system, of every thread so far, in seconds: on a busy machine it
    /// says more than the wall clock.
    public static var cpuSeconds: Double {
        let usage = current
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }

    /// The largest resident set the process has had so far, in MiB.
    public static var peakResidentMiB: Double {
        Double(current.ru_maxrss) / 1024
    }

    private static var current: rusage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage
    }
}
