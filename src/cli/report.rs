//! `leash report`: the study's figures for a corpus, for people or scripts.

use std::io::IsTerminal;

use super::filters::FilterArgs;
use super::table::{Table, count, num, pct};
use crate::stats::{Report, study};

const EXAMPLES: &str = "Examples:
  leash report                                  the built-in demo corpus
  leash report corpus.jsonl --format json       the contract JSON, for scripts
  leash report a.jsonl b.jsonl.gz --expertise novice --expertise 5
  zcat big.jsonl.gz | leash report - --query 'auth' --format markdown
  leash report corpus.jsonl --ratified-as human --regime agent_controls_planning
  leash report --claude                         your own Claude Code history
  leash report ~/.codex/sessions --expertise-map levels.txt
  leash report --claude --origin cli             the study's population: interactive CLI only
  leash report ~/.claude/projects --low-confidence-expertise unknown   shaky estimates apart

Exit codes: 0 ok, 1 failure, 2 bad usage or unreadable input.
Bad lines are skipped and reported on stderr as FILE:LINE: reason.";

#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::input::Inputs,
    /// Output format: table (aligned, for people), json (the contract), markdown.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = ["table", "json", "markdown"])]
    pub format: String,
    #[command(flatten)]
    pub filters: FilterArgs,
}

pub fn run(args: Args) -> i32 {
    let (corpus, selected) = match args.filters.load_selected(&args.inputs, "report") {
        Ok(x) => x,
        Err(code) => return code,
    };
    let report = Report::compute_members(
        &corpus.rows,
        &selected,
        args.filters.ratified_as(),
        corpus.skipped as u64,
    );
    // The process ends right after: freeing 400k rows one by one would only cost time.
    std::mem::forget(corpus);
    let origins = args
        .filters
        .origins()
        .map_or_else(|| vec![s("all")], <[String]>::to_vec);
    let out = match args.format.as_str() {
        "json" => {
            let v = WithOrigin {
                report: &report,
                origin: &origins,
            };
            let json = serde_json::to_string_pretty(&v).expect("a report serializes");
            crate::text::json_safe(json.as_bytes()).into_owned()
                + "
"
        }
        "markdown" => with_origin(tables(&report), &origins)
            .iter()
            .map(Table::markdown)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => {
            let bold = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            with_origin(tables(&report), &origins)
                .iter()
                .map(|t| t.plain(bold))
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    super::print_or_fail(&out)
}

/// The contract JSON and, after its keys, the origins counted.
#[derive(serde::Serialize)]
struct WithOrigin<'a> {
    #[serde(flatten)]
    report: &'a Report,
    origin: &'a [String],
}

/// Says in the overview which sessions were counted: the study's were interactive CLI
/// sessions only, the default counts every origin.
fn with_origin(mut t: Vec<Table>, origins: &[String]) -> Vec<Table> {
    let ours = if origins == ["all"] {
        s("all (cli, ide, sdk, fork, unknown)")
    } else {
        origins.join(", ")
    };
    t[0].row(vec![s("sessions counted, by origin"), ours, s("cli")]);
    t
}

fn s(x: &str) -> String {
    x.to_owned()
}

/// The report as three tables, our figure beside the study's where it published one.
pub fn tables(r: &Report) -> Vec<Table> {
    let mut o = Table::new("Overview", &["figure", "leash", "study"]);
    let d = &r.decisions;
    let rows: Vec<(&str, String, String)> = vec![
        ("sessions", count(r.sessions), s("~400,000")),
        ("turns (prompts)", count(r.turns), s("")),
        ("actions", count(r.actions), s("")),
        ("turns per session, mean", num(r.turns_per_session.mean, 2), s("~4")),
        ("turns per session, median", num(r.turns_per_session.median, 1), s("")),
        ("actions per prompt, mean", num(r.actions_per_prompt.mean, 1), s("~10")),
        (
            "actions per prompt, median session",
            num(r.actions_per_prompt.median_session, 1),
            s(""),
        ),
        (
            "sessions over 100 actions per prompt",
            pct(r.actions_per_prompt.share_sessions_over_100),
            s("~2%"),
        ),
        ("words per turn, mean", num(r.words_per_turn.mean, 0), s("~2,400")),
        (
            "human share of planning, pooled",
            pct(r.planning_human_share.pooled),
            s("~70%"),
        ),
        (
            "human share of planning, median session",
            pct(r.planning_human_share.median_session),
            s(""),
        ),
        (
            "human share of execution, pooled",
            pct(r.execution_human_share.pooled),
            s("~20%"),
        ),
        (
            "human share of execution, median session",
            pct(r.execution_human_share.median_session),
            s(""),
        ),
        (
            "planning decisions, human / agent",
            format!("{} / {}", count(d.planning.human), count(d.planning.agent)),
            s(""),
        ),
        (
            "execution decisions, human / agent",
            format!("{} / {}", count(d.execution.human), count(d.execution.agent)),
            s(""),
        ),
        ("verified success rate", pct(r.verified_success_rate), s("")),
        ("skipped lines", count(r.skipped_lines), s("")),
        (
            "redacted sessions, left out of the shares",
            count(r.redacted_sessions),
            s(""),
        ),
    ];
    for (name, ours, theirs) in rows {
        o.row(vec![s(name), ours, theirs]);
    }

    let mut e = Table::new(
        "By expertise",
        &[
            "expertise",
            "sessions",
            "actions/prompt",
            "study",
            "words/turn",
            "study",
            "planning human",
            "execution human",
            "verified",
            "study",
        ],
    );
    let skilled = format!(
        "{:.0}-{:.0}%",
        study::SKILLED_VERIFIED_SUCCESS.0 * 100.0,
        study::SKILLED_VERIFIED_SUCCESS.1 * 100.0
    );
    for (name, l) in r.by_expertise.levels() {
        let (app, words, verified) = match name {
            "novice" => (
                approx(study::NOVICE_ACTIONS_PER_PROMPT),
                approx(study::NOVICE_WORDS_PER_TURN),
                approx_pct(study::NOVICE_VERIFIED_SUCCESS),
            ),
            "expert" => (
                approx(study::EXPERT_ACTIONS_PER_PROMPT),
                approx(study::EXPERT_WORDS_PER_TURN),
                skilled.clone(),
            ),
            "intermediate" | "advanced" => (s(""), s(""), skilled.clone()),
            _ => (s(""), s(""), s("")),
        };
        e.row(vec![
            s(name),
            count(l.sessions),
            num(l.actions_per_prompt, 1),
            app,
            num(l.words_per_turn, 0),
            words,
            pct(l.planning_human_share),
            pct(l.execution_human_share),
            pct(l.verified_success_rate),
            verified,
        ]);
    }

    let mut g = Table::new("Control regimes", &["regime", "sessions", "actions/prompt", "study"]);
    let reg = &r.regimes;
    g.row(vec![
        s("user keeps execution (human execution share > 80%)"),
        count(reg.user_keeps_execution.sessions),
        num(reg.user_keeps_execution.actions_per_prompt, 1),
        approx(study::USER_KEEPS_EXECUTION_APP),
    ]);
    g.row(vec![
        s("agent controls planning (human planning share < 20%)"),
        count(reg.agent_controls_planning.sessions),
        num(reg.agent_controls_planning.actions_per_prompt, 1),
        approx(study::AGENT_CONTROLS_PLANNING_APP),
    ]);
    vec![o, e, g]
}

fn approx(v: f64) -> String {
    format!("~{}", num(Some(v), 0))
}

fn approx_pct(v: f64) -> String {
    format!("~{:.0}%", v * 100.0)
}
