//! The small views that bigger ones are made of: a link, a date, a benchmark's badge, a page as
//! a listing shows it. The page views, the careers views and the feed all use them, so they sit
//! below all three. Every `href` is relative to the site root, as in `views`.

use serde::Serialize;

use super::links::page_href;
use super::urls;
use crate::model::{Audience, Benchmark, Contact, Date, Period, Timing};

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub title: String,
    pub href: String,
    /// The page's `url_path`, to mark the current page in navigation.
    pub path: String,
}

impl LinkView {
    pub fn new(title: &str, url_path: &str) -> Self {
        LinkView {
            title: title.to_string(),
            href: page_href(url_path),
            path: url_path.to_string(),
        }
    }

    pub fn audience(audience: Audience) -> Self {
        LinkView::new(audience.label(), &urls::hub_path(audience))
    }
}

#[derive(Serialize, Clone, PartialEq)]
pub struct DateView {
    /// For `<time datetime>`: 2025-09-01.
    pub iso: String,
    /// For reading: 1 September 2025.
    pub long: String,
}

impl From<Date> for DateView {
    fn from(date: Date) -> Self {
        DateView {
            iso: date.iso(),
            long: date.long(),
        }
    }
}

/// A plan's time (a day, month, term or school year, perhaps ongoing), worded one way on every
/// page, with the form `<time datetime>` takes where HTML has one (days and months).
#[derive(Serialize)]
pub struct TimingView {
    pub text: String,
    pub iso: Option<String>,
}

impl From<Timing> for TimingView {
    fn from(timing: Timing) -> Self {
        TimingView {
            text: timing.to_string(),
            iso: timing.iso(),
        }
    }
}

impl From<Period> for TimingView {
    fn from(period: Period) -> Self {
        TimingView {
            text: period.to_string(),
            iso: period.iso(),
        }
    }
}

/// A page as it appears in a listing.
#[derive(Serialize, Clone, PartialEq)]
pub struct Summary {
    pub title: String,
    pub href: String,
    pub path: String,
    pub description: String,
    pub date: Option<DateView>,
}

#[derive(Serialize)]
pub struct BenchmarkView {
    pub number: u8,
    pub title: &'static str,
    /// "Employers", for a badge: "B5 Employers".
    pub short_name: &'static str,
    /// The benchmark's own page, from the site root.
    pub href: String,
}

impl From<Benchmark> for BenchmarkView {
    fn from(benchmark: Benchmark) -> Self {
        BenchmarkView {
            number: benchmark.number(),
            title: benchmark.title(),
            short_name: benchmark.short_name(),
            href: page_href(&urls::benchmark_path(benchmark)),
        }
    }
}

/// A person to contact, with a phone number that dials from any phone.
#[derive(Serialize)]
pub struct ContactView {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    /// A `tel:` link in international form, so it dials from any phone.
    pub phone_href: String,
    /// When they can be reached; empty when site.yaml does not say.
    pub hours: String,
}

impl From<&Contact> for ContactView {
    fn from(contact: &Contact) -> Self {
        ContactView {
            name: contact.name.clone(),
            role: contact.role.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone(),
            phone_href: tel_href(&contact.phone),
            hours: contact.hours.clone(),
        }
    }
}

/// `01632 960 123` → `tel:+441632960123`.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    match digits.strip_prefix('0') {
        Some(national) => format!("tel:+44{national}"),
        None => format!("tel:{digits}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_dial_internationally() {
        assert_eq!(tel_href("01632 960 123"), "tel:+441632960123");
        assert_eq!(tel_href("+44 1632 960123"), "tel:+441632960123");
    }
}
