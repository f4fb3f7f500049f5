// A hint that memory will soon be read (the compiler's prefetch builtin, which Swift lacks).
static inline void paperql_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
