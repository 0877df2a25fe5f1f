//! Events: the events page, the audience hubs, and iCalendar feeds a parent can subscribe to.

mod common;

use common::TestSite;

const EVENTS: &str = r#"
events:
  - title: Post-16 evening
    start: 2026-11-12T18:00
    end: 2026-11-12T20:00
    location: Main hall
    audiences: [pupils, parents]
  - title: "Options evening; Year 9, and parents"
    start: 2027-01-28T18:00
    end: 2027-01-28T19:30
    location: Hall 1, Block B
    audiences: [parents]
    description: "Talk to teachers, and read [the options guide](https://example.org/options)."
  - title: Work experience week
    start: 2027-06-28
    end: 2027-07-02
    audiences: [pupils, employers]
  - title: Careers fair
    start: 2027-03-18T13:00
    audiences: [pupils, parents, employers, staff]
    description: A very long description that goes on and on so that the line in the calendar file must be folded at seventy-five octets, with an accented café or two along the way.
"#;

fn events_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/site.yaml",
        "school:\n  name: Riverside\nurl: https://www.riverside.sch.uk/careers/\n",
    )
    .write("content/events.yaml", EVENTS);
    site
}

fn calendar(site: &TestSite, name: &str) -> String {
    std::fs::read_to_string(site.output().join("events").join(name)).unwrap()
}

#[test]
fn the_events_page_splits_upcoming_from_past_as_of_the_build_date() {
    let site = events_site();
    site.build();
    let page = site.page("events/index.html");
    assert_eq!(
        page.texts(".upcoming h3"),
        [
            "Options evening; Year 9, and parents",
            "Careers fair",
            "Work experience week"
        ],
        "soonest first"
    );
    assert_eq!(page.texts(".past h3"), ["Post-16 evening"]);
    let when = page.texts(".event time");
    assert_eq!(when[0], "Thursday 28 January 2027, 6pm to 7:30pm");
    assert_eq!(when[2], "Monday 28 June 2027 to Friday 2 July 2027");
}

#[test]
fn each_audience_hub_shows_its_upcoming_events_and_a_feed_to_subscribe_to() {
    let site = events_site();
    site.build();
    let parents = site.page("parents/index.html");
    assert_eq!(
        parents.texts(".event h3"),
        ["Options evening; Year 9, and parents", "Careers fair"]
    );
    assert_eq!(
        parents.link("Subscribe to events for parents and carers"),
        "webcal://www.riverside.sch.uk/careers/events/parents.ics",
        "a calendar app subscribes to a webcal address, and sees new events as they are added"
    );
    assert_eq!(
        parents.link("download events for parents and carers"),
        "../events/parents.ics",
        "the file itself imports once"
    );
    let events = site.page("events/index.html");
    assert_eq!(
        events.link("Subscribe to all events"),
        "webcal://www.riverside.sch.uk/careers/events/calendar.ics",
        "the events page subscribes as the hubs do"
    );
    assert_eq!(
        events.link("download events for staff"),
        "../events/staff.ics"
    );
    assert_eq!(
        site.page("staff/index.html").texts(".event h3"),
        ["Careers fair"]
    );
}

#[test]
fn calendar_feeds_are_valid_rfc_5545() {
    let site = events_site();
    site.build();
    for name in [
        "calendar.ics",
        "pupils.ics",
        "parents.ics",
        "staff.ics",
        "employers.ics",
    ] {
        let text = calendar(&site, name);
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "{name}: every line ends in CRLF"
        );
        for line in text.split("\r\n") {
            assert!(
                line.len() <= 75,
                "{name}: {} octets in {line:?}",
                line.len()
            );
        }
        let unfolded = icalendar::parser::unfold(&text);
        let parsed =
            icalendar::parser::read_calendar(&unfolded).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            parsed
                .properties
                .iter()
                .any(|p| p.name == "VERSION" && p.val == "2.0")
        );
        assert!(parsed.properties.iter().any(|p| p.name == "PRODID"));
        for event in &parsed.components {
            assert_eq!(event.name, "VEVENT");
            for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
                assert!(
                    event.find_prop(required).is_some(),
                    "{name}: {required} missing"
                );
            }
        }
    }
}

