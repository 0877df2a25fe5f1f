//! What the law requires a school to publish (docs/check.md, from the DfE's statutory guidance
//! "Careers guidance and access for education and training providers"): the careers programme
//! information (S1-S4) and the provider access policy statement (P1-P4), plus an
//! accessibility statement contact. Missing or malformed items are errors: they name the field and the file to fix.

use super::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{CONFIG_FILE, PROGRAMME_FILE, data_file_path};
use crate::model::{Audience, Contact, EncounterStage};
use crate::site::Site;

/// How long before the review date the check starts reminding.
const REVIEW_NOTICE_DAYS: i64 = 30;

pub fn check(site: &Site, today: jiff::civil::Date, out: &mut Findings) {
    careers_leader(site, out);
    programme_information(site, out);
    review_date(site, today, out);
    if site.config.school.phase.has_provider_access() {
        provider_access(site, out);
        provider_encounters(site, out);
    }
    accessibility_contact(site, out);
}

fn careers_leader(site: &Site, out: &mut Findings) {
    let Some(leader) = &site.config.careers_leader else {
        out.error(
            Code::S1,
            "the Careers Leader is not named: the law asks for their name, email address and telephone number",
            Place::file(data_file_path(CONFIG_FILE)),
            "add `careers_leader:` with `name:`, `email:` and `phone:` to content/site.yaml",
        );
        return;
    };
    contact(
        leader,
        "careers_leader",
        Code::S1,
        "the Careers Leader",
        out,
    );
}

/// Checks a contact's name, email address and telephone number.
fn contact(contact: &Contact, field: &str, code: Code, who: &str, out: &mut Findings) {
    if contact.name.trim().is_empty() {
        out.error(
            code,
            &format!("{who} has no name"),
            Place::field(data_file_path(CONFIG_FILE), &[field]),
            &format!("add `name:` under `{field}:` in content/site.yaml"),
        );
    }
    if contact.email.trim().is_empty() {
        out.error(
            code,
            &format!("{who} has no email address"),
            Place::field(data_file_path(CONFIG_FILE), &[field]),
            &format!("add `email:` under `{field}:` in content/site.yaml"),
        );
    } else if !is_email(&contact.email) {
        out.error(
            code,
            &format!("`{}` is not an email address", contact.email),
            Place::field(data_file_path(CONFIG_FILE), &[field, "email"]),
            "write it in full, like careers@school.sch.uk",
        );
    }
    if contact.phone.trim().is_empty() {
        out.error(
            code,
            &format!("{who} has no telephone number"),
            Place::field(data_file_path(CONFIG_FILE), &[field]),
            &format!("add `phone:` under `{field}:` in content/site.yaml"),
        );
    } else if !is_uk_phone(&contact.phone) {
        out.error(
            code,
            &format!("`{}` is not a UK telephone number", contact.phone),
            Place::field(data_file_path(CONFIG_FILE), &[field, "phone"]),
            "write the whole number with its area code, like 01632 960 123 or +44 1632 960123",
        );
    }
}

fn programme_information(site: &Site, out: &mut Findings) {
    let Some(programme) = &site.careers.programme else {
        out.error(
            Code::S2,
            "there is no summary of the careers programme",
            Place::file(data_file_path(PROGRAMME_FILE)),
            "create content/programme.yaml with `summary:`, `access:` and `impact:` (see docs/content.md)",
        );
        return;
    };
    if programme.summary.trim().is_empty() {
        out.error(
            Code::S2,
            "the careers programme has no summary",
            Place::file(data_file_path(PROGRAMME_FILE)),
            "add `summary:` to content/programme.yaml",
        );
    }
    for audience in [
        Audience::Pupils,
        Audience::Parents,
        Audience::Staff,
        Audience::Employers,
    ] {
        if programme.access.for_audience(audience).trim().is_empty() {
            out.error(
                Code::S2,
                &format!(
                    "the programme does not say how {} can find out about it",
                    audience.label().to_lowercase()
                ),
                Place::field(data_file_path(PROGRAMME_FILE), &["access"]),
                &format!(
                    "add `{}:` under `access:` in content/programme.yaml",
                    audience.slug()
                ),
            );
        }
    }
    if programme.impact.trim().is_empty() {
        out.error(
            Code::S3,
            "the programme does not say how the school measures and assesses its impact",
            Place::file(data_file_path(PROGRAMME_FILE)),
            "add `impact:` to content/programme.yaml",
        );
    }
}

fn review_date(site: &Site, today: jiff::civil::Date, out: &mut Findings) {
    let Some(next) = site.config.review.next else {
        out.error(
            Code::S4,
            "the date of the next review of this information is not given",
            Place::field(data_file_path(CONFIG_FILE), &["review"]),
            "add `review:` with `next:` (such as 2027-07-12) to content/site.yaml",
        );
        return;
    };
    let days = i64::from((next.civil() - today).get_days());
    let place = Place::field(data_file_path(CONFIG_FILE), &["review", "next"]);
    if next.civil() < today {
        out.error(
            Code::S4,
            &format!("the next review date, {}, has passed", next.long()),
            place,
            "review the published information, then set `next:` under `review:` to the next date",
        );
    } else if days <= REVIEW_NOTICE_DAYS {
        out.warning(
            Code::S4,
            &format!(
                "the next review of this information is due on {}",
                next.long()
            ),
            place,
            "review the published information, then set `last:` and `next:` under `review:`",
        );
    }
}

