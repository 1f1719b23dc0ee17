//! What one thread does with a piece of a block: splits it into lines and parses each,
//! taking beside its session what an [`Extract`] wants of it.

use crate::corpus::parse::{ParsedSession, parse_line};
use crate::corpus::source::Location;

/// What a load takes from each line besides its session (the export's rows), as it parses
/// it: each piece of a block (a few hundred lines, parsed on one thread) gathers into its own
/// `Piece`, only from the lines that load, in order.
pub trait Extract: Sync {
    type Piece: Send;
    fn piece(&self) -> Self::Piece;
    /// Parses one non-blank line as [`parse_line`] does, adding to `piece` only if it loads.
    fn parse(&self, piece: &mut Self::Piece, line: &[u8]) -> Result<ParsedSession, String>;
}

/// Takes nothing but the sessions.
pub struct Sessions;

impl Extract for Sessions {
    type Piece = ();
    fn piece(&self) {}
    fn parse(&self, _: &mut (), line: &[u8]) -> Result<ParsedSession, String> {
        parse_line(line)
    }
}

/// Bytes per piece of a block that one thread splits into lines and parses.
pub(super) const PIECE: usize = 256 << 10;

/// The lines of one piece: rows and reasons with line numbers counted from the piece's start,
/// and what `X` took from them.
pub(super) struct Piece<P> {
    pub(super) results: Vec<Result<(ParsedSession, Location), (u64, String)>>,
    pub(super) lines: u64,
    pub(super) taken: P,
}

pub(super) fn parse_piece<X: Extract>(x: &X, piece: &[u8], source: u32, offset: u64) -> Piece<X::Piece> {
    let mut taken = x.piece();
    let mut results = Vec::with_capacity(piece.len() / 2048 + 1);
    let mut lines = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', piece).chain((piece.last() != Some(&b'\n')).then_some(piece.len())) {
        let line = lines;
        lines += 1;
        let mut text = &piece[start..end];
        let at = start;
        start = end + 1;
        if text.last() == Some(&b'\r') {
            text = &text[..text.len() - 1];
        }
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        results.push(match x.parse(&mut taken, text) {
            Ok(p) => Ok((
                p,
                Location {
                    source,
                    offset: offset + at as u64,
                    len: text.len() as u32,
                    line,
                },
            )),
            Err(reason) => Err((line, reason)),
        });
    }
    Piece { results, lines, taken }
}
