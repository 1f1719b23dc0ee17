//! `leash audit ...` (placeholder).

#[derive(clap::Subcommand, Debug)]
pub enum AuditCommand {
    /// Agreement between the classifier and the hand audit.
    Stats,
}

pub fn run(_cmd: AuditCommand) -> i32 {
    eprintln!("leash: `audit` is not implemented yet");
    super::EXIT_FAILURE
}
