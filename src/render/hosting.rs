//! The files that tell a static host what to send with the site: `_headers` for Netlify and
//! Cloudflare Pages, `.htaccess` for Apache. A `<meta>` Content Security Policy cannot say
//! `frame-ancestors`, so without them any site could show the careers pages in a frame of its
//! own; and without a long cache for the files whose names change with their contents
//! (under `cached/`), a phone would ask for the stylesheet and every picture again on each page.
//!
//! Pages are left to revalidate on every visit (Apache is told `no-cache`; Netlify and
//! Cloudflare Pages send `max-age=0, must-revalidate` unless told otherwise): a page a browser
//! kept for minutes could point at a stylesheet or a picture the next build had deleted.
//!
//! Written only when `url:` is set (the address tells the host files where the site sits)
//! and `host_files:` is not `false`; docs/deploy.md says which host reads which.

use super::calendar;
use super::urls::{CACHED_DIR, NOT_FOUND_FILE};
use crate::output::{Contents, OutputFile};
use crate::site::Site;

const HEADERS_FILE: &str = "_headers";
const HTACCESS_FILE: &str = ".htaccess";

/// What a browser may keep without asking again, for files whose names change with them.
const FOR_A_YEAR: &str = "public, max-age=31536000, immutable";
/// No page, picture or link of the site needs to tell another site where a reader came from.
const REFERRER_POLICY: &str = "no-referrer";

/// The host files this site has, by their paths in the output folder.
pub fn paths(site: &Site) -> Vec<String> {
    if site.config.url.is_none() || !site.config.host_files {
        return Vec::new();
    }
    vec![
        HEADERS_FILE.to_string(),
        HTACCESS_FILE.to_string(),
        format!("{CACHED_DIR}/{HTACCESS_FILE}"),
    ]
}

pub fn files(site: &Site) -> Vec<OutputFile> {
    let Some(url) = site.config.url.as_ref().filter(|_| site.config.host_files) else {
        return Vec::new();
    };
    let policy = format!(
        "{}; frame-ancestors 'none'",
        super::views::content_security_policy(&site.config)
    );
    let base = url.path();
    let calendars = calendar::paths(site);
    [
        (HEADERS_FILE.to_string(), headers(base, &policy, &calendars)),
        (HTACCESS_FILE.to_string(), htaccess(base, &policy)),
        (format!("{CACHED_DIR}/{HTACCESS_FILE}"), cached_htaccess()),
    ]
    .into_iter()
    .map(|(path, text)| OutputFile {
        path,
        contents: Contents::Bytes(text.into_bytes()),
    })
    .collect()
}

/// Netlify's and Cloudflare Pages' `_headers`: a path (where `*` stands for the rest of it)
/// and, indented under it, the headers to send. A response takes the headers of every path
/// it matches, so no header is given twice for one path.
fn headers(base: &str, policy: &str, calendars: &[String]) -> String {
    let mut text = format!(
        "# Written by careersite for Netlify and Cloudflare Pages, which read it: the headers to\n\
         # send with the site. It is written again on every build (docs/deploy.md).\n\
         {base}*\n  Content-Security-Policy: {policy}\n  X-Content-Type-Options: nosniff\n  \
         Referrer-Policy: {REFERRER_POLICY}\n  X-Frame-Options: DENY\n\
         {base}{CACHED_DIR}/*\n  Cache-Control: {FOR_A_YEAR}\n"
    );
    for calendar in calendars {
        text.push_str(&format!(
            "{base}{calendar}\n  Content-Type: text/calendar; charset=utf-8\n"
        ));
    }
    text
}

/// Apache's `.htaccess`. Only directives a host that reads `.htaccess` at all allows
/// (`AllowOverride FileInfo`): one it forbids would make Apache refuse every page. The headers
/// are set only where mod_headers is loaded.
fn htaccess(base: &str, policy: &str) -> String {
    format!(
        "# Written by careersite for an Apache host: the headers, types and page-not-found page to\n\
         # send with the site. It is written again on every build (docs/deploy.md).\n\
         ErrorDocument 404 {base}{NOT_FOUND_FILE}\n\
         AddType \"text/calendar; charset=utf-8\" .ics\n\
         AddCharset utf-8 .html .css .xml .txt\n\
         <IfModule mod_headers.c>\n\
         Header always set Content-Security-Policy \"{policy}\"\n\
         Header always set X-Content-Type-Options \"nosniff\"\n\
         Header always set Referrer-Policy \"{REFERRER_POLICY}\"\n\
         Header always set X-Frame-Options \"DENY\"\n\
         Header set Cache-Control \"no-cache\"\n\
         </IfModule>\n"
    )
}

/// `cached/.htaccess`: what Apache reads in a folder replaces what the folder above said.
fn cached_htaccess() -> String {
    format!(
        "# Written by careersite: every file here has a name that changes with its contents, so\n\
         # a browser may keep it for a year.\n\
         <IfModule mod_headers.c>\n\
         Header set Cache-Control \"{FOR_A_YEAR}\"\n\
         </IfModule>\n"
    )
}
