//! The events page and the events shown on audience hubs.

use std::collections::HashSet;

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

use super::DataMarkdown;
use crate::config::{PublicUrl, SiteConfig};
use crate::model::{Audience, Event, When};
use crate::render::urls::calendar_file;
use crate::render::view_parts::{DateView, LinkView};
use crate::site::slugify;

#[derive(Serialize)]
pub struct EventsView {
    pub upcoming: Vec<EventView>,
    pub past: Vec<EventView>,
    /// Calendar feeds to subscribe to: all events, then one per audience.
    pub feeds: Vec<CalendarView>,
}

/// A calendar of events, to download once or to subscribe to.
#[derive(Serialize)]
pub struct CalendarView {
    pub title: String,
    /// The `.ics` file, from the site root: opening it imports the events once.
    pub href: String,
    /// The same file at a `webcal://` address, which calendar apps subscribe to, so that new
    /// events appear as the school adds them. Needs the site's public `url`.
    pub webcal: Option<String>,
}

impl CalendarView {
    pub fn new(title: String, audience: Option<Audience>, url: Option<&PublicUrl>) -> Self {
        let href = calendar_file(audience);
        let webcal = url.map(|url| {
            let address = url.join(&href);
            let after_scheme = address
                .split_once("://")
                .map_or(&*address, |(_, rest)| rest);
            format!("webcal://{after_scheme}")
        });
        CalendarView {
            title,
            href,
            webcal,
        }
    }
}

#[derive(Serialize)]
pub struct EventView {
    /// The event's anchor on the events page.
    pub id: String,
    pub title: String,
    /// When, the British way: `Thursday 29 January 2026, 6pm to 8pm`.
    pub when: String,
    pub start: DateView,
    pub location: String,
    pub audiences: Vec<LinkView>,
    pub description: String,
}

/// An event and its anchor on the events page, which no other event shares.
pub struct AnchoredEvent<'a> {
    pub id: String,
    pub event: &'a Event,
}

/// Anchors each event by its date and title. Events that share both are numbered `-2`, `-3`…
/// in the order events.yaml lists them, so that adding an event at the end moves no other
/// event's anchor; and no number takes the anchor another event has by its own title.
pub fn anchored(events: &[Event]) -> Vec<AnchoredEvent<'_>> {
    let natural: Vec<String> = events.iter().map(natural_id).collect();
    let mut taken: HashSet<String> = natural.iter().cloned().collect();
    let mut seen = HashSet::new();
    events
        .iter()
        .zip(natural)
        .map(|(event, id)| {
            let id = if seen.insert(id.clone()) {
                id
            } else {
                numbered(&id, &mut taken)
            };
            AnchoredEvent { id, event }
        })
        .collect()
}

fn natural_id(event: &Event) -> String {
    format!("{}-{}", event.start.date(), slugify(&event.title))
}

/// The first of `base-2`, `base-3`… not yet taken, now taken.
fn numbered(base: &str, taken: &mut HashSet<String>) -> String {
    let mut n = 2;
    loop {
        let id = format!("{base}-{n}");
        if taken.insert(id.clone()) {
            return id;
        }
        n += 1;
    }
}

pub(super) fn events_page(
    events: &[Event],
    config: &SiteConfig,
    today: jiff::civil::Date,
    md: &mut DataMarkdown<'_>,
) -> EventsView {
    let (upcoming, past) = split_by_date(anchored(events), today);
    let url = config.url.as_ref();
    let mut feeds = vec![CalendarView::new("All events".to_string(), None, url)];
    feeds.extend(config.audiences.iter().map(|&a| {
        let title = format!("Events for {}", a.label().to_lowercase());
        CalendarView::new(title, Some(a), url)
    }));
    EventsView {
        upcoming: upcoming.into_iter().map(|e| view(e, md)).collect(),
        past: past.into_iter().map(|e| view(e, md)).collect(),
        feeds,
    }
}