#[test]
fn calendars_round_trip_through_a_parser_with_text_and_times_intact() {
    use icalendar::{Component, EventLike};
    let site = events_site();
    site.build();
    let calendar: icalendar::Calendar = calendar(&site, "parents.ics").parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    let summaries: Vec<&str> = events.iter().filter_map(|e| e.get_summary()).collect();
    assert_eq!(
        summaries,
        [
            "Post-16 evening",
            "Options evening; Year 9, and parents",
            "Careers fair"
        ],
        "only parents' events, escaping undone"
    );
    let options = events[1];
    assert_eq!(options.get_location(), Some("Hall 1, Block B"));
    assert_eq!(
        options.get_description(),
        Some("Talk to teachers, and read the options guide (https://example.org/options).")
    );
    assert_eq!(
        options.property_value("DTSTART"),
        Some("20270128T180000Z"),
        "January is GMT"
    );
    let uids: std::collections::HashSet<_> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(uids.len(), 3, "every UID is unique");
    let fair = events[2];
    assert!(
        fair.get_description()
            .unwrap()
            .contains("accented café or two"),
        "folded lines unfold intact"
    );
}

#[test]
fn summer_times_are_converted_from_british_summer_time() {
    let site = events_site();
    site.write(
        "content/events.yaml",
        "events:\n  - title: Summer fair\n    start: 2027-06-10T18:00\n",
    );
    site.build();
    assert!(calendar(&site, "calendar.ics").contains("DTSTART:20270610T170000Z"));
}

#[test]
fn whole_day_events_end_on_the_day_after_their_last() {
    let site = events_site();
    site.build();
    let text = calendar(&site, "employers.ics");
    assert!(
        text.contains("DTSTART;VALUE=DATE:20270628\r\nDTEND;VALUE=DATE:20270703\r\n"),
        "{text}"
    );
}

#[test]
fn an_event_ending_before_it_starts_is_refused_at_its_end() {
    let site = TestSite::new();
    site.write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 2027-03-18T13:00\n    end: 2027-03-18T12:00\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("content/events.yaml:4:10"), "{err}");
    assert!(
        err.contains("ends (`2027-03-18T12:00`) before it starts"),
        "{err}"
    );
}

#[test]
fn a_malformed_time_is_refused_with_the_forms_allowed() {
    let site = TestSite::new();
    site.write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 18/03/2027 1pm\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("content/events.yaml:3:12"), "{err}");
    assert!(err.contains("2026-01-29T18:00 for a time"), "{err}");
}

/// Two open evenings on one day, listed in this order: the first for pupils, the second for
/// parents.
const TWO_OPEN_EVENINGS: &str = r#"
events:
  - title: Open evening
    start: 2027-01-14T19:00
    audiences: [pupils]
  - title: Open evening
    start: 2027-01-14T17:00
    audiences: [parents]
"#;

fn two_open_evenings() -> TestSite {
    let site = events_site();
    site.write("content/events.yaml", TWO_OPEN_EVENINGS);
    site.build();
    site
}

