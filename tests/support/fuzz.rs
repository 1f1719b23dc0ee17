//! What the property-based fuzz targets share (`docs/testing.md`): the case count and the one
//! way a line is damaged.

use proptest::sample::Index;

/// Cases per target: `PROPTEST_CASES` for a long run, 64 for CI.
pub fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

/// Whether `how` leaves a line whole (two times in five).
pub fn left_whole(how: u8) -> bool {
    how % 5 > 2
}

/// A line damaged at one place: a byte dropped, changed or inserted (from an alphabet of
/// JSON's own characters, controls and bytes that break UTF-8), or left whole.
pub fn damage(mut l: Vec<u8>, how: u8, at: Index, b: u8) -> Vec<u8> {
    if l.is_empty() || left_whole(how) {
        return l;
    }
    let i = at.index(l.len());
    let alphabet = b"\"\\{}[],:0123456789.-tfnul \t\x00\x1b\xff\xc3";
    let c = alphabet[b as usize % alphabet.len()];
    match how % 5 {
        0 => drop(l.remove(i)),
        1 => l[i] = c,
        _ => l.insert(i, c),
    }
    l
}
