use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

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

impl Benchmark {
    pub fn new(number: u64) -> Option<Self> {
        (1..=8).contains(&number).then_some(Benchmark(number as u8))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    pub fn title(self) -> &'static str {
        TITLES[usize::from(self.0) - 1]
    }
}

impl fmt::Display for Benchmark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Benchmark {}", self.0)
    }
}

impl<'de> Deserialize<'de> for Benchmark {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = i64::deserialize(deserializer)?;
        u64::try_from(number)
            .ok()
            .and_then(Benchmark::new)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "there is no benchmark {number}: the Gatsby Benchmarks are numbered 1 to 8"
                ))
            })
    }
}

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
