//! Answering one request, as a static host would: `index.html` for folders, the right content
//! types, the site's 404 page, and nothing from outside the site.

use std::sync::RwLock;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::reload::Clients;
use super::resolve::{Lookup, content_type, resolve};
use super::state::{Served, SiteState};

const EVENTS_PATH: &str = "/__careersite/events";
const SCRIPT_PATH: &str = "/__careersite/live.js";
const LIVE_JS: &str = include_str!("live.js");

/// Added to every HTML page served, never to what `build` writes: the live-reload script, with
/// the build the page comes from.
fn script_tag(version: u64) -> String {
    format!("<script src=\"{SCRIPT_PATH}\" data-version=\"{version}\" async></script>")
}

pub fn respond(request: Request, state: &RwLock<SiteState>, clients: &Clients) {
    let url = request.url().to_string();
    let read = || state.read().unwrap_or_else(|e| e.into_inner());
    if let Some(query) = url.strip_prefix(EVENTS_PATH) {
        let since = query
            .strip_prefix("?since=")
            .and_then(|v| v.parse::<u64>().ok());
        let problem = read().problem.clone();
        let missed_a_build = || since.is_some_and(|since| since != read().version);
        clients.connect(request.into_writer(), problem.as_deref(), missed_a_build);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        send(
            request,
            405,
            "text/plain; charset=utf-8",
            b"Only GET and HEAD are served.".to_vec(),
        );
        return;
    }
    if url == SCRIPT_PATH {
        send(
            request,
            200,
            "text/javascript; charset=utf-8",
            LIVE_JS.as_bytes().to_vec(),
        );
        return;
    }
    let (status, path, served, version) = {
        let site = read();
        if site.files.is_empty() {
            let page = first_build_failed(site.problem.as_deref().unwrap_or(""));
            drop(site);
            send(request, 503, "text/html; charset=utf-8", page.into_bytes());
            return;
        }
        match resolve(&url, |key| site.files.contains_key(key)) {
            Lookup::File(key) => (
                200,
                key.clone(),
                site.files.get(&key).cloned(),
                site.version,
            ),
            Lookup::Redirect(location) => {
                drop(site);
                redirect(request, &location);
                return;
            }
            Lookup::NotFound => (
                404,
                "404.html".to_string(),
                site.files.get("404.html").cloned(),
                site.version,
            ),
            Lookup::Refused => {
                drop(site);
                send(
                    request,
                    400,
                    "text/plain; charset=utf-8",
                    b"That address is not allowed.".to_vec(),
                );
                return;
            }
        }
    };
    let body = match served {
        Some(Served::Bytes(bytes)) => bytes.to_vec(),
        Some(Served::File(file)) => match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(_) => {
                send(
                    request,
                    404,
                    "text/plain; charset=utf-8",
                    b"Not found.".to_vec(),
                );
                return;
            }
        },
        None => b"Not found.".to_vec(),
    };
    let kind = content_type(&path);
    let body = if kind.starts_with("text/html") {
        with_live_reload(body, version)
    } else {
        body
    };
    send(request, status, kind, body);
}

/// Adds the live-reload script before `</body>`.
fn with_live_reload(html: Vec<u8>, version: u64) -> Vec<u8> {
    let tag = script_tag(version);
    let close = b"</body>";
    let at = html
        .windows(close.len())
        .rposition(|w| w == close)
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn first_build_failed(problem: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>careersite could not build the site</title></head><body><main><h1>careersite could not build the site</h1><p>Fix the problem below and save: this page will reload by itself.</p><pre>{}</pre></main>{}</body></html>",
        crate::render::escape_xml(problem),
        script_tag(0)
    )
}

fn send(request: Request, status: u16, kind: &str, body: Vec<u8>) {
    let mut response = Response::from_data(body).with_status_code(StatusCode(status));
    for header in [
        header("Content-Type", kind),
        header("Cache-Control", "no-store"),
    ]
    .into_iter()
    .flatten()
    {
        response.add_header(header);
    }
    // A browser that has gone away needs no answer.
    let _ = request.respond(response);
}

fn redirect(request: Request, location: &str) {
    match header("Location", location) {
        Some(header) => {
            let _ = request.respond(Response::empty(StatusCode(301)).with_header(header));
        }
        None => send(
            request,
            404,
            "text/plain; charset=utf-8",
            b"Not found.".to_vec(),
        ),
    }
}

/// `None` for a value that cannot go in a header, such as one with a line break.
fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_closing_body_tag() {
        let html = b"<html><body><p>Hi</p></body></html>".to_vec();
        assert_eq!(
            String::from_utf8(with_live_reload(html, 7)).unwrap(),
            "<html><body><p>Hi</p><script src=\"/__careersite/live.js\" data-version=\"7\" async></script></body></html>"
        );
    }
}
