//! Turning a request's path into a file of the site, as a static host would, and refusing any
//! path that tries to leave the site.

use percent_encoding::percent_decode_str;

#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The site file to send.
    File(String),
    /// A folder asked for without its trailing slash: send the browser to the slashed address,
    /// so that relative links inside the page resolve from the folder.
    Redirect(String),
    NotFound,
    /// A path that tries to leave the site root, or that no file name could have.
    Refused,
}

pub fn resolve(url: &str, exists: impl Fn(&str) -> bool) -> Lookup {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Some(path) = path.strip_prefix('/') else {
        return Lookup::Refused;
    };
    let Ok(decoded) = percent_decode_str(path).decode_utf8() else {
        return Lookup::Refused;
    };
    if decoded.contains(['\\', '\0']) || decoded.starts_with('/') {
        return Lookup::Refused;
    }
    // Nothing outside the site may be asked for, so a `..` is refused, not worked out.
    if decoded.split('/').any(|segment| segment == "..") {
        return Lookup::Refused;
    }
    let Some(normalised) = crate::site::normalise(&decoded) else {
        return Lookup::Refused;
    };
    let key = normalised.trim_end_matches('/').to_string();
    if key.is_empty() {
        return Lookup::File("index.html".to_string());
    }
    if decoded.ends_with('/') {
        let index = format!("{key}/index.html");
        return if exists(&index) {
            Lookup::File(index)
        } else {
            Lookup::NotFound
        };
    }
    if exists(&key) {
        Lookup::File(key)
    } else if exists(&format!("{key}/index.html")) {
        Lookup::Redirect(format!("/{path}/"))
    } else {
        Lookup::NotFound
    }
}

/// The `Content-Type` of a file, by its extension, from the common table of types
/// (`mime_guess`), so that whatever a school links to (a spreadsheet, a video) opens as it
/// would from the school's host. Text is UTF-8, as careersite writes it.
pub fn content_type(path: &str) -> String {
    let kind = mime_guess::from_path(path)
        .first_raw()
        .unwrap_or("application/octet-stream");
    if kind.starts_with("text/") {
        format!("{kind}; charset=utf-8")
    } else {
        kind.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str) -> bool {
        [
            "index.html",
            "pupils/index.html",
            "style.css",
            "files/Careers Policy.pdf",
        ]
        .contains(&path)
    }

    #[test]
    fn folders_serve_their_index() {
        assert_eq!(resolve("/", site), Lookup::File("index.html".into()));
        assert_eq!(
            resolve("/pupils/", site),
            Lookup::File("pupils/index.html".into())
        );
        assert_eq!(
            resolve("/pupils/index.html?x=1", site),
            Lookup::File("pupils/index.html".into())
        );
        assert_eq!(
            resolve("/pupils", site),
            Lookup::Redirect("/pupils/".into())
        );
    }

    #[test]
    fn encoded_names_are_found() {
        assert_eq!(
            resolve("/files/Careers%20Policy.pdf", site),
            Lookup::File("files/Careers Policy.pdf".into())
        );
    }

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        for attack in [
            "/../Cargo.toml",
            "/pupils/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%5c..%5cwindows",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/a%00b",
            "relative",
            "/%ff",
        ] {
            assert_eq!(resolve(attack, site), Lookup::Refused, "{attack}");
        }
    }

    #[test]
    fn missing_files_are_not_found() {
        assert_eq!(resolve("/nothing/", site), Lookup::NotFound);
        assert_eq!(resolve("/nothing.html", site), Lookup::NotFound);
    }

    #[test]
    fn files_get_their_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("events/parents.ics"),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(content_type("policy.PDF"), "application/pdf");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("destinations.csv"), "text/csv; charset=utf-8");
        assert_eq!(
            content_type("plan.odt"),
            "application/vnd.oasis.opendocument.text"
        );
        assert_eq!(content_type("fair.webm"), "video/webm");
        assert_eq!(content_type("fair.mov"), "video/quicktime");
        assert_eq!(content_type("no-extension"), "application/octet-stream");
    }
}
