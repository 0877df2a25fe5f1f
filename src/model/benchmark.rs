use std::fmt;

use serde::Serialize;

use crate::yaml;

/// One of the eight Gatsby Benchmarks of good career guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Benchmark(u8);

const TITLES: [&str; 8] = [
    "A stable careers programme",
    "Learning from career and labour market information",
    "Addressing the needs of each pupil",
    "Linking curriculum learning to careers",
    "Encounters with employers and employees",
    "Experiences of workplaces",
    "Encounters with further and higher education",
    "Personal guidance",
];

/// A word or two for each benchmark, for badges and chart labels ("B5 Employers"), where the
/// full title would not fit.
const SHORT_NAMES: [&str; 8] = [
    "Programme",
    "Information",
    "Each pupil",
    "Curriculum",
    "Employers",
    "Workplaces",
    "Education",
    "Guidance",
];

/// What each benchmark asks of a school, in words a parent or pupil understands.
const PLAIN_WORDS: [&str; 8] = [
    "The school has a planned careers programme, led by a trained Careers Leader and backed by governors and senior leaders. It is published for everyone to read and improved each year using feedback from pupils, parents and carers, staff and employers.",
    "Pupils, and their parents and carers, get good, up-to-date information about courses, jobs and pay, and help to make sense of it.",
    "Support is tailored to each young person, including pupils with special educational needs and disabilities and disadvantaged pupils. The school keeps a record of each pupil's careers activities and of where they go after they leave.",
    "Teachers in every subject show how what pupils learn connects to jobs and careers.",
    "Every year from the age of 11, each pupil meets employers and people in work in a meaningful way: with a clear purpose, a chance to ask questions and time to reflect.",
    "Each pupil has first-hand experience of workplaces by the age of 16, and again by 18: visits, work shadowing or work experience.",
    "Pupils meet colleges, universities, and apprenticeship and training providers, so they understand every route open to them at 16 and 18.",
    "Every pupil has a guidance interview with a qualified careers adviser by the age of 16, and another by 18, timed to when they make choices.",
];

impl Benchmark {
    pub const ALL: [Benchmark; 8] = [
        Benchmark(1),
        Benchmark(2),
        Benchmark(3),
        Benchmark(4),
        Benchmark(5),
        Benchmark(6),
        Benchmark(7),
        Benchmark(8),
    ];

    pub fn new(number: u64) -> Option<Self> {
        (1..=8).contains(&number).then_some(Benchmark(number as u8))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    pub fn title(self) -> &'static str {
        TITLES[usize::from(self.0) - 1]
    }

    /// "Employers": with the number, a badge's whole text ("B5 Employers").
    pub fn short_name(self) -> &'static str {
        SHORT_NAMES[usize::from(self.0) - 1]
    }

    pub fn plain_words(self) -> &'static str {
        PLAIN_WORDS[usize::from(self.0) - 1]
    }
}

impl fmt::Display for Benchmark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Benchmark {}", self.0)
    }
}

impl yaml::Scalar for Benchmark {
    const WHAT: &'static str = "a benchmark";
    const HOW: &'static str = "the Gatsby Benchmarks are numbered 1 to 8";

    fn from_text(text: &str) -> Option<Self> {
        text.trim().parse().ok().and_then(Benchmark::new)
    }

    fn stand_in() -> Self {
        Benchmark(1)
    }
}

yaml::deserialize_scalar!(Benchmark);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_eight_exist() {
        assert!(Benchmark::new(0).is_none());
        assert_eq!(Benchmark::new(8).unwrap().title(), "Personal guidance");
        assert!(Benchmark::new(9).is_none());
    }
}
