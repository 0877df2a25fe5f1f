//! `careersite import events FILE.ics`: the school calendar's careers events into
//! `events.yaml`. Each keeps the calendar's own name for it (`uid`), so that importing the
//! calendar again updates it rather than adding it twice. Only what a reader of the events page
//! needs comes in: title, times, place and description; attendees, organisers and anything
//! marked private never do.

use std::collections::BTreeSet;
use std::path::Path;

use jiff::civil;

use super::Untouched;
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

/// The days whose occurrences of repeating events are brought in: the school year (1
/// September to 31 August) that `today` falls in, and from June, when schools plan the year
/// ahead, the next one as well.
pub fn school_years_from(today: civil::Date) -> (civil::Date, civil::Date) {
    let starting = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    let ending = if (6..=8).contains(&today.month()) {
        starting + 2
    } else {
        starting + 1
    };
    (civil::date(starting, 9, 1), civil::date(ending, 8, 31))
}

/// Reads the calendar `file` and works out the new text of `events.yaml` under `root`.
pub fn import(
    root: &Path,
    file: &Path,
    today: civil::Date,
    mapping: &CalendarImport,
) -> Result<(DataFile, Imported), Diagnostics> {
    let text = crate::files::read_text(file, file).map_err(|d| vec![d])?;
    let window = school_years_from(today);
    let read = calendar::read(&text, window).map_err(|err| {
        vec![
            Diagnostic::error(err.message)
                .at(Location::at_line(file, &text, err.line, err.column, 1))
                .with_help(err.help),
        ]
    })?;
    let mut summary = Summary::default();
    for left_out in read.left_out {
        let title = match left_out.title.as_str() {
            "" => "An event",
            title => title,
        };
        summary.left_out.push(format!(
            "{title} (line {}): {}",
            left_out.line, left_out.reason
        ));
    }
    let mut sorting = Sorting::default();
    for event in read.events {
        sorting.sort(event, window.0, mapping, &mut summary);
    }
    sorting.report(window.0, &mut summary);
    let data = DataFile::open(root, EVENTS_FILE).map_err(|d| vec![d])?;
    let current: Events = data.current()?;
    let existing: Vec<CalendarRecord> = current
        .events
        .iter()
        .map(CalendarRecord::from_model)
        .collect();
    let withdrawn = |old: &CalendarRecord| -> Option<String> {
        let uid = old.uid.as_deref()?;
        if let Some(withheld) = read.withheld.iter().find(|w| w.covers(uid)) {
            return Some(withheld.reason.clone());
        }
        sorting
            .not_careers
            .contains(uid)
            .then(|| "no longer in a careers category of site.yaml".to_string())
    };
    let imported = &sorting.imported;
    let placed = place(
        &data,
        "events",
        &existing,
        imported,
        &withdrawn,
        &mut summary,
    )?;
    let untouched = Untouched {
        key: "events",
        items: placed.untouched.iter().map(|&at| (at, None)).collect(),
    };
    super::read_back::<Events>(&data, &placed.text, &untouched, |read| {
        let read: Vec<CalendarRecord> =
            read.events.iter().map(CalendarRecord::from_model).collect();
        all_placed(&read, imported)
    })?;
    Ok((
        data,
        Imported {
            text: placed.text,
            summary,
        },
    ))
}

/// The calendar's events sorted into those to import and those passed over.
#[derive(Default)]
struct Sorting {
    imported: Vec<CalendarRecord>,
    /// The identities of events in no careers category: any imported before come off.
    not_careers: BTreeSet<String>,
    /// The categories of those events, to say what was passed over without listing each.
    other_categories: BTreeSet<String>,
    /// Events that were over before the school year began: a calendar's whole history.
    past: usize,
}

impl Sorting {
    fn sort(
        &mut self,
        mut event: CalendarEvent,
        since: civil::Date,
        mapping: &CalendarImport,
        summary: &mut Summary,
    ) {
        if event.end.unwrap_or(event.start).date() < since {
            self.past += 1;
            return;
        }
        let Some((audiences, benchmarks)) = categories(&event.categories, mapping) else {
            self.other_categories
                .extend(event.categories.iter().cloned());
            self.not_careers.insert(event.uid);
            return;
        };
        let description = without_joining_details(&event.description);
        let location = without_joining_details(&event.location);
        if description.is_some() || location.is_some() {
            summary.left_out.push(format!(
                "{}, {}: its online meeting's joining details (a link, meeting ID, passcode or dial-in number), which a public page must not give; the event itself is imported",
                event.title, event.start
            ));
        }
        if let Some(kept) = description {
            event.description = kept;
        }
        if let Some(kept) = location {
            event.location = if kept.is_empty() {
                "Online".to_string()
            } else {
                kept
            };
        }
        self.imported.push(CalendarRecord {
            uid: Some(event.uid),
            title: event.title,
            start: event.start,
            end: event.end,
            location: event.location,
            audiences,
            benchmarks,
            description: as_plain_text(&event.description),
        });
    }

