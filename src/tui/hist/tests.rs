use super::*;
use crate::corpus::{Corpus, RatifiedAs};

#[test]
fn app_bins_are_log_like_with_an_overflow() {
    assert_eq!(app_bin(0.0), 0);
    assert_eq!(app_bin(0.5), 0);
    assert_eq!(app_bin(1.0), 1);
    assert_eq!(app_bin(4.99), 3);
    assert_eq!(app_bin(5.0), 4);
    assert_eq!(app_bin(10.0), 5, "the study's 10 falls in 8-12");
    assert_eq!(app_bin(12.9), 5);
    assert_eq!(app_bin(100.0), 9, "exactly 100 is not over 100");
    assert_eq!(app_bin(100.01), 10);
    assert_eq!(app_bin(1e9), 10);
}

#[test]
fn share_bins_are_tenths_with_100_in_the_last() {
    assert_eq!(share_bin(0.0), 0);
    assert_eq!(share_bin(0.0999), 0);
    assert_eq!(share_bin(0.1), 1);
    assert_eq!(share_bin(0.7), 7);
    assert_eq!(share_bin(7.0 / 10.0), 7);
    assert_eq!(share_bin(0.2), 2);
    assert_eq!(share_bin(0.6999), 6);
    assert_eq!(share_bin(1.0), 9);
}

fn columns(how: RatifiedAs) -> Columns {
    let c = Corpus::load(vec![crate::tui::tests::fixture::source()], |_| {}).unwrap();
    Columns::of(&c.rows, how)
}

#[test]
fn count_puts_missing_figures_apart() {
    // APP: s1 2, s2 12, s3 125, s4 1, s5 none; planning: s1 1.0, s2 and s3 0.0 (ratified
    // agent), s4 and s5 none; execution: s1 0.0, s2 and s4 1.0, s3 and s5 none.
    let cols = columns(RatifiedAs::Recorded);
    let t = BinTables::of(&cols);
    let [app, plan, exec] = count_all(cols.rows(), &t, &[0, 1, 2, 3, 4], 1, |_| [true, false]).remove(0);
    assert_eq!(app.bins, [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
    assert_eq!(app.apart, 1);
    assert_eq!(plan.bins, [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!((plan.apart, plan.total()), (2, 5));
    assert_eq!((exec.bins[0], exec.bins[9], exec.apart), (1, 2, 2));
    // Ratified decisions counted as the human's move s2's and s3's planning to 100%.
    let cols = columns(RatifiedAs::Human);
    let t = BinTables::of(&cols);
    let [_, plan, _] = count_all(cols.rows(), &t, &[0, 1, 2, 3, 4], 1, |_| [true, false]).remove(0);
    assert_eq!((plan.bins[0], plan.bins[9], plan.apart), (0, 3, 2));
}

#[test]
fn count_all_splits_cohorts_in_one_pass() {
    let cols = columns(RatifiedAs::Recorded);
    let t = BinTables::of(&cols);
    // s1 (novice) in both cohorts, s5 (beginner) in the second, s3 (unknown) in none.
    let of = |f: &RowFigures| [f.level() == 0, f.level() <= 1];
    let v = count_all(cols.rows(), &t, &[0, 2, 4], 2, of);
    assert_eq!(v[0][0].bins[2], 1);
    assert_eq!(v[0][0].total(), 1);
    assert_eq!((v[1][0].total(), v[1][0].apart), (2, 1));
    assert_eq!((v[1][1].bins[9], v[1][1].apart), (1, 1));
    assert_eq!(t.of_row(&cols.rows()[4]), [APART; 3]);
    assert_eq!(t.of_row(&cols.rows()[2]), [10, 0, APART]);
}
