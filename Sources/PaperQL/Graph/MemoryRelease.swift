#if canImport(CMalloc)
import CMalloc
#endif

/// Hands memory freed after a large build (the records a graph was built from) back to the
/// operating system; glibc keeps freed small blocks otherwise, and the process stays as large
/// as its peak.
enum MemoryRelease {
    static func returnFreedMemory() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }
}
