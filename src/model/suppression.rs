//! Keeping published pupil numbers from identifying a child, as official statistics do.
//!
//! The rule: **no hidden count can be worked out exactly from what the site publishes**, even by
//! a reader who knows this algorithm. A year's counts add up to its cohort, which is published.
//! So:
//!
//! 1. a cohort under [`THRESHOLD`] publishes nothing at all, not even its size;
//! 2. a count from 1 to 5 is hidden;
//! 3. when anything is hidden, zeros are hidden too: a shown zero would tell the reader that each
//!    hidden count is at least 1, and the cohort would then pin two hidden 1s down;
//! 4. a lone hidden count, or hidden counts that are all 5 (which the cohort would pin down, a
//!    hidden count being at most 5), take the smallest shown count with them, and every count
//!    equal to it, so that the reader cannot tell which of them was the small one. With
//!    nothing left to take, nothing is published.
//!
//! Why that is enough: every published result has another set of counts that publishes the
//! same and differs in each hidden count. Under rule 3, move one pupil between two hidden
//! counts, all from 0 to 5 and neither all 0 nor all 5; under rule 4, swap the small count
//! with one of those taken with it. `tests` checks it exhaustively.

/// The smallest number of pupils that may be published.
pub const THRESHOLD: u32 = 6;

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Published {
    Shown(u32),
    /// Shown as `c`, as in official statistics.
    Suppressed,
}

/// What may be published of one cohort's counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Breakdown {
    /// Neither the counts nor the cohort are published.
    Withheld,
    /// One entry per count, in the same order.
    Counts(Vec<Published>),
}

/// Decides which of `counts` may be shown. Some (`None`) the source of the figures may have kept
/// back already, as the DfE's destination measures do: those stay hidden, and count as hidden
/// counts for the rules. `cohort` is the sum of all the counts, the withheld ones included, and
/// is published unless the breakdown is withheld.
pub fn suppress(counts: &[Option<u32>], cohort: u32) -> Breakdown {
    match hidden(counts, cohort) {
        None => Breakdown::Withheld,
        Some(hidden) => Breakdown::Counts(
            counts
                .iter()
                .zip(hidden)
                .map(|(&count, hide)| match count {
                    Some(count) if !hide => Published::Shown(count),
                    _ => Published::Suppressed,
                })
                .collect(),
        ),
    }
}