/// The upcoming events for one audience (for its hub page), or for everyone (for the home page).
pub(super) fn upcoming_for(
    events: &[Event],
    audience: Option<Audience>,
    today: jiff::civil::Date,
    md: &mut DataMarkdown<'_>,
) -> Vec<EventView> {
    let (upcoming, _) = split_by_date(
        anchored(events)
            .into_iter()
            .filter(|e| audience.is_none_or(|a| e.event.audiences.contains(&a)))
            .collect(),
        today,
    );
    upcoming.into_iter().map(|e| view(e, md)).collect()
}

/// Events still to come (soonest first) and those over (latest first). An event is upcoming
/// until the end of its last day.
fn split_by_date(
    mut events: Vec<AnchoredEvent<'_>>,
    today: jiff::civil::Date,
) -> (Vec<AnchoredEvent<'_>>, Vec<AnchoredEvent<'_>>) {
    events.sort_by_key(|e| (e.event.start.sort_key(), e.event.title.clone()));
    let (upcoming, mut past): (Vec<_>, Vec<_>) = events
        .into_iter()
        .partition(|e| e.event.end.unwrap_or(e.event.start).date() >= today);
    past.reverse();
    (upcoming, past)
}

fn view(AnchoredEvent { id, event }: AnchoredEvent<'_>, md: &mut DataMarkdown<'_>) -> EventView {
    EventView {
        id,
        title: event.title.clone(),
        when: describe_when(event.start, event.end),
        start: DateView {
            iso: event.start.to_string(),
            long: event.start.date().strftime("%-d %B %Y").to_string(),
        },
        location: event.location.clone(),
        audiences: event
            .audiences
            .iter()
            .map(|&a| LinkView::audience(a))
            .collect(),
        description: md.html(&event.description, HeadingLevel::H3),
    }
}

fn describe_when(start: When, end: Option<When>) -> String {
    let day = |d: jiff::civil::Date| d.strftime("%A %-d %B %Y").to_string();
    let day_and_clock =
        |t: jiff::civil::DateTime| format!("{}, {}", day(t.date()), clock(t.time()));
    match (start, end) {
        (When::Day(s), None) => day(s.civil()),
        (When::Day(s), Some(e)) if e.date() == s.civil() => day(s.civil()),
        (When::Day(s), Some(e)) => format!("{} to {}", day(s.civil()), day(e.date())),
        (When::Time(s), None) => day_and_clock(s.civil()),
        (When::Time(s), Some(When::Time(e))) if e.civil().date() == s.civil().date() => {
            format!(
                "{} to {}",
                day_and_clock(s.civil()),
                clock(e.civil().time())
            )
        }
        (When::Time(s), Some(e)) => format!(
            "{} to {}",
            day_and_clock(s.civil()),
            match e {
                When::Time(t) => day_and_clock(t.civil()),
                When::Day(d) => day(d.civil()),
            }
        ),
    }
}

/// `18:00` → `6pm`; `09:30` → `9:30am`; `12:00` → `12 noon`.
fn clock(time: jiff::civil::Time) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    if (hour, minute) == (12, 0) {
        return "12 noon".to_string();
    }
    let suffix = if hour < 12 { "am" } else { "pm" };
    let hour12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    if minute == 0 {
        format!("{hour12}{suffix}")
    } else {
        format!("{hour12}:{minute:02}{suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(text: &str) -> When {
        When::parse(text).unwrap()
    }

    #[test]
    fn times_read_the_british_way() {
        assert_eq!(
            describe_when(when("2026-01-29T18:00"), Some(when("2026-01-29T20:30"))),
            "Thursday 29 January 2026, 6pm to 8:30pm"
        );
        assert_eq!(
            describe_when(when("2026-03-02"), None),
            "Monday 2 March 2026"
        );
        assert_eq!(
            describe_when(when("2026-06-29"), Some(when("2026-07-03"))),
            "Monday 29 June 2026 to Friday 3 July 2026"
        );
        assert_eq!(clock(jiff::civil::time(12, 0, 0, 0)), "12 noon");
        assert_eq!(clock(jiff::civil::time(0, 15, 0, 0)), "12:15am");
    }
}
