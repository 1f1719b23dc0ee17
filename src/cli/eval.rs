//! `leash eval GOLD [PATH...]`: the classifier scored against hand-labelled decisions.

use std::fmt::Write;
use std::path::PathBuf;

use serde_json::json;

use super::table::{Table, num, pct};
use crate::eval::score::{Prf, Share, badness};
use crate::eval::{Evaluation, TurnResult, evaluate, gold};
use crate::text::clean;

const EXAMPLES: &str = "Examples:
  leash eval ../shared/gold/dev.jsonl                 every labelled turn
  leash eval gold.jsonl transcripts/codex             only the turns of transcripts under a folder
  leash eval gold.jsonl --format json | jq .overall.f1
  leash eval gold.jsonl --worst 20                    more turns side by side
  leash eval ../shared/gold/expertise-dev.jsonl       expertise ratings (lines with `expertise`)

The gold format is one JSON line per human turn: {source, turn, prompt_head, decisions: [{kind,
actor, category, summary, evidence}]} (docs/eval.md); sources are relative to the gold file.
A gold decision and one of leash's are paired when their evidence agrees (the same file for
an edit, overlapping quotes otherwise) and are a hit when their kind and actor agree too.
A file of expertise ratings ({source, expertise, enough_signal, why} per session) is scored
as such: exact, within one, quadratic-weighted kappa, mean error, low-signal sessions apart.

Exit codes: 0 ok, 1 failure, 2 bad usage or unreadable gold file.";

#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The gold file (JSON lines, one labelled turn each).
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,
    /// Score only the turns whose transcript lies at or under these paths.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: table (for people) or json (for scripts).
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = ["table", "json"])]
    pub format: String,
    /// How many of the worst turns to show side by side.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub worst: usize,
}

pub fn run(args: Args) -> i32 {
    // A file of expertise ratings (lines with `expertise`, no `decisions`) is scored as such.
    let text = std::fs::read(&args.gold).map(|b| String::from_utf8_lossy(&b).into_owned());
    if let Some(text) = text.ok().filter(|t| crate::eval::expertise::is_ratings(t)) {
        return super::eval_expertise::run(&args.gold, &text, &args.paths, &args.format, args.worst);
    }
    let g = match gold::read(&args.gold) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("leash: {}", clean(&e));
            return super::EXIT_USAGE;
        }
    };
    if g.turns.is_empty() {
        for w in &g.warnings {
            eprintln!("leash: {}", clean(w));
        }
        eprintln!(
            "leash: {}: no labelled turn to score",
            clean(&args.gold.display().to_string())
        );
        return super::EXIT_USAGE;
    }
    let e = evaluate(g, &args.paths);
    for w in &e.warnings {
        eprintln!("leash: {}", clean(w));
    }
    let mut worst: Vec<&TurnResult> = e.turns.iter().filter(|t| badness(t) > 0).collect();
    worst.sort_by_key(|t| std::cmp::Reverse(badness(t)));
    worst.truncate(args.worst);
    let out = match args.format.as_str() {
        "json" => json_of(&e, &worst),
        _ => table_of(&e, &worst),
    };
    super::print_or_fail(&out)
}

fn json_of(e: &Evaluation, worst: &[&TurnResult]) -> String {
    let mut v = serde_json::to_value(&e.scores).expect("scores serialize");
    let o = v.as_object_mut().expect("an object");
    o.insert("classifier_version".into(), json!(crate::classify::VERSION));
    o.insert("unreadable".into(), json!(e.unreadable));
    o.insert(
        "worst_turns".into(),
        json!(worst.iter().map(|t| turn_json(t)).collect::<Vec<_>>()),
    );
    serde_json::to_string_pretty(&v).expect("json") + "\n"
}

fn turn_json(t: &TurnResult) -> serde_json::Value {
    let leash = t.leash.as_deref().unwrap_or(&[]);
    json!({
        "source": t.gold.source, "turn": t.gold.turn, "prompt_head": t.gold.prompt_head,
        "gold": t.gold.decisions.iter().map(|d| json!({"kind": d.kind, "actor": d.actor,
            "category": d.category, "evidence": d.evidence})).collect::<Vec<_>>(),
        "leash": leash,
        "pairs": t.pairs,
    })
}

fn prf_row(name: &str, p: &Prf) -> Vec<String> {
    vec![
        name.to_owned(),
        p.gold.to_string(),
        p.leash.to_string(),
        p.hits.to_string(),
        pct(p.precision),
        pct(p.recall),
        num(p.f1, 2),
        num(Some(p.count_error), 2),
        format!("{:+.2}", p.count_bias),
    ]
}

