//! The reload channel: Server-Sent Events to every open page.
//!
//! tiny_http sends a body of unknown length through a chunked encoder that holds back about
//! 8 KiB before it flushes, so an event stream written as an ordinary response would never
//! reach the browser. Each stream is instead written straight to the connection, taken with
//! `Request::into_writer`, and flushed after every event.

use std::io::Write;
use std::sync::Mutex;

/// What a page should do after a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Only stylesheets changed: swap them without reloading.
    Styles,
    /// Reload the page, keeping its scroll position.
    Page,
}

#[derive(Default)]
pub struct Clients {
    streams: Mutex<Vec<Box<dyn Write + Send>>>,
}

impl Clients {
    /// Starts an event stream on `stream` and keeps it; `problem` is shown at once if set.
    /// `missed_a_build` is asked while no event can be sent: a page that missed one reloads.
    pub fn connect(
        &self,
        mut stream: Box<dyn Write + Send>,
        problem: Option<&str>,
        missed_a_build: impl FnOnce() -> bool,
    ) {
        let mut streams = self.lock();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 300\n\n";
        let mut opening = head.to_string();
        if let Some(problem) = problem {
            opening.push_str(&event("problem", problem));
        }
        if missed_a_build() {
            opening.push_str(&event("reload", ""));
        }
        if stream
            .write_all(opening.as_bytes())
            .and_then(|_| stream.flush())
            .is_ok()
        {
            streams.push(stream);
        }
    }

    pub fn changed(&self, change: Change) {
        let name = match change {
            Change::Styles => "styles",
            Change::Page => "reload",
        };
        self.send(&event(name, ""));
    }

    /// Shows `problem` over every open page.
    pub fn problem(&self, problem: &str) {
        self.send(&event("problem", problem));
    }

    /// A comment line: keeps idle connections open and finds the closed ones.
    pub fn keep_alive(&self) {
        self.send(": still here\n\n");
    }

    /// Writes to every stream, forgetting those whose page has gone.
    fn send(&self, message: &str) {
        self.lock().retain_mut(|stream| {
            stream
                .write_all(message.as_bytes())
                .and_then(|_| stream.flush())
                .is_ok()
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Box<dyn Write + Send>>> {
        // A panic while holding the lock leaves the list as it was, which is still usable.
        self.streams.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One event; each line of `data` becomes a `data:` line, which the browser joins again.
fn event(name: &str, data: &str) -> String {
    let mut text = format!("event: {name}\n");
    for line in data.split('\n') {
        text.push_str("data: ");
        text.push_str(line);
        text.push('\n');
    }
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_data_survives_the_event_format() {
        assert_eq!(
            event("problem", "a\nb"),
            "event: problem\ndata: a\ndata: b\n\n"
        );
    }
}