    fn report(&self, since: civil::Date, summary: &mut Summary) {
        if self.past > 0 {
            summary.left_out.push(format!(
                "{} that {} over before {}: only events from this school year on are imported",
                events(self.past),
                if self.past == 1 { "was" } else { "were" },
                since.strftime("%-d %B %Y")
            ));
        }
        if !self.not_careers.is_empty() {
            let categories: Vec<&str> = self.other_categories.iter().map(String::as_str).collect();
            summary.left_out.push(format!(
                "{} in no careers category of site.yaml's `calendar: categories:`{}",
                events(self.not_careers.len()),
                if categories.is_empty() {
                    String::new()
                } else {
                    format!(" (their categories: {})", categories.join(", "))
                }
            ));
        }
    }
}

/// "1 event", "2 events".
fn events(count: usize) -> String {
    match count {
        1 => "1 event".to_string(),
        count => format!("{count} events"),
    }
}

/// A calendar's plain text as Markdown that shows it as written: a line the calendar began
/// with `#` or `>`, or a row of dashes, would otherwise become a heading, a quotation or a rule.
fn as_plain_text(text: &str) -> String {
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let rule = trimmed.len() >= 3
                && ['-', '=', '*', '_']
                    .iter()
                    .any(|&mark| trimmed.chars().all(|c| c == mark || c == ' '));
            if trimmed.starts_with(['#', '>']) || rule {
                format!("\\{trimmed}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` (a description or a location) without the joining details of an online meeting
/// that Outlook, Teams, Zoom, Google Meet and Webex add to an invitation: anyone with them
/// could join. `None` when it has none. Outlook sets them off below a line of underscores;
/// the rest are found line by line: a meeting's address, its ID, passcode or PIN, and the
/// dial-in numbers that carry them (`+44 20 3481 5237,,85123456789#`).
fn without_joining_details(text: &str) -> Option<String> {
    let marks = [
        "teams.microsoft.com",
        "teams.live.com",
        "zoom.us",
        "zoomgov.com",
        "meet.google.com",
        "tel.meet",
        "webex.com",
        "whereby.com",
        "gotomeeting",
        "goto.com",
        "bluejeans",
        "pexip",
        "meeting id",
        "meeting number",
        "conference id",
        "passcode",
        "password",
        "pwd=",
        "pin:",
        "pin=",
        " pin ",
        "access code",
        "dial-in",
        "dial in",
        "or dial",
        "one tap",
        "join by phone",
        "join with a video conferencing device",
        "tel:",
    ];
    let dial_string = |line: &str| {
        let digits = line.chars().filter(char::is_ascii_digit).count();
        digits >= 7 && (line.contains(",,") || line.contains('#'))
    };
    let mut kept = Vec::new();
    let mut dropped = false;
    for line in text.lines() {
        if line.trim().starts_with("_____") {
            dropped = true;
            break;
        }
        let lower = format!(" {} ", line.to_lowercase());
        if marks.iter().any(|mark| lower.contains(mark)) || dial_string(line) {
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
        for line in [
            "+442034815237,,85123456789#,,,,*482913# United Kingdom",
            "Or dial: (GB) +44 20 3910 8612 PIN: 123456789#",
            "https://tel.meet/abc-defg-hij?pin=123456789",
            "+44 20 3321 5257,,725651948# United Kingdom, London",
            "Access code: 2634 123 4567",
            "https://whereby.com/riverside-careers",
        ] {
            assert_eq!(
                without_joining_details(&format!("Bring questions.\n{line}")).as_deref(),
                Some("Bring questions."),
                "{line}"
            );
        }
        // A location that is nothing but the meeting's address.
        assert_eq!(
            without_joining_details("https://us02web.zoom.us/j/85123456789?pwd=abc").as_deref(),
            Some("")
        );
    }

    #[test]
    fn repeating_events_come_in_for_this_school_year_and_from_june_the_next() {
        let window = |y, m, d| school_years_from(civil::date(y, m, d));
        let years = |from: i16, to: i16| (civil::date(from, 9, 1), civil::date(to, 8, 31));
        assert_eq!(window(2026, 11, 23), years(2026, 2027));
        assert_eq!(window(2027, 5, 31), years(2026, 2027));
        assert_eq!(window(2027, 6, 1), years(2026, 2028));
        assert_eq!(window(2027, 8, 31), years(2026, 2028));
        assert_eq!(window(2027, 9, 1), years(2027, 2028));
    }

    #[test]
    fn calendar_text_that_markdown_would_restyle_is_shown_as_written() {
        assert_eq!(
            as_plain_text("#CareersWeek\n> quoted\n---\nPlain line"),
            "\\#CareersWeek\n\\> quoted\n\\---\nPlain line"
        );
    }
}
