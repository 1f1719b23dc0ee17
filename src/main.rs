fn main() {
    std::process::exit(leash::cli::main());
}
