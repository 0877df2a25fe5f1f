//! The reload channel: Server-Sent Events to every open page.
//!
//! tiny_http sends a body of unknown length through a chunked encoder that holds back about
//! 8 KiB before it flushes, so an event stream written as an ordinary response would never
//! reach the browser. Each stream is instead written straight to the connection, taken with
//! `Request::into_writer`, and flushed after every event.
//!
//! A write blocks while the browser is not reading, so each stream is written by a thread of
//! its own, from a short queue. Events are only ever queued, never written, by those who send
//! them: a page that stops reading holds up no other page, nor the rebuild. A page whose queue
//! is full has fallen behind, and is let go.

use std::io::Write;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Events a stream may have waiting. Rebuilds come a few a second at most, so a page this far
/// behind has stopped reading.
const QUEUE: usize = 16;

const HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 300\n\n";

/// What a page should do after a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Only stylesheets changed: swap them without reloading.
    Styles,
    /// Reload the page, keeping its scroll position.
    Page,
}

/// One open page's stream: its queue, and the address of the page.
struct Stream {
    queue: SyncSender<String>,
    page: String,
}

#[derive(Default)]
pub struct Clients {
    streams: Mutex<Vec<Stream>>,
}

impl Clients {
    /// Starts an event stream on `stream` and keeps it; `problem` is shown at once if set.
    /// `missed_a_build` is asked while no event can be queued: a page that missed one reloads.
    pub fn connect(
        &self,
        stream: Box<dyn Write + Send>,
        page: String,
        problem: Option<&str>,
        missed_a_build: impl FnOnce() -> bool,
    ) {
        let (queue, events) = sync_channel(QUEUE);
        let writer = std::thread::Builder::new()
            .name("reload stream".into())
            .spawn(move || write_events(stream, events));
        if writer.is_err() {
            // Out of threads: the page reconnects after `retry`.
            return;
        }
        let mut streams = self.lock();
        let mut opening = HEAD.to_string();
        if let Some(problem) = problem {
            opening.push_str(&event("problem", problem));
        }
        if missed_a_build() {
            opening.push_str(&event("reload", ""));
        }
        if queue.try_send(opening).is_ok() {
            streams.push(Stream { queue, page });
        }
    }

    pub fn changed(&self, change: Change) {
        let name = match change {
            Change::Styles => "styles",
            Change::Page => "reload",
        };
        self.send(&event(name, ""), |_| true);
    }

    /// Tells only the pages open at `page` (an address such as `/compliance/`) that it changed.
    pub fn page_changed(&self, page: &str) {
        self.send(&event("reload", ""), |open| open == page);
    }

    /// Shows `problem` over every open page.
    pub fn problem(&self, problem: &str) {
        self.send(&event("problem", problem), |_| true);
    }

    /// A comment line: keeps idle connections open and finds the closed ones.
    pub fn keep_alive(&self) {
        self.send(": still here\n\n", |_| true);
    }

    /// Queues `message` for every stream, letting go of those whose page has gone or fallen
    /// behind.
    fn send(&self, message: &str, to: impl Fn(&str) -> bool) {
        self.lock().retain(|stream| {
            !to(&stream.page) || stream.queue.try_send(message.to_string()).is_ok()
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Stream>> {
        // A panic while holding the lock leaves the list as it was, which is still usable.
        self.streams.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Writes each event as it is queued, until the page goes, or is let go and its queue ends.
fn write_events(mut stream: Box<dyn Write + Send>, events: Receiver<String>) {
    for event in events {
        if stream
            .write_all(event.as_bytes())
            .and_then(|()| stream.flush())
            .is_err()
        {
            return;
        }
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

    /// A connection whose page never reads: each write waits until the test is over.
    struct Stalled(std::sync::mpsc::Receiver<()>);

    impl Write for Stalled {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            let _ = self.0.recv();
            Err(std::io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_page_that_stops_reading_is_let_go_without_holding_up_the_sender() {
        let clients = Clients::default();
        let (_until_the_end, never) = std::sync::mpsc::channel();
        clients.connect(Box::new(Stalled(never)), String::new(), None, || false);
        let started = std::time::Instant::now();
        for _ in 0..QUEUE + 2 {
            clients.changed(Change::Page);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert!(clients.lock().is_empty());
    }

    #[test]
    fn multi_line_data_survives_the_event_format() {
        assert_eq!(
            event("problem", "a\nb"),
            "event: problem\ndata: a\ndata: b\n\n"
        );
    }
}