/// The `(URL, UID)` of each event in a calendar feed.
fn links_and_uids(site: &TestSite, name: &str) -> Vec<(String, String)> {
    use icalendar::Component;
    let calendar: icalendar::Calendar = calendar(site, name).parse().unwrap();
    calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            (
                e.get_url().unwrap().to_string(),
                e.get_uid().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn events_with_the_same_date_and_title_get_distinct_ids() {
    let site = two_open_evenings();
    let page = site.page("events/index.html");
    assert_eq!(
        page.attrs(".event", "id"),
        ["2027-01-14-open-evening-2", "2027-01-14-open-evening"],
        "numbered in the order they are listed in events.yaml, whatever their times"
    );
    let ids = page.attrs("[id]", "id");
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(
        unique.len(),
        ids.len(),
        "every id on the page is unique: {ids:?}"
    );
}

#[test]
fn every_link_to_a_repeated_event_leads_to_that_event() {
    let site = two_open_evenings();
    let events = "https://www.riverside.sch.uk/careers/events/";
    assert_eq!(
        links_and_uids(&site, "parents.ics"),
        [(
            format!("{events}#2027-01-14-open-evening-2"),
            "2027-01-14-open-evening-2@www.riverside.sch.uk".to_string()
        )],
        "the parents' evening is the second one listed"
    );
    assert_eq!(
        links_and_uids(&site, "calendar.ics"),
        [
            (
                format!("{events}#2027-01-14-open-evening"),
                "2027-01-14-open-evening@www.riverside.sch.uk".to_string()
            ),
            (
                format!("{events}#2027-01-14-open-evening-2"),
                "2027-01-14-open-evening-2@www.riverside.sch.uk".to_string()
            ),
        ],
        "an event keeps its address and UID in every feed"
    );
    assert_eq!(
        site.page("parents/index.html").attrs(".event a", "href"),
        ["../events/index.html#2027-01-14-open-evening-2"],
        "the parents' page links to it where the events page has it"
    );
    assert_eq!(
        site.page("index.html").attrs(".event a", "href"),
        [
            "events/index.html#2027-01-14-open-evening-2",
            "events/index.html#2027-01-14-open-evening"
        ]
    );
}

#[test]
fn a_time_skipped_when_the_clocks_go_forward_is_refused() {
    let site = TestSite::new();
    site.write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 2026-03-29T01:30\n    end: 2026-03-29T02:30\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("content/events.yaml:3:12"), "{err}");
    assert!(
        err.contains(
            "1:30 on 29 March 2026 (`2026-03-29T01:30`) does not exist in the UK: the clocks go forward from 1:00 to 2:00"
        ),
        "{err}"
    );
    assert!(
        err.contains("write a time before 1:00 or from 2:00"),
        "{err}"
    );
}

#[test]
fn an_end_time_skipped_when_the_clocks_go_forward_is_refused_at_the_end() {
    let site = TestSite::new();
    site.write(
        "content/events.yaml",
        "events:\n  - title: Fair\n    start: 2027-03-28T00:30\n    end: 2027-03-28 01:00\n",
    );
    let err = site.run(&["build"]).failure().stderr();
    assert!(err.contains("content/events.yaml:4:10"), "{err}");
    assert!(
        err.contains("1:00 on 28 March 2027 (`2027-03-28 01:00`) does not exist in the UK"),
        "{err}"
    );
}

#[test]
fn a_time_repeated_when_the_clocks_go_back_is_read_as_the_first_time_round() {
    let site = events_site();
    site.write(
        "content/events.yaml",
        "events:\n  - title: Night walk\n    start: 2026-10-25T01:30\n    end: 2026-10-25T02:30\n",
    );
    site.build();
    let text = calendar(&site, "calendar.ics");
    assert!(
        text.contains("DTSTART:20261025T003000Z\r\nDTEND:20261025T023000Z\r\n"),
        "1:30 British Summer Time, so two hours long: {text}"
    );
}

#[test]
fn an_event_date_implausibly_far_away_is_refused() {
    for when in ["9999-12-31T23:30", "2207-01-28", "1926-01-28"] {
        let site = TestSite::new();
        site.write(
            "content/events.yaml",
            format!("events:\n  - title: Fair\n    start: {when}\n"),
        );
        let err = site.run(&["build"]).failure().stderr();
        assert!(err.contains("content/events.yaml:3:12"), "{err}");
        assert!(err.contains(&format!("`{when}` is too far away")), "{err}");
        assert!(err.contains("in the years 2000 to 2100"), "{err}");
    }
}

#[test]
fn events_from_2000_to_2100_are_accepted() {
    let site = events_site();
    site.write(
        "content/events.yaml",
        "events:\n  - title: First\n    start: 2000-01-01\n  - title: Last\n    start: 2100-12-31T23:30\n    end: 2100-12-31T23:59\n",
    );
    site.build();
    let text = calendar(&site, "calendar.ics");
    assert!(text.contains("DTSTART;VALUE=DATE:20000101\r\nDTEND;VALUE=DATE:20000102\r\n"));
    assert!(text.contains("DTSTART:21001231T233000Z\r\nDTEND:21001231T235900Z\r\n"));
}
