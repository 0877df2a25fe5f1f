//! `careersite import events FILE.ics`: the school calendar's careers events into
//! `events.yaml`. Each keeps the calendar's own name for it (`uid`), so that importing the
//! calendar again updates it rather than adding it twice. Only what a reader of the events page
//! needs comes in: title, times, place and description; attendees, organisers and anything
//! marked private never do.

use std::collections::BTreeSet;
use std::path::Path;

use jiff::civil;

use super::calendar::{self, CalendarEvent};
use super::place::{Record, all_placed, place};
use super::{DataFile, Imported, Summary};
use crate::config::CalendarImport;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::load::EVENTS_FILE;
use crate::model::{Audience, Benchmark, Event, Events, When};
use crate::yaml::edit::Item;

/// One event as the import writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CalendarRecord {
    uid: Option<String>,
    title: String,
    start: When,
    end: Option<When>,
    location: String,
    /// Empty for everyone.
    audiences: Vec<Audience>,
    benchmarks: Vec<Benchmark>,
    description: String,
}

impl CalendarRecord {
    fn from_model(event: &Event) -> Self {
        let everyone = Audience::ALL.iter().all(|a| event.audiences.contains(a));
        // In the order the import writes them, so that only a real change counts as one.
        let audiences = Audience::ALL
            .into_iter()
            .filter(|a| event.audiences.contains(a))
            .collect();
        CalendarRecord {
            uid: event.uid.clone(),
            title: event.title.clone(),
            start: event.start,
            end: event.end,
            location: event.location.clone(),
            audiences: if everyone { Vec::new() } else { audiences },
            benchmarks: event.benchmarks.clone(),
            description: event.description.clone(),
        }
    }
}

impl Record for CalendarRecord {
    fn name(&self) -> String {
        format!("{}, {}", self.title, self.start)
    }

    fn item(&self, indent: usize) -> String {
        let mut item = Item::new(indent);
        item.text("title", &self.title).word("start", self.start);
        if let Some(end) = self.end {
            item.word("end", end);
        }
        if !self.location.is_empty() {
            item.text("location", &self.location);
        }
        if !self.audiences.is_empty() {
            let words: Vec<String> = self
                .audiences
                .iter()
                .map(|a| a.slug().to_string())
                .collect();
            item.words("audiences", &words);
        }
        if !self.benchmarks.is_empty() {
            let numbers: Vec<String> = self
                .benchmarks
                .iter()
                .map(|b| b.number().to_string())
                .collect();
            item.words("benchmarks", &numbers);
        }
        if !self.description.is_empty() {
            item.text("description", &self.description);
        }
        if let Some(uid) = &self.uid {
            item.text("uid", uid);
        }
        item.finish()
    }

    /// The event the calendar brought in before, or one the careers leader wrote in by hand
    /// with the same title at the same time.
    fn matches(&self, imported: &Self) -> bool {
        match &self.uid {
            Some(uid) => imported.uid.as_ref() == Some(uid),
            None => {
                self.start == imported.start
                    && self
                        .title
                        .trim()
                        .eq_ignore_ascii_case(imported.title.trim())
            }
        }
    }

    fn keeps_out(&self, _imported: &Self) -> Option<String> {
        self.uid.is_none().then(|| {
            "events.yaml has it already, as you wrote it, and careersite leaves yours as it is"
                .to_string()
        })
    }

    fn owned_by(&self, _imported: &Self) -> bool {
        self.uid.is_some()
    }

    fn goes_before(&self, other: &Self) -> bool {
        self.start.sort_key() < other.start.sort_key()
    }
}

/// The school year (1 September to 31 August) that `today` falls in, within which repeating
/// events are brought in.
pub fn school_year_of(today: civil::Date) -> (civil::Date, civil::Date) {
    let starting = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    (
        civil::date(starting, 9, 1),
        civil::date(starting + 1, 8, 31),
    )
}

/// Reads the calendar `file` (named `shown` in messages) and works out the new text of
/// `events.yaml` under `root`.
pub fn import(
    root: &Path,
    file: &Path,
    shown: &Path,
    today: civil::Date,
    mapping: &CalendarImport,
) -> Result<(DataFile, Imported), Diagnostics> {
    let text = crate::files::read_text(file, shown).map_err(|d| vec![d])?;
    let read = calendar::read(&text, school_year_of(today)).map_err(|err| {
        vec![
            Diagnostic::error(err.message)
                .at(Location::at_line(shown, &text, err.line, err.column, 1))
                .with_help(err.help),
        ]
    })?;
    let mut summary = Summary::default();
    for left_out in read.left_out {
        summary.left_out.push(format!(
            "{} (line {}): {}",
            left_out.title, left_out.line, left_out.reason
        ));
    }
    let mut imported = Vec::new();
    for mut event in read.events {
        if let Some(kept) = without_joining_details(&event.description) {
            summary.left_out.push(format!(
                "{}, {}: the online meeting's joining details (a link, meeting ID or passcode), which a public page must not give",
                event.title, event.start
            ));
            event.description = kept;
        }
        match from_calendar(event, mapping) {
            Ok(event) => imported.push(event),
            Err(reason) => summary.left_out.push(reason),
        }
    }
    let data = DataFile::open(root, EVENTS_FILE).map_err(|d| vec![d])?;
    let current: Events = data.current()?;
    let existing: Vec<CalendarRecord> = current
        .events
        .iter()
        .map(CalendarRecord::from_model)
        .collect();
    let text = place(&data, "events", &existing, &imported, &mut summary)?;
    super::read_back::<Events>(&data, &text, |read| {
        let read: Vec<CalendarRecord> =
            read.events.iter().map(CalendarRecord::from_model).collect();
        all_placed(&read, &imported)
    })?;
    Ok((data, Imported { text, summary }))
}

