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
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Lookup::Refused,
            other => segments.push(other),
        }
    }
    let key = segments.join("/");
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

/// The `Content-Type` of a file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let extension = path
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
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
    }
}
