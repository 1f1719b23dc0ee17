//! The map that overrides the expertise estimate (`expertise.rs`) per project or session.

use std::collections::HashMap;
use std::path::Path;

use crate::model::parse_expertise;

/// Expertise levels given by hand, per project (cwd, or its last path component) or per
/// session id. See `docs/classifier.md` for the file format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpertiseMap(pub HashMap<String, u8>);

impl ExpertiseMap {
    /// A digest of the map's entries (order-free), so cached lines built under another map
    /// are not reused.
    pub fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut entries: Vec<(&String, &u8)> = self.0.iter().collect();
        entries.sort();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        entries.hash(&mut h);
        h.finish()
    }

    /// Reads `key = level` lines (`#` comments) or a JSON object `{"key": level}`; a level is
    /// 1-5 or a name (`novice` … `expert`).
    pub fn load(path: &Path) -> Result<ExpertiseMap, String> {
        let name = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
        Self::parse(&text).map_err(|e| format!("{name}: {e}"))
    }

    pub fn parse(text: &str) -> Result<ExpertiseMap, String> {
        let mut map = HashMap::new();
        if text.trim_start().starts_with('{') {
            let obj: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(text).map_err(|e| format!("not a JSON object: {e}"))?;
            for (k, v) in obj {
                let level = match &v {
                    serde_json::Value::Number(n) => parse_expertise(&n.to_string()),
                    serde_json::Value::String(s) => parse_expertise(s),
                    _ => None,
                };
                map.insert(
                    k.clone(),
                    level.ok_or(format!("{k:?}: {v} is not a level 1-5 or a level name"))?,
                );
            }
            return Ok(ExpertiseMap(map));
        }
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (k, v) = line
                .rsplit_once('=')
                .ok_or(format!("line {}: expected `project-or-session-id = level`", i + 1))?;
            let level = parse_expertise(v).ok_or(format!(
                "line {}: {:?} is not a level 1-5 or a level name",
                i + 1,
                v.trim()
            ))?;
            map.insert(k.trim().to_owned(), level);
        }
        Ok(ExpertiseMap(map))
    }

    /// The level for a session: by id, else by project path, else by its last component.
    pub fn lookup(&self, id: &str, project: Option<&str>) -> Option<u8> {
        if self.0.is_empty() {
            return None;
        }
        self.0.get(id).copied().or_else(|| {
            let p = project?;
            let base = p.trim_end_matches('/').rsplit('/').next().unwrap_or(p);
            self.0.get(p).or_else(|| self.0.get(base)).copied()
        })
    }
}