fn share_row(name: &str, s: &Share) -> Vec<String> {
    let diff = s.gold.zip(s.leash).map(|(g, l)| format!("{:+.1} pts", 100.0 * (l - g)));
    vec![
        name.to_owned(),
        pct(s.gold),
        pct(s.leash),
        diff.unwrap_or_else(|| "—".into()),
    ]
}

fn table_of(e: &Evaluation, worst: &[&TurnResult]) -> String {
    let s = &e.scores;
    let head = [
        "decisions",
        "gold",
        "leash",
        "hits",
        "precision",
        "recall",
        "F1",
        "count err",
        "bias",
    ];
    let title = format!(
        "leash eval: {} turns, classifier v{} (a hit: paired by evidence, same kind and actor)",
        s.turns,
        crate::classify::VERSION
    );
    let mut t = Table::new(&title, &head);
    t.row(prf_row("all", &s.overall));
    for (name, p) in &s.classes {
        t.row(prf_row(&name.replace('_', " "), p));
    }
    let mut shares = Table::new("human share of decisions", &["", "gold", "leash", "leash - gold"]);
    shares.row(share_row("planning", &s.planning_human_share));
    shares.row(share_row("execution", &s.execution_human_share));
    let mut rules = Table::new("precision of each rule", &["rule", "emitted", "hits", "precision"]);
    for r in &s.rules {
        rules.row(vec![
            r.rule.clone(),
            r.emitted.to_string(),
            r.hits.to_string(),
            pct(r.precision),
        ]);
    }
    let mut out = t.plain(false);
    let _ = writeln!(
        out,
        "paired by evidence: {} (kappa of actor {}, of kind {})\n",
        s.paired,
        num(s.kappa_actor, 2),
        num(s.kappa_kind, 2)
    );
    out.push_str(&shares.plain(false));
    out.push('\n');
    out.push_str(&rules.plain(false));
    if !e.unreadable.is_empty() {
        let _ = writeln!(out, "\nunreadable transcripts (their turns count as all missed):");
        for u in &e.unreadable {
            let _ = writeln!(out, "  {}", clean(u));
        }
    }
    if !worst.is_empty() {
        let _ = writeln!(out, "\nworst turns (= paired and agreeing, ~ paired, labels differ):");
        for w in worst {
            side_by_side(&mut out, w);
        }
    }
    out
}

fn label(kind: crate::model::Kind, actor: crate::model::Actor, cat: &str, evidence: &str) -> String {
    let k = if kind == crate::model::Kind::Planning {
        "PLAN"
    } else {
        "EXEC"
    };
    let ev: String = clean(evidence).chars().take(60).collect();
    format!("{k} {:<5} {cat}: {ev}", actor.name().to_uppercase())
}

fn side_by_side(out: &mut String, t: &TurnResult) {
    let leash = t.leash.as_deref().unwrap_or(&[]);
    let head: String = clean(&t.gold.prompt_head).chars().take(70).collect();
    let _ = writeln!(
        out,
        "\n{} turn {}: \"{head}\" (gold {}, leash {})",
        clean(&t.gold.source),
        t.gold.turn,
        t.gold.decisions.len(),
        if t.leash.is_some() {
            leash.len().to_string()
        } else {
            "not found".into()
        }
    );
    let gl = |i: usize| {
        let d = &t.gold.decisions[i];
        label(d.kind, d.actor, &d.category, &d.evidence)
    };
    let ll = |i: usize| {
        let d = &leash[i];
        let cat = format!(
            "{} {}",
            d.category.as_deref().unwrap_or(""),
            d.rule.as_deref().unwrap_or("?")
        );
        label(d.kind, d.actor, &cat, d.evidence.as_deref().unwrap_or(""))
    };
    let row = |out: &mut String, mark: &str, g: String, l: String| {
        let g: String = g.chars().take(76).collect();
        let _ = writeln!(out, "  {mark} {g:<76} | {l}");
    };
    for &(gi, li) in &t.pairs {
        let same = t.gold.decisions[gi].kind == leash[li].kind && t.gold.decisions[gi].actor == leash[li].actor;
        row(out, if same { "=" } else { "~" }, gl(gi), ll(li));
    }
    for gi in (0..t.gold.decisions.len()).filter(|g| !t.pairs.iter().any(|p| p.0 == *g)) {
        row(out, "-", gl(gi), String::new());
    }
    for li in (0..leash.len()).filter(|l| !t.pairs.iter().any(|p| p.1 == *l)) {
        row(out, "+", String::new(), ll(li));
    }
}
