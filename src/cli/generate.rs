//! `leash generate` (placeholder).

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> i32 {
    eprintln!("leash: `generate` is not implemented yet");
    super::EXIT_FAILURE
}