/// Which counts to hide, or `None` when nothing may be published.
fn hidden(counts: &[Option<u32>], cohort: u32) -> Option<Vec<bool>> {
    if cohort < THRESHOLD {
        return None;
    }
    let small = |count: Option<u32>| count.is_none_or(|count| (1..THRESHOLD).contains(&count));
    if !counts.iter().any(|&count| small(count)) {
        return Some(vec![false; counts.len()]);
    }
    let mut hidden: Vec<bool> = counts
        .iter()
        .map(|&count| small(count) || count == Some(0))
        .collect();
    let hidden_counts = || counts.iter().zip(&hidden).filter(|(_, h)| **h);
    let lone = hidden_counts().count() == 1;
    // A count the source withheld has no upper bound a reader knows of (the DfE also hides
    // larger counts that would give a small one away), so the cohort cannot pin it as 5.
    let all_largest_small = hidden_counts().all(|(&count, _)| count == Some(THRESHOLD - 1));
    if lone || all_largest_small {
        let smallest_shown = counts
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| !**h)
            .filter_map(|(&count, _)| count)
            .min()?;
        for (hide, &count) in hidden.iter_mut().zip(counts) {
            *hide |= count == Some(smallest_shown);
        }
    }
    Some(hidden)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::Breakdown::{Counts, Withheld};
    use super::Published::{Shown, Suppressed};
    use super::*;

    /// Counts all known, whose sum is the cohort.
    fn suppress_known(counts: &[u32]) -> Breakdown {
        let known: Vec<Option<u32>> = counts.iter().copied().map(Some).collect();
        suppress(&known, counts.iter().sum())
    }

    #[test]
    fn a_cohort_of_five_publishes_nothing_and_a_cohort_of_six_may() {
        assert_eq!(suppress_known(&[5]), Withheld);
        assert_eq!(suppress_known(&[3, 2]), Withheld);
        assert_eq!(suppress_known(&[6, 0]), Counts(vec![Shown(6), Shown(0)]));
    }

    #[test]
    fn counts_of_five_are_hidden_and_counts_of_six_are_shown() {
        assert_eq!(
            suppress_known(&[6, 5, 29]),
            Counts(vec![Suppressed, Suppressed, Shown(29)])
        );
        assert_eq!(
            suppress_known(&[6, 6, 28]),
            Counts(vec![Shown(6), Shown(6), Shown(28)])
        );
    }

    #[test]
    fn a_lone_hidden_count_takes_the_next_smallest_with_it() {
        // 100 - 80 - 17 would reveal the 3.
        assert_eq!(
            suppress_known(&[80, 3, 17]),
            Counts(vec![Shown(80), Suppressed, Suppressed])
        );
    }

    #[test]
    fn zeros_are_hidden_when_anything_is_so_hidden_counts_are_not_known_to_be_one() {
        // Shown as 30, 8, c, c with zeros published elsewhere, the two hidden counts must add
        // to 2 and each be at least 1: both are 1.
        assert_eq!(
            suppress_known(&[30, 8, 1, 1, 0]),
            Counts(vec![
                Shown(30),
                Shown(8),
                Suppressed,
                Suppressed,
                Suppressed
            ])
        );
        assert_eq!(
            suppress_known(&[28, 9, 1, 1, 1, 0]),
            Counts(vec![
                Shown(28),
                Shown(9),
                Suppressed,
                Suppressed,
                Suppressed,
                Suppressed
            ])
        );
    }

    #[test]
    fn zeros_are_shown_when_nothing_is_hidden() {
        assert_eq!(
            suppress_known(&[34, 6, 0]),
            Counts(vec![Shown(34), Shown(6), Shown(0)])
        );
    }

    #[test]
    fn hidden_counts_that_are_all_five_take_the_smallest_shown_and_its_equals() {
        // 6, c, c would leave only 5 and 5 for a reader who knows a hidden count is at most 5.
        assert_eq!(suppress_known(&[6, 5, 5]), Counts(vec![Suppressed; 3]));
        assert_eq!(
            suppress_known(&[40, 9, 5, 5, 9]),
            Counts(vec![
                Shown(40),
                Suppressed,
                Suppressed,
                Suppressed,
                Suppressed
            ])
        );
        assert_eq!(suppress_known(&[5; 6]), Withheld);
    }

    #[test]
    fn counts_the_source_withheld_stay_hidden_and_a_lone_one_takes_the_smallest_shown_with_it() {
        // 120 - 80 - 30 would give the withheld count away.
        assert_eq!(
            suppress(&[Some(80), None, Some(30)], 120),
            Counts(vec![Shown(80), Suppressed, Suppressed])
        );
        // Two withheld counts, and a zero that would say each is at least 1: hidden with them.
        assert_eq!(
            suppress(&[Some(80), None, None, Some(0), Some(30)], 120),
            Counts(vec![
                Shown(80),
                Suppressed,
                Suppressed,
                Suppressed,
                Shown(30)
            ])
        );
        assert_eq!(suppress(&[None, None], 5), Withheld);
    }

    /// Calls `each` with every way of sharing `cohort` pupils among `counts.len()` routes,
    /// filling `counts` from position `from`.
    fn every_sharing(cohort: u32, counts: &mut [u32], from: usize, each: &mut dyn FnMut(&[u32])) {
        if from + 1 == counts.len() {
            counts[from] = cohort;
            each(counts);
            return;
        }
        for count in 0..=cohort {
            counts[from] = count;
            every_sharing(cohort - count, counts, from + 1, each);
        }
    }

    /// What a reader sees, packed into a number: the cohort (or that it was withheld) and each
    /// count or `c`. Counts are below 64 here.
    fn seen_key(cohort: u32, hidden: Option<&[bool]>, counts: &[u32]) -> u64 {
        let Some(hidden) = hidden else {
            return u64::MAX;
        };
        counts
            .iter()
            .zip(hidden)
            .fold(u64::from(cohort), |key, (&count, &hide)| {
                (key << 7) | if hide { 64 } else { u64::from(count) }
            })
    }

    /// The oracle: for each number of routes and each cohort up to a size, groups every
    /// possible set of counts by what the site would publish of it, and asserts that within each
    /// group every hidden count takes at least two values. A reader who knows the cohort, the
    /// shown counts and this very algorithm can narrow a hidden count to its group's values, and
    /// no further. Up to six routes, the sizes reach past five pupils on every route; the
    /// year groups' seven and eight routes are tried as far as a test's few seconds allow.
    #[test]
    fn no_hidden_count_can_be_worked_out_from_what_is_published() {
        let sizes = [
            (1, 40),
            (2, 63),
            (3, 50),
            (4, 40),
            (5, 34),
            (6, 31),
            (7, 19),
            (8, 14),
        ];
        for (routes, largest_cohort) in sizes {
            // For each published result: one bit per value each count can take.
            let mut possible: HashMap<u64, (Option<Vec<bool>>, Vec<u64>)> = HashMap::new();
            for cohort in 0..=largest_cohort {
                every_sharing(cohort, &mut vec![0; routes], 0, &mut |counts| {
                    let known: Vec<Option<u32>> = counts.iter().copied().map(Some).collect();
                    let hidden = hidden(&known, cohort);
                    let key = seen_key(cohort, hidden.as_deref(), counts);
                    let (_, values) = possible
                        .entry(key)
                        .or_insert_with(|| (hidden.clone(), vec![0; routes]));
                    for (bits, &count) in values.iter_mut().zip(counts) {
                        *bits |= 1 << count;
                    }
                });
            }
            for (hidden, values) in possible.values() {
                for (i, bits) in values.iter().enumerate() {
                    let is_hidden = hidden.as_ref().is_none_or(|h| h[i]);
                    assert!(
                        !is_hidden || bits.count_ones() >= 2,
                        "{routes} routes, hidden {hidden:?}: count {i} can only be {}",
                        bits.trailing_zeros()
                    );
                }
            }
        }
    }
}
