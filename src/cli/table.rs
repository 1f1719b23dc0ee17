//! Aligned plain-text and Markdown tables for people (scripts read `--format json`).

/// A titled table; the first column is left-aligned, the rest right-aligned.
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(title: &str, header: &[&str]) -> Table {
        Table {
            title: title.to_owned(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn widths(&self) -> Vec<usize> {
        let mut w: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate() {
                w[i] = w[i].max(c.chars().count());
            }
        }
        w
    }

    /// Aligned columns; `bold` wraps the title and header in ANSI bold.
    pub fn plain(&self, bold: bool) -> String {
        let w = self.widths();
        let line = |cells: &[String]| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                let pad = w[i] - c.chars().count();
                if i == 0 {
                    s.push_str(c);
                    s.push_str(&" ".repeat(pad));
                } else {
                    s.push_str("  ");
                    s.push_str(&" ".repeat(pad));
                    s.push_str(c);
                }
            }
            s.trim_end().to_owned()
        };
        let (b, e) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
        let mut out = format!("{b}{}{e}\n{b}{}{e}\n", self.title, line(&self.header));
        for r in &self.rows {
            out.push_str(&line(r));
            out.push('\n');
        }
        out
    }

    pub fn markdown(&self) -> String {
        let cell = |c: &String| c.replace('|', "\\|");
        let mut out = format!(
            "### {}\n\n| {} |\n|",
            self.title,
            self.header.iter().map(cell).collect::<Vec<_>>().join(" | ")
        );
        for i in 0..self.header.len() {
            out.push_str(if i == 0 { "---|" } else { "---:|" });
        }
        out.push('\n');
        for r in &self.rows {
            out.push_str(&format!("| {} |\n", r.iter().map(cell).collect::<Vec<_>>().join(" | ")));
        }
        out
    }
}

/// A figure or an em dash when it is undefined.
pub fn num(v: Option<f64>, decimals: usize) -> String {
    v.map_or_else(|| "—".to_owned(), |v| group(&format!("{v:.decimals$}")))
}

pub fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

pub fn count(n: u64) -> String {
    group(&n.to_string())
}

/// Thousands separators in the integer part.
fn group(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut g = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            g.push(',');
        }
        g.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{g}.{f}"),
        None => format!("{sign}{g}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_and_undefined_is_a_dash() {
        assert_eq!(num(Some(2412.345), 1), "2,412.3");
        assert_eq!(num(Some(-1234567.0), 0), "-1,234,567");
        assert_eq!(num(None, 1), "—");
        assert_eq!(pct(Some(0.7012)), "70.1%");
        assert_eq!(count(400000), "400,000");
    }

    #[test]
    fn plain_tables_align_columns() {
        let mut t = Table::new("T", &["name", "n"]);
        t.row(vec!["a".into(), "1".into()]);
        t.row(vec!["longer".into(), "100".into()]);
        assert_eq!(t.plain(false), "T\nname      n\na         1\nlonger  100\n");
    }
}
