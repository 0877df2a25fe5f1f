//! Photos of pupils need their parents' consent before a school publishes them (the ICO's
//! guidance for schools: <https://ico.org.uk/for-organisations/advice-for-education/>).
//! careersite takes out where a photo was taken, but cannot tell who is in it: so it asks.
//! Every photo that came from a camera or phone is to be listed in `content/photos.yaml`,
//! saying whether pupils are in it and, if they are, where the consent is recorded.

use std::collections::HashSet;

use super::findings::{Findings, Place};
use crate::diagnostic::Code;
use crate::load::{PHOTOS_FILE, data_file_path};
use crate::site::Site;

pub fn check(site: &Site, findings: &mut Findings<'_>) {
    let register = site.careers.photos.as_ref().map_or(&[][..], |p| &p.photos);
    let listed: HashSet<&str> = register.iter().map(|photo| photo.file.as_str()).collect();
    for image in site.images.iter().filter(|image| image.taken.by_camera) {
        if !listed.contains(image.content_path.as_str()) {
            let message = if image.taken.at_a_place {
                "this photo came from a camera or phone, and content/photos.yaml does not say whether pupils are in it (where it was taken, which it also says, is left out of the site)"
            } else {
                "this photo came from a camera or phone, and content/photos.yaml does not say whether pupils are in it"
            };
            findings.warning(
                Code::Photo,
                message,
                Place::file(crate::files::relative_to(&site.root, &image.source)),
                &format!(
                    "add it to content/photos.yaml: `- file: {}`, then `pupils: yes` with `consent:` saying where the consent to publish it is recorded, or `pupils: no`",
                    image.content_path
                ),
            );
        }
    }
    let published: HashSet<&str> = site
        .images
        .iter()
        .map(|image| image.content_path.as_str())
        .chain(site.assets.iter().map(|asset| asset.content_path.as_str()))
        .collect();
    let file = data_file_path(PHOTOS_FILE);
    for photo in register {
        let place = || Place::value(&file, &photo.file);
        if !published.contains(photo.file.as_str()) {
            findings.warning(
                Code::Photo,
                &format!("there is no photo content/{}", photo.file),
                place(),
                "give the photo's path under content/, such as `images/careers-fair.jpg`, or take the entry out",
            );
        } else if photo.lacks_consent() {
            findings.warning(
                Code::Photo,
                &format!(
                    "`{}` shows pupils, and no consent to publish it is noted",
                    photo.file
                ),
                place(),
                "add `consent:` saying where the parents' consent is recorded, such as `consent: Photo consent forms, school office, September 2026`; without consent, take the photo off the site",
            );
        }
    }
}
