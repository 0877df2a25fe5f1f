//! Keeping published pupil numbers from identifying a child, as official statistics do: no count
//! from a cohort under 6, no count from 1 to 5, and no count a reader could work back out from
//! the total and the counts beside it.

/// The smallest number of pupils that may be published.
pub const THRESHOLD: u32 = 6;

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Shown(u32),
    /// Shown as `c`, as in official statistics.
    Suppressed,
}

/// Decides which of `counts`, out of `cohort`, may be shown.
pub fn suppress(cohort: u32, counts: &[u32]) -> Vec<Published> {
    if cohort < THRESHOLD {
        return vec![Published::Suppressed; counts.len()];
    }
    let mut hidden: Vec<bool> = counts
        .iter()
        .map(|&c| (1..THRESHOLD).contains(&c))
        .collect();
    // With the cohort published, a single hidden count is the cohort less the rest: hide the
    // next smallest non-zero count too, so that only the sum of two or more can be worked out.
    if hidden.iter().filter(|&&h| h).count() == 1 {
        let next = counts
            .iter()
            .enumerate()
            .filter(|&(i, &c)| !hidden[i] && c > 0)
            .min_by_key(|&(i, &c)| (c, i))
            .map(|(i, _)| i);
        if let Some(i) = next {
            hidden[i] = true;
        }
    }
    counts
        .iter()
        .zip(hidden)
        .map(|(&count, hide)| {
            if hide {
                Published::Suppressed
            } else {
                Published::Shown(count)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Published::{Shown, Suppressed};
    use super::*;

    #[test]
    fn a_cohort_of_five_shows_no_counts_and_a_cohort_of_six_may() {
        assert_eq!(suppress(5, &[5, 0]), [Suppressed, Suppressed]);
        assert_eq!(suppress(6, &[6, 0]), [Shown(6), Shown(0)]);
    }

    #[test]
    fn counts_of_five_are_hidden_and_counts_of_six_are_shown() {
        assert_eq!(
            suppress(40, &[6, 5, 29]),
            [Suppressed, Suppressed, Shown(29)]
        );
        assert_eq!(suppress(40, &[6, 6, 28]), [Shown(6), Shown(6), Shown(28)]);
    }

    #[test]
    fn a_lone_hidden_count_takes_the_next_smallest_with_it() {
        // 100 - 80 - 17 would reveal the 3.
        assert_eq!(
            suppress(100, &[80, 3, 17]),
            [Shown(80), Suppressed, Suppressed]
        );
    }

    #[test]
    fn zeros_reveal_nobody_and_are_not_chosen_to_hide_another() {
        assert_eq!(
            suppress(30, &[0, 2, 28]),
            [Shown(0), Suppressed, Suppressed]
        );
    }

    #[test]
    fn two_hidden_counts_need_no_more() {
        assert_eq!(
            suppress(50, &[1, 2, 47]),
            [Suppressed, Suppressed, Shown(47)]
        );
    }
}