fn provider_access(site: &Site, out: &mut Findings) {
    let Some(policy) = &site.config.provider_access else {
        out.error(
            Code::P1,
            "there is no provider access policy statement",
            Place::file(data_file_path(CONFIG_FILE)),
            "add `provider_access:` with `contact:`, `how_to_request:`, `granting:`, `refusing:` and `premises:` to content/site.yaml",
        );
        return;
    };
    let contact = &policy.contact;
    if contact.email.trim().is_empty() && contact.phone.trim().is_empty() {
        out.error(
            Code::P1,
            "the provider access policy gives no contact for providers' requests",
            Place::field(data_file_path(CONFIG_FILE), &["provider_access"]),
            "add `contact:` with `name:`, `email:` and `phone:` under `provider_access:`",
        );
    } else if !contact.email.trim().is_empty() && !is_email(&contact.email) {
        out.error(
            Code::P1,
            &format!("`{}` is not an email address", contact.email),
            Place::field(
                data_file_path(CONFIG_FILE),
                &["provider_access", "contact", "email"],
            ),
            "write it in full, like careers@school.sch.uk",
        );
    }
    let required = [
        (
            Code::P1,
            "how_to_request",
            &policy.how_to_request,
            "how providers ask for access",
        ),
        (
            Code::P2,
            "granting",
            &policy.granting,
            "the grounds for granting a request",
        ),
        (
            Code::P2,
            "refusing",
            &policy.refusing,
            "the grounds for refusing a request",
        ),
        (
            Code::P3,
            "premises",
            &policy.premises,
            "the premises and facilities given to providers",
        ),
    ];
    for (code, field, text, what) in required {
        if text.trim().is_empty() {
            out.error(
                code,
                &format!("the provider access policy does not say {what}"),
                Place::field(data_file_path(CONFIG_FILE), &["provider_access"]),
                &format!("add `{field}:` under `provider_access:` in content/site.yaml"),
            );
        }
    }
}

/// Two encounters with providers of technical education and apprenticeships in each stage the
/// school has: Years 8-9 and 10-11, and Years 12-13 where there is a sixth form.
fn provider_encounters(site: &Site, out: &mut Findings) {
    let Some(programme) = &site.careers.programme else {
        return;
    };
    for stage in EncounterStage::of(site.year_range()) {
        let count = programme
            .years
            .iter()
            .filter(|y| stage.contains(y.year))
            .flat_map(|y| &y.activities)
            .filter(|a| a.provider_encounter)
            .count();
        if count < 2 {
            let (first, second) = (stage.first, stage.second);
            out.error(
                Code::P4,
                &format!(
                    "Years {first} and {second} have {count} encounter{} with providers of technical education or apprenticeships; the law asks for two",
                    if count == 1 { "" } else { "s" }
                ),
                Place::file(data_file_path(PROGRAMME_FILE)),
                &format!("mark two activities in Year {first} or Year {second} with `provider_encounter: true`"),
            );
        }
    }
}

fn accessibility_contact(site: &Site, out: &mut Findings) {
    let own = !site.config.accessibility.email.trim().is_empty();
    let leader = site
        .config
        .careers_leader
        .as_ref()
        .is_some_and(|l| !l.email.trim().is_empty());
    if !own && !leader {
        out.warning(
            Code::Accessibility,
            "the accessibility statement gives nobody to contact about a problem",
            Place::file(data_file_path(CONFIG_FILE)),
            "add `accessibility:` with `email:` to content/site.yaml",
        );
    }
}

/// A plausible email address: something@domain.tld, with no spaces.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.contains(char::is_whitespace)
}

/// A UK number: 0 and 9 or 10 more digits, or +44 and 9 or 10 digits.
pub fn is_uk_phone(text: &str) -> bool {
    let kept: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let national = match kept.strip_prefix("+44") {
        Some(rest) => format!("0{}", rest.strip_prefix('0').unwrap_or(rest)),
        None => kept,
    };
    national.starts_with('0')
        && (10..=11).contains(&national.len())
        && national.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_phone_numbers_are_checked_loosely_but_surely() {
        assert!(is_email("careers@riverside.sch.uk"));
        assert!(!is_email("careers at riverside"));
        assert!(!is_email("careers@localhost"));
        assert!(is_uk_phone("01632 960 123"));
        assert!(is_uk_phone("+44 (0)1632 960123"));
        assert!(is_uk_phone("07700 900123"));
        assert!(!is_uk_phone("960 123"));
        assert!(!is_uk_phone("01632 ABC 123"));
    }
}
