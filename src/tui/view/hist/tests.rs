use super::Metric;
use super::draw::{heights, ticks};

#[test]
fn ticks_sit_under_their_bins_and_never_touch() {
    assert_eq!(
        ticks(Metric::ActionsPerPrompt, 4, 44),
        "0   1   2   3   5   8   13  20  30  50  100+"
    );
    assert_eq!(ticks(Metric::ActionsPerPrompt, 2, 22), "0 1 2 3 5 8 13  30    ");
    assert_eq!(
        ticks(Metric::PlanningShare, 4, 40),
        "0   10  20  30  40  50  60  70  80  90 %"
    );
}

#[test]
fn heights_scale_to_the_fullest_bin_and_keep_small_bins_visible() {
    assert_eq!(heights(&[0, 1, 2, 4], 2), [0, 4, 8, 16]);
    assert_eq!(heights(&[1000, 1], 1), [8, 1]);
    assert_eq!(heights(&[0, 0], 3), [0, 0]);
}
