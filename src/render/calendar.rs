//! iCalendar feeds (RFC 5545): one for all events and one per audience, so a parent can
//! subscribe to the parents' calendar. Times are written in UTC, converted from UK time.

use super::careers::{AnchoredEvent, anchored};
use super::markdown::plain_text;
use super::urls::{EVENTS_PATH, calendar_file};
use crate::model::{Audience, When};
use crate::output::OutputFile;
use crate::site::Site;

/// Longest content line in octets, before folding (RFC 5545 section 3.1).
const LINE_LIMIT: usize = 75;

/// The files [`files`] writes for `site`.
pub fn paths(site: &Site) -> Vec<String> {
    if site.careers.events.is_none() {
        return Vec::new();
    }
    std::iter::once(None)
        .chain(site.config.audiences.iter().copied().map(Some))
        .map(calendar_file)
        .collect()
}

pub fn files(site: &Site, today: jiff::civil::Date) -> Vec<OutputFile> {
    let Some(events) = &site.careers.events else {
        return Vec::new();
    };
    let events = anchored(&events.events);
    let school = &site.config.school.name;
    let mut feeds = vec![(None, format!("{school} careers events"))];
    feeds.extend(site.config.audiences.iter().map(|&a| {
        (
            Some(a),
            format!("{school} careers events for {}", a.label().to_lowercase()),
        )
    }));
    feeds
        .into_iter()
        .map(|(audience, name)| {
            let chosen: Vec<&AnchoredEvent> = events
                .iter()
                .filter(|e| audience.is_none_or(|a: Audience| e.event.audiences.contains(&a)))
                .collect();
            OutputFile {
                path: calendar_file(audience),
                contents: super::clean_text::publishable(calendar(site, &name, &chosen, today)),
            }
        })
        .collect()
}

fn calendar(
    site: &Site,
    name: &str,
    events: &[&AnchoredEvent],
    today: jiff::civil::Date,
) -> String {
    let host = site
        .config
        .url
        .as_ref()
        .and_then(|url| url.host().map(str::to_string))
        .unwrap_or_else(|| "careersite.invalid".to_string());
    let stamp = format!("{}T000000Z", today.strftime("%Y%m%d"));
    let mut out = String::new();
    let mut line = |text: String| fold(&text, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line(format!(
        "PRODID:-//careersite//{}//EN",
        escape(&site.config.school.name)
    ));
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for AnchoredEvent { id, event } in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{id}@{host}"));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART{}", ical_time(event.start, false)));
        match (event.start, event.end) {
            (_, Some(end)) => line(format!("DTEND{}", ical_time(end, true))),
            (When::Day(_), None) => line(format!("DTEND{}", ical_time(event.start, true))),
            (When::Time(_), None) => {}
        }
        line(format!("SUMMARY:{}", escape(&event.title)));
        if !event.location.is_empty() {
            line(format!("LOCATION:{}", escape(&event.location)));
        }
        let description = plain_text(&event.description);
        if !description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&description)));
        }
        if let Some(url) = &site.config.url {
            line(format!("URL:{}#{id}", url.join(EVENTS_PATH)));
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// `;VALUE=DATE:20260129` for a whole day (the day after, for an exclusive end), or
/// `:20260129T180000Z` for a UK time.
fn ical_time(when: When, is_end: bool) -> String {
    match when {
        When::Day(day) => {
            let day = if is_end { day.next() } else { day.civil() };
            format!(";VALUE=DATE:{}", day.strftime("%Y%m%d"))
        }
        When::Time(time) => format!(":{}", time.instant().strftime("%Y%m%dT%H%M%SZ")),
    }
}

/// Escapes a TEXT value (RFC 5545 section 3.3.11).
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends `line` with CRLF, folded so that no line exceeds 75 octets, never inside a character.
fn fold(line: &str, out: &mut String) {
    let mut limit = LINE_LIMIT;
    let mut rest = line;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // A continuation line starts with a space, which counts towards its 75 octets.
        limit = LINE_LIMIT - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(80));
        fold(&line, &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= LINE_LIMIT, "{} octets", physical.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(
            escape("Hall; room 1, A\\B\nnext"),
            "Hall\\; room 1\\, A\\\\B\\nnext"
        );
    }

    #[test]
    fn uk_times_become_utc_in_summer_and_winter() {
        let winter = When::parse("2026-01-29T18:00").unwrap();
        let summer = When::parse("2026-06-29T18:00").unwrap();
        assert_eq!(ical_time(winter, false), ":20260129T180000Z");
        assert_eq!(ical_time(summer, false), ":20260629T170000Z");
        let day = When::parse("2026-06-29").unwrap();
        assert_eq!(ical_time(day, true), ";VALUE=DATE:20260630");
    }
}
