// mimalloc: the import and the loader allocate many small strings on two threads, where
// glibc's malloc spent a fifth of an import's time (docs/benchmarks.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(leash::cli::main());
}
