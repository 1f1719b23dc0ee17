//! Where each panel goes, as a pure function of the terminal size: `view` draws into these
//! rectangles and `update` hit-tests mouse clicks against the same ones.

use ratatui::layout::Rect;

/// The smallest terminal the browser draws into; below it a message says so.
pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 18;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    pub list: Rect,
    pub turn: Rect,
    pub hist: Rect,
    pub footer: Rect,
}

impl Areas {
    /// The panels of a `w`×`h` terminal, or `None` when it is too small.
    pub fn of(w: u16, h: u16) -> Option<Areas> {
        Areas::with(w, h, true)
    }

    /// The panels, with or without the histograms (`H`): without, the list and the turn view
    /// take their rows.
    pub fn with(w: u16, h: u16, hist: bool) -> Option<Areas> {
        if w < MIN_W || h < MIN_H {
            return None;
        }
        let header = Rect::new(0, 0, w, 2);
        let footer = Rect::new(0, h - 1, w, 1);
        let body = h - 3;
        let hist_h = if hist { (body / 3).clamp(6, 16) } else { 0 };
        let top_h = body - hist_h;
        // A wide terminal gives the list more room: its columns (date, project, shares) need it.
        let share = if w >= 140 { 55 } else { 45 };
        let list_w = (w * share / 100).clamp(34, 110);
        Some(Areas {
            header,
            list: Rect::new(0, 2, list_w, top_h),
            turn: Rect::new(list_w, 2, w - list_w, top_h),
            hist: Rect::new(0, 2 + top_h, w, hist_h),
            footer,
        })
    }

    /// Rows of the session list between its borders and column header.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(3))
    }
}

/// Whether a cell lies inside a rectangle.
pub fn hit(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_tile_80x24_and_too_small_is_none() {
        let a = Areas::of(80, 24).unwrap();
        assert_eq!(a.list.width + a.turn.width, 80);
        assert_eq!(a.header.height + a.list.height + a.hist.height + a.footer.height, 24);
        assert!(a.list_rows() >= 8, "{a:?}");
        assert!(Areas::of(59, 24).is_none());
        assert!(Areas::of(80, 17).is_none());
        let big = Areas::of(200, 60).unwrap();
        assert!(big.hist.height > a.hist.height && big.list.width > 100 && big.turn.width >= 80);
        let bare = Areas::with(80, 24, false).unwrap();
        assert_eq!(bare.hist.height, 0);
        assert_eq!(bare.list.height, a.list.height + a.hist.height);
    }
}
