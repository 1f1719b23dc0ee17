//! One session's scenario: a project, its stack, a subject and a mode, and from them the
//! files, commands and sentences every turn of the session draws on.

use super::stack::{Project, Stack, fill};
use super::subject::Subject;

/// A change the agent can make in a turn: the unit of an execution decision (one per file
/// per purpose, one per command purpose).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Part of an existing file.
    Edit(String),
    /// A whole new file.
    Write(String),
    Test,
    Lint,
    Bench,
    Deploy,
    Commit,
}

impl Change {
    pub fn is_check(&self) -> bool {
        matches!(self, Change::Test | Change::Lint | Change::Bench)
    }
}

pub struct Scenario {
    pub project: &'static Project,
    pub subject: &'static Subject,
    pub mode: &'static str,
    pub module: String,
    pub test_file: String,
    pub config: &'static str,
    /// A document the mode writes (a plan, notes, the README).
    pub doc: String,
    pub test: String,
    pub lint: &'static str,
    pub bench: String,
    pub deploy: String,
    pub commit_msg: String,
    pub signature: String,
    changes: Vec<Change>,
    spare: Vec<Change>,
}

impl Scenario {
    pub fn new(project: &'static Project, subject: &'static Subject, mode: &'static str) -> Scenario {
        let st: &Stack = project.stack;
        let stem = subject.stem;
        let doc = match mode {
            "plan" => format!("docs/{stem}-plan.md"),
            "understand" => format!("docs/notes/{stem}.md"),
            _ => "README.md".to_owned(),
        };
        let commit_msg = match mode {
            "fix" | "analyze" | "operate" => format!("fix({stem}): {}", subject.fix),
            "test" => format!("test({stem}): cover the error paths"),
            "plan" => format!("docs({stem}): plan {}", subject.feature),
            "write" => format!("docs({stem}): document {}", subject.feature),
            "understand" => format!("docs({stem}): notes on {}", subject.topic),
            _ => format!("feat({stem}): {}", subject.feature),
        };
        let mut sc = Scenario {
            project,
            subject,
            mode,
            module: fill(st.module, stem),
            test_file: fill(st.test_file, stem),
            config: st.config,
            doc,
            test: fill(st.test, stem),
            lint: st.lint,
            bench: fill(st.bench, stem),
            deploy: format!("./scripts/deploy.sh staging {}", project.name),
            commit_msg,
            signature: fill(st.signature, stem),
            changes: Vec::new(),
            spare: Vec::new(),
        };
        sc.changes = sc.mode_changes();
        let files = [&sc.module, &sc.test_file, sc.config, "README.md"].map(|f| Change::Edit(f.to_owned()));
        sc.spare = sc
            .changes
            .iter()
            .filter(|c| !c.is_check())
            .cloned()
            .chain(files)
            .collect();
        sc
    }

    /// The changes this mode makes, most characteristic first.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Files a turn can change when the mode's own changes run out.
    pub fn spare(&self) -> &[Change] {
        &self.spare
    }

    fn mode_changes(&self) -> Vec<Change> {
        use Change::*;
        let (m, t, c, d) = (
            self.module.clone(),
            self.test_file.clone(),
            self.config.to_owned(),
            self.doc.clone(),
        );
        match self.mode {
            "fix" => vec![Edit(m), Test, Edit(t), Lint, Edit(c)],
            "create" => vec![Edit(m), Edit(t), Test, Edit(c), Lint],
            "test" => vec![Edit(t), Test, Edit(m), Lint],
            "understand" => vec![Write(d), Test, Edit(m)],
            "operate" => vec![Deploy, Edit(c), Test, Lint],
            "orchestrate" => vec![Edit(m), Edit(t), Edit(c), Test, Lint],
            "plan" => vec![Write(d), Edit("README.md".into()), Lint],
            "analyze" => vec![Bench, Edit(m), Test, Lint],
            _ => vec![Edit(d), Edit(m), Lint],
        }
    }

    /// The command line of a command change.
    pub fn command(&self, c: &Change) -> String {
        match c {
            Change::Test => self.test.clone(),
            Change::Lint => self.lint.to_owned(),
            Change::Bench => self.bench.clone(),
            Change::Deploy => self.deploy.clone(),
            Change::Commit => format!("git commit -am \"{}\"", self.commit_msg),
            Change::Edit(f) | Change::Write(f) => f.clone(),
        }
    }

