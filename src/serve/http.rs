//! Answering one request, as a static host would: `index.html` for folders, the right content
//! types, the site's 404 page, and nothing from outside the site.

use std::io::Write;
use std::sync::RwLock;

use tiny_http::{Method, Request, StatusCode};

use super::host::Hosts;
use super::reload::Clients;
use super::resolve::{Lookup, content_type, resolve};
use super::state::{Served, SiteState};
use crate::render::urls::NOT_FOUND_FILE;

const EVENTS_PATH: &str = "/__careersite/events";
const SCRIPT_PATH: &str = "/__careersite/live.js";
const LIVE_JS: &str = include_str!("live.js");

/// Added to every HTML page served, never to what `build` writes: the live-reload script, with
/// the build the page comes from.
fn script_tag(version: u64) -> String {
    format!("<script src=\"{SCRIPT_PATH}\" data-version=\"{version}\" async></script>")
}

/// What a request was answered with.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    /// A whole response; its connection is closed.
    Whole,
    /// An event stream, which keeps its connection open.
    Stream,
}

pub fn respond(
    request: Request,
    hosts: &Hosts,
    state: &RwLock<SiteState>,
    clients: &Clients,
) -> Answer {
    if !hosts.allow(header(&request, "Host")) {
        send(
            request,
            421,
            "text/plain; charset=utf-8",
            b"This preview answers only to localhost, 127.0.0.1 or [::1], with its port.".to_vec(),
        );
        return Answer::Whole;
    }
    let url = request.url().to_string();
    let read = || state.read().unwrap_or_else(|e| e.into_inner());
    if let Some(query) = url.strip_prefix(EVENTS_PATH) {
        let parameter = |name: &str| {
            query
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        };
        let since = parameter("since").and_then(|v| v.parse::<u64>().ok());
        let page = parameter("page")
            .map(|page| {
                percent_encoding::percent_decode_str(page)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .unwrap_or_default();
        let problem = read().problem.clone();
        let missed_a_build = || since.is_some_and(|since| since != read().version);
        clients.connect(
            request.into_writer(),
            page,
            problem.as_deref(),
            missed_a_build,
        );
        return Answer::Stream;
    }
    answer(request, &url, state);
    Answer::Whole
}

fn header<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// Answers with a file of the site, the live-reload script, or why neither can be had.
fn answer(request: Request, url: &str, state: &RwLock<SiteState>) {
    let read = || state.read().unwrap_or_else(|e| e.into_inner());
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
            let page = first_build_failed(site.problem.as_deref().unwrap_or(""), site.version);
            drop(site);
            send(request, 503, "text/html; charset=utf-8", page.into_bytes());
            return;
        }
        match resolve(url, |key| site.files.contains_key(key)) {
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
                NOT_FOUND_FILE.to_string(),
                site.files.get(NOT_FOUND_FILE).cloned(),
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
    send(request, status, &kind, body);
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

fn first_build_failed(problem: &str, version: u64) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>careersite could not build the site</title></head><body><main><h1>careersite could not build the site</h1><p>Fix the problem below and save: this page will reload by itself.</p><pre>{}</pre></main>{}</body></html>",
        crate::render::escape_xml(problem),
        script_tag(version)
    )
}

/// Answers `request` and closes its connection. tiny_http keeps a thread for each open
/// connection, and its pool can leave a new connection waiting while every thread waits on one
/// that stays open, as browsers keep theirs between requests; closing each connection after its
/// answer frees its thread at once. tiny_http will not send a `Connection` header chosen by the
/// caller, so the answer is written here, whole.
fn send(request: Request, status: u16, kind: &str, body: Vec<u8>) {
    send_with(request, status, &[("Content-Type", kind)], &body);
}

fn send_with(request: Request, status: u16, headers: &[(&str, &str)], body: &[u8]) {
    let mut answer = format!(
        "HTTP/1.1 {status} {}\r\n",
        StatusCode(status).default_reason_phrase()
    );
    for (name, value) in headers {
        answer.push_str(&format!("{name}: {value}\r\n"));
    }
    answer.push_str(&format!(
        "Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut answer = answer.into_bytes();
    if *request.method() != Method::Head {
        answer.extend_from_slice(body);
    }
    let mut connection = request.into_writer();
    // A browser that has gone away needs no answer.
    let _ = connection
        .write_all(&answer)
        .and_then(|()| connection.flush());
}

fn redirect(request: Request, location: &str) {
    // The location comes from the address asked for; a line break in it would split the head.
    if location.chars().any(char::is_control) {
        send(
            request,
            404,
            "text/plain; charset=utf-8",
            b"Not found.".to_vec(),
        );
    } else {
        send_with(request, 301, &[("Location", location)], b"");
    }
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
