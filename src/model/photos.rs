//! `content/photos.yaml`: the school's register of the photos on its careers pages, saying
//! who is in each and where the consent to publish it is recorded. careersite cannot tell who
//! is in a photo; the register is how `check` asks the careers leader, photo by photo.

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Photos {
    /// Each photo published on the careers pages.
    pub photos: Vec<Photo>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// The photo's file under content/, such as `images/careers-fair.jpg`.
    pub file: String,
    /// Whether a pupil can be recognised in it: `yes` or `no`.
    pub pupils: Answer,
    /// Where the consent to publish it is recorded, such as `Photo consent forms, school office,
    /// September 2026`. Needed when pupils are in the photo.
    #[serde(default)]
    pub consent: String,
}

impl Photo {
    /// Whether the photo shows pupils and no consent is noted.
    pub fn lacks_consent(&self) -> bool {
        self.pupils.is_yes() && self.consent.trim().is_empty()
    }
}

/// A yes or a no, however a careers leader writes it: `yes`, `no`, `true`, `false`.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    Written(Word),
    Boolean(bool),
}

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
pub enum Word {
    #[serde(alias = "Yes", alias = "YES")]
    #[serde(rename = "yes")]
    Yes,
    #[serde(alias = "No", alias = "NO")]
    #[serde(rename = "no")]
    No,
}

impl Answer {
    pub fn is_yes(self) -> bool {
        matches!(self, Answer::Written(Word::Yes) | Answer::Boolean(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::yaml;

    fn read(text: &str) -> Result<Photos, String> {
        let source = yaml::Source {
            file: std::path::Path::new("content/photos.yaml"),
            text,
            first_line: 1,
            unknown_keys: Severity::Error,
        };
        yaml::parse::<Photos>(source)
            .map(|parsed| parsed.value)
            .map_err(|problems| problems[0].message.clone())
    }

    #[test]
    fn a_photo_with_pupils_needs_a_consent_note() {
        let photos = read(
            "photos:\n  - file: a.jpg\n    pupils: yes\n  - file: b.jpg\n    pupils: Yes\n    consent: Forms in the office\n  - file: c.jpg\n    pupils: false\n",
        )
        .unwrap();
        let lacking: Vec<bool> = photos.photos.iter().map(Photo::lacks_consent).collect();
        assert_eq!(lacking, [true, false, false]);
    }

    #[test]
    fn an_answer_that_is_neither_yes_nor_no_is_refused() {
        assert!(read("photos:\n  - file: a.jpg\n    pupils: maybe\n").is_err());
    }
}
