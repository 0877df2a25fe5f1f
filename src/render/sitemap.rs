//! `sitemap.xml` and `robots.txt`, which need the site's public address: without `url` in
//! site.yaml neither is written, since a sitemap must list absolute addresses.

use super::escape_xml;
use super::links::encode_path;
use super::plan::Plan;
use super::urls::{ROBOTS_FILE, SITEMAP_FILE};
use crate::output::{Contents, OutputFile};
use crate::site::Site;

/// The files [`files`] writes for `site`.
pub fn paths(site: &Site) -> &'static [&'static str] {
    if site.config.url.is_some() {
        &[SITEMAP_FILE, ROBOTS_FILE]
    } else {
        &[]
    }
}

pub fn files(site: &Site, plan: &Plan) -> Vec<OutputFile> {
    let Some(url) = &site.config.url else {
        return Vec::new();
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for target in &plan.targets {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_xml(&url.join(&encode_path(&target.url_path))));
        xml.push_str("</loc>");
        if let Some(date) = target.page.and_then(|i| site.pages[i].front.date) {
            xml.push_str(&format!("<lastmod>{}</lastmod>", date.iso()));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        url.join(SITEMAP_FILE)
    );
    vec![
        OutputFile {
            path: SITEMAP_FILE.to_string(),
            contents: super::clean_text::publishable(xml),
        },
        OutputFile {
            path: ROBOTS_FILE.to_string(),
            contents: Contents::Bytes(robots.into_bytes()),
        },
    ]
}