/// A calendar event as events.yaml holds it, or why it is not brought in.
fn from_calendar(event: CalendarEvent, mapping: &CalendarImport) -> Result<CalendarRecord, String> {
    let (start, end) = (event.start, event.end);
    let (audiences, benchmarks) = categories(&event.categories, mapping).ok_or_else(|| {
        let listed = if event.categories.is_empty() {
            "it has no category".to_string()
        } else {
            format!("its categories are {}", event.categories.join(", "))
        };
        format!(
            "{}, {start}: not a careers event by site.yaml's `calendar: categories:` ({listed})",
            event.title
        )
    })?;
    Ok(CalendarRecord {
        uid: Some(event.uid),
        title: event.title,
        start,
        end,
        location: event.location,
        audiences,
        benchmarks,
        description: event.description,
    })
}

/// `description` without the joining details of an online meeting that Outlook, Teams, Zoom
/// and Google Meet add to an invitation (anyone with them could join), or `None` when it has
/// none. Outlook sets them off below a line of underscores; the rest are found line by line.
fn without_joining_details(description: &str) -> Option<String> {
    let joining = [
        "teams.microsoft.com",
        "teams.live.com",
        "zoom.us/",
        "meet.google.com",
        "webex.com",
        "meeting id",
        "passcode",
        "password:",
        "dial-in",
        "dial in",
        "conference id",
    ];
    let mut kept = Vec::new();
    let mut dropped = false;
    for line in description.lines() {
        if line.trim().starts_with("_____") {
            dropped = true;
            break;
        }
        let lower = line.to_lowercase();
        if joining.iter().any(|mark| lower.contains(mark)) {
            dropped = true;
        } else {
            kept.push(line);
        }
    }
    dropped.then(|| kept.join("\n").trim().to_string())
}

/// The audiences and benchmarks of an event in `categories`, by site.yaml's mapping; `None`
/// when the school lists its careers categories and the event is in none of them.
fn categories(
    categories: &[String],
    mapping: &CalendarImport,
) -> Option<(Vec<Audience>, Vec<Benchmark>)> {
    if mapping.categories.is_empty() {
        return Some((Vec::new(), Vec::new()));
    }
    let matched: Vec<_> = mapping
        .categories
        .iter()
        .filter(|(name, _)| {
            categories
                .iter()
                .any(|c| c.trim().eq_ignore_ascii_case(name.trim()))
        })
        .map(|(_, category)| category)
        .collect();
    if matched.is_empty() {
        return None;
    }
    // The audiences its categories name; everyone if they name none.
    let audiences: BTreeSet<Audience> = matched
        .iter()
        .flat_map(|c| c.audiences.iter().copied())
        .collect();
    let benchmarks: BTreeSet<Benchmark> = matched
        .iter()
        .flat_map(|c| c.benchmarks.iter().copied())
        .collect();
    let audiences = if audiences.len() == Audience::ALL.len() {
        Vec::new()
    } else {
        Audience::ALL
            .iter()
            .copied()
            .filter(|a| audiences.contains(a))
            .collect()
    };
    Some((audiences, benchmarks.into_iter().collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_online_meetings_joining_details_never_reach_the_page() {
        let invitation = "Talk to a university about studying abroad.\n\n________________________________________________________________________________\nMicrosoft Teams meeting\nJoin: https://teams.microsoft.com/l/meetup-join/19%3ameeting\nMeeting ID: 123 456 789\nPasscode: abc123";
        assert_eq!(
            without_joining_details(invitation).as_deref(),
            Some("Talk to a university about studying abroad.")
        );
        let zoom = "Bring questions.\nhttps://zoom.us/j/123456789?pwd=xyz\nSee you there.";
        assert_eq!(
            without_joining_details(zoom).as_deref(),
            Some("Bring questions.\nSee you there.")
        );
        assert_eq!(without_joining_details("Main hall, 6pm."), None);
    }

    #[test]
    fn the_school_year_runs_from_september_to_august() {
        let year = |y, m, d| school_year_of(civil::date(y, m, d));
        assert_eq!(
            year(2026, 11, 23),
            (civil::date(2026, 9, 1), civil::date(2027, 8, 31))
        );
        assert_eq!(
            year(2027, 8, 31),
            (civil::date(2026, 9, 1), civil::date(2027, 8, 31))
        );
        assert_eq!(
            year(2027, 9, 1),
            (civil::date(2027, 9, 1), civil::date(2028, 8, 31))
        );
    }
}