    /// The goal as the user states it.
    pub fn goal(&self) -> String {
        let s = self.subject;
        match self.mode {
            "fix" => format!("Fix the bug where {}.", s.bug),
            "create" => format!("Add {} to {}.", s.feature, self.project.name),
            "test" => format!("Write tests for {} that cover the error paths.", self.module),
            "understand" => format!("Explain {}.", s.topic),
            "operate" => format!("Deploy the {} fix to staging and check the logs.", s.stem),
            "orchestrate" => format!(
                "Split the work on {} into subtasks and run them in parallel.",
                s.feature
            ),
            "plan" => format!("Write a plan for {}, no code yet.", s.feature),
            "analyze" => format!("Find out why {} is slow under load.", s.stem),
            _ => format!("Document {} in the README.", s.feature),
        }
    }

    /// The approach to take and the one set aside: the fix's for a bug, the design's for
    /// new work, the method's for the modes that change no code.
    pub fn approach(&self) -> (String, String) {
        let s = self.subject;
        let (a, b) = match self.mode {
            "test" => {
                return (
                    "write one table-driven test per error path".to_owned(),
                    "a single end-to-end test".to_owned(),
                );
            }
            "fix" | "operate" | "analyze" => (s.approach, s.alternative),
            "understand" => return (format!("start from {}", self.module), "start from the tests".to_owned()),
            "write" => {
                return (
                    "add one worked example".to_owned(),
                    "a long reference section".to_owned(),
                );
            }
            _ => (s.design[0], s.design[1]),
        };
        (a.to_owned(), b.to_owned())
    }

    /// What counts as done.
    pub fn done(&self) -> String {
        match self.mode {
            "understand" => format!("the notes say {} in one page", self.subject.topic),
            "plan" => "the plan lists the steps, the risks and the tests".to_owned(),
            "write" => "the README shows the feature with an example".to_owned(),
            "analyze" => "we know where the time goes".to_owned(),
            "test" => format!("every error path in {} has a test", self.module),
            "create" | "orchestrate" => format!("{} works end to end and is tested", self.subject.feature),
            _ => self.subject.done.to_owned(),
        }
    }

    /// The main step of the work, for a to-do list.
    pub fn step(&self) -> String {
        let s = self.subject;
        match self.mode {
            "fix" | "test" | "operate" | "analyze" => s.fix.to_owned(),
            "understand" => format!("Write down {}", s.topic),
            // Plans and docs may end up in the reply as well as in a file: no file named.
            "plan" => format!("Lay out the steps and risks of {}", s.feature),
            "write" => format!("Draft the section on {}", s.feature),
            _ => format!("Add {} in {}", s.feature, self.module),
        }
    }

    /// What a failing run of the test command reports, once something was `edited` or not.
    pub fn failure(&self, edited: bool) -> String {
        match self.mode {
            "create" | "orchestrate" if edited => format!("1 of the new cases in {} fails", self.test_file),
            "create" | "orchestrate" => "the suite already fails before any change".to_owned(),
            _ => self.subject.failing.to_owned(),
        }
    }

    /// What the session is about, for summaries.
    pub fn aim(&self) -> String {
        let s = self.subject;
        match self.mode {
            "fix" => format!("fix the bug where {}", s.bug),
            "create" => format!("add {}", s.feature),
            "test" => format!("test {}", self.module),
            "understand" => format!("explain {}", s.topic),
            "operate" => format!("deploy the {} fix to staging", s.stem),
            "orchestrate" => format!("split {} into parallel subtasks", s.feature),
            "plan" => format!("plan {}", s.feature),
            "analyze" => format!("find why {} is slow", s.stem),
            _ => format!("document {}", s.feature),
        }
    }

    /// The title; `file_seen` says whether the module appears in the session.
    pub fn title(&self, variant: usize, file_seen: bool) -> String {
        let s = self.subject;
        let name = s.failing.split(':').next().unwrap_or(s.stem);
        let t = match (self.mode, variant % 2) {
            ("fix", 0) => format!("Fix: {}", s.bug),
            ("fix", _) => format!("Failing test {name}"),
            ("create", _) => format!("Add {}", s.feature),
            ("test", _) if file_seen => format!("Raise coverage of {}", self.module),
            ("test", _) => format!("Tests for the {} module", s.stem),
            ("understand", _) => format!("Explain {}", s.topic),
            ("operate", _) => format!("Deploy the {} fix to staging", s.stem),
            ("orchestrate", _) => format!("Parallel work on {}", s.feature),
            ("plan", _) => format!("Plan {}", s.feature),
            ("analyze", _) => format!("Why is {} slow", s.stem),
            _ => format!("Docs for {}", s.feature),
        };
        let mut t = t;
        if let Some(c) = t.get_mut(..1) {
            c.make_ascii_uppercase();
        }
        t
    }
}
