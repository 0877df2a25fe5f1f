//! `sitemap.xml` and `robots.txt`, which need the site's public address: without `url` in
//! site.yaml neither is written, since a sitemap must list absolute addresses.

use super::escape_xml;
use super::links::encode_path;
use super::plan::Plan;
use crate::site::Site;
use crate::write::{Contents, OutputFile};

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
        url.join("sitemap.xml")
    );
    vec![
        OutputFile {
            path: "sitemap.xml".to_string(),
            contents: Contents::Bytes(xml.into_bytes()),
        },
        OutputFile {
            path: "robots.txt".to_string(),
            contents: Contents::Bytes(robots.into_bytes()),
        },
    ]
}
