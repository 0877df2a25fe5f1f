//! `careersite serve`: a live preview that serves exactly what `build` writes, rebuilds on
//! every save, and never serves anything from outside the site.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::TestSite;

/// A running `careersite serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    output: Receiver<String>,
    /// Every line printed so far.
    seen: Vec<String>,
}

impl Server {
    fn start(site: &TestSite, port: u16) -> Server {
        Server::start_with(Command::new(env!("CARGO_BIN_EXE_careersite")), site, port)
    }

    /// Starts the server with at most `files` open files, as a smaller system limit would.
    fn start_with_open_files(site: &TestSite, files: u32) -> Server {
        let mut shell = Command::new("sh");
        shell.args([
            "-c",
            &format!("ulimit -n {files} && exec \"$0\" \"$@\""),
            env!("CARGO_BIN_EXE_careersite"),
        ]);
        Server::start_with(shell, site, 0)
    }

    /// Starts `careersite serve` through `command`, which runs the binary and its arguments.
    fn start_with(mut command: Command, site: &TestSite, port: u16) -> Server {
        let mut child = command
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(site.root())
            .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("careersite serve starts");
        let (sender, output) = channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = sender.send(line);
                }
            });
        }
        let mut server = Server {
            child,
            port: 0,
            output,
            seen: Vec::new(),
        };
        let line = server.wait_for("Serving the site at http://");
        let address = line
            .split("http://")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap();
        server.port = address.rsplit(':').next().unwrap().parse().unwrap();
        assert!(
            address.starts_with("127.0.0.1:"),
            "only loopback by default: {line}"
        );
        server
    }

    /// Waits for a line of output containing `text`, and returns it.
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.output.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("careersite serve never printed {text:?}");
    }

    fn get(&self, path: &str) -> (u16, String, Vec<u8>) {
        get(self.port, path)
    }

    /// Polls `path` until its body contains `text`.
    fn wait_for_page(&self, path: &str, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if String::from_utf8_lossy(&self.get(path).2).contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{path} never showed {text:?}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.1 GET, sending `path` exactly as given.
fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = response[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    (status, head, body)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..line_end]).unwrap().trim(), 16)
                .unwrap();
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&data[line_end + 2..line_end + 2 + size]);
        data = &data[line_end + 4 + size..];
    }
}

/// The page the tests edit.
const PAGE: &str = "content/pupils/work-experience.md";

/// The reload script `serve` adds to each page, up to the build number it carries.
const SCRIPT_TAG_START: &str = "<script src=\"/__careersite/live.js\" data-version=\"";

/// Asserts that every file `build` writes for `site` is served with the same bytes (HTML pages
/// with the reload script added), and returns how many files were compared.
fn assert_serves_what_build_writes(server: &Server, site: &TestSite) -> usize {
    let output = site.root().join("built-for-comparison");
    let output_arg = output.to_str().unwrap();
    site.run(&["build", "--quiet", "--output", output_arg])
        .success();
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(&output)
        .into_iter()
        .map(Result::unwrap)
    {
        if !entry.file_type().is_file() || entry.file_name() == ".careersite-manifest" {
            continue;
        }
        let path = entry
            .path()
            .strip_prefix(&output)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(entry.path()).unwrap();
        let (status, _, body) = server.get(&format!("/{}", path.replace(' ', "%20")));
        assert_eq!(status, 200, "{path}");
        let body = if path.ends_with(".html") {
            let text = String::from_utf8(body).unwrap();
            assert_eq!(
                text.matches(SCRIPT_TAG_START).count(),
                1,
                "{path} gets the reload script once"
            );
            assert!(
                !String::from_utf8_lossy(&bytes).contains("live.js"),
                "build output never has the script"
            );
            let start = text.find(SCRIPT_TAG_START).unwrap();
            let end = start + text[start..].find("</script>").unwrap() + "</script>".len();
            format!("{}{}", &text[..start], &text[end..]).into_bytes()
        } else {
            body
        };
        assert!(body == bytes, "{path} differs from what build writes");
        compared += 1;
    }
    std::fs::remove_dir_all(&output).unwrap();
    compared
}

#[test]
fn the_served_site_is_byte_for_byte_what_build_writes() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    assert!(assert_serves_what_build_writes(&server, &site) > 30);
}

#[test]
fn a_change_to_one_pages_text_renders_that_page_alone_and_still_equals_build() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    site.edit(PAGE, "## After your placement", "## After your week");
    let line = server.wait_for("Rebuilt");
    assert!(line.starts_with("Rebuilt 1 page in"), "{line}");
    server.wait_for_page("/pupils/work-experience/", "After your week");
    assert_serves_what_build_writes(&server, &site);
}

#[test]
fn a_change_that_shows_on_other_pages_rebuilds_the_whole_site() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    site.edit(
        PAGE,
        "title: Work experience in Year 10",
        "title: Work experience week",
    );
    let line = server.wait_for("Rebuilt");
    assert!(!line.starts_with("Rebuilt 1 page"), "{line}");
    server.wait_for_page("/pupils/", "Work experience week");
    assert_serves_what_build_writes(&server, &site);

    // The first paragraph is the page's summary in listings: changing it changes them too.
    site.edit(
        PAGE,
        "description: A week in a real workplace in the summer term of Year 10.\n",
        "",
    );
    server.wait_for("Rebuilt");
    site.edit(
        PAGE,
        "Every Year 10 pupil spends",
        "Each Year 10 pupil spends",
    );
    let line = server.wait_for("Rebuilt");
    assert!(!line.starts_with("Rebuilt 1 page"), "{line}");
    server.wait_for_page("/pupils/", "Each Year 10 pupil spends");
    assert_serves_what_build_writes(&server, &site);
}

#[test]
fn while_another_file_is_broken_a_page_edit_does_not_hide_the_problem() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    site.write("content/events.yaml", "events: [\n");
    server.wait_for("content/events.yaml:");
    site.edit(PAGE, "## After your placement", "## After your week");
    server.wait_for("content/events.yaml:");
    assert!(
        !String::from_utf8_lossy(&server.get("/pupils/work-experience/").2)
            .contains("After your week")
    );
}

#[test]
fn folders_redirect_to_their_slash_and_missing_pages_get_the_404_page() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    let (status, head, _) = server.get("/pupils");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /pupils/"), "{head}");
    let (status, _, body) = server.get("/no-such-page/");
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("Page not found"));
    let (_, head, _) = server.get("/events/parents.ics");
    assert!(head.contains("Content-Type: text/calendar"), "{head}");
}

#[test]
fn paths_that_escape_the_site_are_refused() {
    let site = TestSite::example();
    site.write("secret.txt", "the governors' minutes");
    let server = Server::start(&site, 0);
    for attack in [
        "/../secret.txt",
        "/pupils/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "//secret.txt",
        "/content/site.yaml",
        "/../content/site.yaml",
    ] {
        let (status, _, body) = server.get(attack);
        assert!(matches!(status, 400 | 404), "{attack}: {status}");
        let body = String::from_utf8_lossy(&body);
        assert!(
            !body.contains("governors' minutes") && !body.contains("careers_leader"),
            "{attack} leaked"
        );
    }
}

#[test]
fn a_port_in_use_is_reported_and_the_next_one_used() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let site = TestSite::example();
    let mut server = Server::start(&site, port);
    // The next port, unless another test holds that one too.
    assert!(
        server.port > port && server.port < port + 10,
        "{}",
        server.port
    );
    // Printed to standard error, which may arrive after the line on standard output.
    let message = format!("Port {port} is in use; trying {}", port + 1);
    if !server.seen.contains(&message) {
        assert_eq!(server.wait_for(&message), message);
    }
    drop(taken);
    let (status, _, _) = server.get("/");
    assert_eq!(status, 200);
}

#[test]
fn an_atomic_save_by_rename_is_picked_up() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    let page = site.root().join(PAGE);
    let text = std::fs::read_to_string(&page).unwrap();
    // As vim, VS Code and JetBrains do: write beside the file, then rename over it.
    let temporary = site.root().join("content/pupils/.work-experience.md.tmp");
    std::fs::write(
        &temporary,
        text.replace("Every Year 10 pupil", "Every single Year 10 pupil"),
    )
    .unwrap();
    std::fs::rename(&temporary, &page).unwrap();
    server.wait_for_page("/pupils/work-experience/", "Every single Year 10 pupil");
}

#[test]
fn a_broken_save_keeps_the_last_good_site_and_reports_the_problem_until_fixed() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        events,
        "GET /__careersite/events HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
        server.port
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut stream = BufReader::new(events);

    site.write("content/programme.yaml", "summary: [unclosed\n");
    server.wait_for("content/programme.yaml:1:");
    let (status, _, body) = server.get("/careers-programme/");
    assert_eq!(status, 200, "the last good site is still served");
    assert!(String::from_utf8_lossy(&body).contains("Our careers programme"));
    let problem = read_event(&mut stream, "problem");
    assert!(problem.contains("content/programme.yaml:1:"), "{problem}");

    site.write("content/programme.yaml", "summary: Fixed.\n");
    server.wait_for("Rebuilt");
    read_event(&mut stream, "reload");
    server.wait_for_page("/careers-programme/", "Fixed.");
}

/// Reads server-sent events until one named `name`, returning its data.
fn read_event(stream: &mut BufReader<TcpStream>, name: &str) -> String {
    let mut current = String::new();
    let mut data = Vec::new();
    for line in stream.by_ref().lines() {
        let line = line.expect("the event stream stays open");
        if let Some(event) = line.strip_prefix("event: ") {
            current = event.to_string();
            data.clear();
        } else if let Some(text) = line.strip_prefix("data: ") {
            data.push(text.to_string());
        } else if line.is_empty() && current == name {
            return data.join("\n");
        }
    }
    panic!("no {name} event");
}

#[test]
fn editor_temporary_files_do_not_trigger_rebuilds() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    for name in [
        ".work-experience.md.swp",
        "work-experience.md~",
        "4913",
        "x.md___jb_tmp___",
    ] {
        site.write(&format!("content/pupils/{name}"), "scratch");
    }
    std::thread::sleep(Duration::from_millis(500));
    let rebuilt: Vec<String> = server
        .output
        .try_iter()
        .filter(|l| l.contains("Rebuilt"))
        .collect();
    assert!(rebuilt.is_empty(), "{rebuilt:?}");
    site.write("content/pupils/new.md", "# New page\n");
    server.wait_for("Rebuilt");
    server.wait_for_page("/pupils/new/", "New page");
}

#[test]
fn a_renamed_folder_moves_its_pages() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    std::fs::rename(
        site.root().join("content/news"),
        site.root().join("content/updates"),
    )
    .unwrap();
    server.wait_for_page("/updates/", "Welcome to our new Careers Leader");
    assert_eq!(server.get("/news/").0, 404);
}

#[test]
fn listening_beyond_this_computer_must_be_asked_for_and_warns() {
    let site = TestSite::example();
    let mut child = Command::new(env!("CARGO_BIN_EXE_careersite"))
        .args(["serve", "--port", "0", "--bind", "0.0.0.0", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.starts_with("warning: serving on 0.0.0.0"), "{line}");
    assert!(line.contains("network you trust"), "{line}");
}

#[test]
fn the_preview_always_has_the_compliance_checklist() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    let (status, _, body) = server.get("/compliance/");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains("Careers compliance checklist"));
}

/// Opens the event stream as the page built at `version` would.
fn events_since(port: u16, version: &str) -> BufReader<TcpStream> {
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        events,
        "GET /__careersite/events?since={version} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
    )
    .unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    BufReader::new(events)
}

fn served_version(server: &Server, path: &str) -> String {
    let page = String::from_utf8(server.get(path).2).unwrap();
    let after = page.split("data-version=\"").nth(1).unwrap();
    after[..after.find('"').unwrap()].to_string()
}

#[test]
fn a_page_that_connects_after_a_newer_build_reloads_at_once() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    let old = served_version(&server, "/pupils/work-experience/");
    site.edit(
        "content/pupils/work-experience.md",
        "Every Year 10 pupil spends",
        "Every Year 10 pupil now spends",
    );
    server.wait_for("Rebuilt");
    let new = served_version(&server, "/pupils/work-experience/");
    assert_ne!(old, new);
    // The page from before the save connects only now: it missed the reload event.
    read_event(&mut events_since(server.port, &old), "reload");
    // A page from the newest build is told nothing until the next save.
    let mut current = events_since(server.port, &new);
    current
        .get_mut()
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut opening = String::new();
    while current.read_line(&mut opening).is_ok_and(|n| n > 0) {}
    assert!(!opening.contains("event: reload"), "{opening}");
}

#[test]
fn twenty_clients_and_a_stalled_one_are_all_served() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    let port = server.port;
    // A client that opens a connection, sends half a request and then nothing at all.
    let mut stalled = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stalled, "GET /pupils/ HTTP/1.1\r\nHost: loc").unwrap();
    // And previews open in two browser windows, each holding an event stream.
    let _streams: Vec<_> = (0..2).map(|_| events_since(port, "0")).collect();
    let paths = [
        "/",
        "/pupils/",
        "/style.css",
        "/careers-programme/year-by-year/",
        "/no-such-page/",
    ];
    let started = Instant::now();
    let clients: Vec<_> = (0..20)
        .map(|client| {
            std::thread::spawn(move || {
                (0..10)
                    .filter(|request| {
                        let path = paths[(client + request) % paths.len()];
                        let expected = if path == "/no-such-page/" { 404 } else { 200 };
                        std::panic::catch_unwind(|| get(port, path).0)
                            .map_or(true, |status| status != expected)
                    })
                    .count()
            })
        })
        .collect();
    let errors: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    let elapsed = started.elapsed();
    println!("200 requests from 20 clients: {errors} errors in {elapsed:?}");
    assert_eq!(errors, 0);
    // Not a speed target: a stalled client must not hold the others up for its timeout.
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    drop(stalled);
}

/// A browser's connection: kept open between requests, unless the server says it will close.
struct KeepAlive {
    port: u16,
    connection: Option<BufReader<TcpStream>>,
}

impl KeepAlive {
    fn new(port: u16) -> Self {
        KeepAlive {
            port,
            connection: None,
        }
    }

    fn get(&mut self, path: &str) -> std::io::Result<u16> {
        let port = self.port;
        let connection = match &mut self.connection {
            Some(connection) => connection,
            None => {
                let stream = TcpStream::connect(("127.0.0.1", port))?;
                stream.set_read_timeout(Some(Duration::from_secs(5)))?;
                self.connection.insert(BufReader::new(stream))
            }
        };
        write!(
            connection.get_mut(),
            "GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
        )?;
        let mut status_line = String::new();
        connection.read_line(&mut status_line)?;
        let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok());
        let (mut length, mut closes) = (None, false);
        loop {
            let mut line = String::new();
            connection.read_line(&mut line)?;
            let line = line.trim_end().to_ascii_lowercase();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("content-length:") {
                length = value.trim().parse::<usize>().ok();
            }
            closes |= line == "connection: close";
        }
        let mut body = vec![0; length.expect("every response says its length")];
        connection.read_exact(&mut body)?;
        if closes {
            self.connection = None;
        }
        status.ok_or_else(|| std::io::Error::other(status_line))
    }
}

#[test]
fn open_previews_and_idle_browser_connections_do_not_hold_up_new_requests() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    let port = server.port;
    // Six preview tabs in sight, each with its event stream, and the connections their
    // browsers would keep open after loading a page, idle from then on. (tiny_http keeps a
    // thread for each open connection; see `src/serve/nudge.rs`.)
    let _streams: Vec<_> = (0..6).map(|_| events_since(port, "0")).collect();
    let mut idle: Vec<KeepAlive> = (0..12).map(|_| KeepAlive::new(port)).collect();
    for connection in &mut idle {
        assert_eq!(connection.get("/").unwrap(), 200);
    }
    let paths = [
        "/",
        "/pupils/",
        "/style.css",
        "/images/logo.svg",
        "/no-such-page/",
    ];
    let started = Instant::now();
    let clients: Vec<_> = (0..20)
        .map(|client| {
            std::thread::spawn(move || {
                let mut browser = KeepAlive::new(port);
                (0..10)
                    .filter(|request| {
                        let path = paths[(client + request) % paths.len()];
                        let expected = if path == "/no-such-page/" { 404 } else { 200 };
                        browser.get(path).map_or(true, |status| status != expected)
                    })
                    .count()
            })
        })
        .collect();
    let errors: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    let elapsed = started.elapsed();
    println!("200 requests beside 18 open connections: {errors} errors in {elapsed:?}");
    assert_eq!(errors, 0);
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[test]
fn a_link_broken_by_a_one_page_save_shows_on_the_compliance_checklist() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    site.edit(
        PAGE,
        "## After your placement",
        "## After your placement\n\nSee [the old form](old-form.md).",
    );
    let line = server.wait_for("Rebuilt");
    assert!(line.starts_with("Rebuilt 1 page in"), "{line}");
    server.wait_for_page("/compliance/", "old-form.md");
    assert_serves_what_build_writes(&server, &site);
}

// Attacks on the preview: each answered, and none able to crash it, close its port, or hold up
// the pages and reload events of the browser on this computer.

impl Server {
    fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

/// Sends `request` on a new connection and reads whatever comes back before the server closes
/// it, or until `patience` runs out. Nothing is written after `request`.
fn exchange(port: u16, request: &[u8], patience: Duration) -> Vec<u8> {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return Vec::new();
    };
    stream.set_read_timeout(Some(patience)).unwrap();
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    answer
}

/// The status of an answer, if it has one.
fn status_of(answer: &[u8]) -> Option<u16> {
    let line = answer.split(|&b| b == b'\n').next()?;
    std::str::from_utf8(line)
        .ok()?
        .split(' ')
        .nth(1)?
        .parse()
        .ok()
}

#[test]
fn a_huge_declared_body_does_not_abort_the_preview() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    let answer = exchange(
        server.port,
        format!(
            "GET / HTTP/1.1\r\nHost: localhost:{}\r\nContent-Length: 100000000000\r\n\r\n",
            server.port
        )
        .as_bytes(),
        Duration::from_secs(5),
    );
    assert_eq!(status_of(&answer), Some(200));
    assert!(server.is_running(), "the preview stopped");
    assert_eq!(server.get("/").0, 200);
}

#[test]
fn idle_connections_up_to_the_open_files_limit_do_not_close_the_port_for_good() {
    let site = TestSite::example();
    let mut server = Server::start_with_open_files(&site, 256);
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], server.port));
    // Each connection takes two of the server's files; these are more than it may open.
    let idle: Vec<TcpStream> = (0..200)
        .filter_map(|_| TcpStream::connect_timeout(&address, Duration::from_millis(200)).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(10);
    let request = format!(
        "GET / HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
        server.port
    );
    while status_of(&exchange(
        server.port,
        request.as_bytes(),
        Duration::from_secs(2),
    )) != Some(200)
    {
        assert!(Instant::now() < deadline, "the port stayed closed");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(server.is_running());
}

/// A request for `path` naming `host` in its `Host` header, or sending none.
fn status_for_host(port: u16, host: Option<&str>, path: &str) -> (Option<u16>, String) {
    let host = host.map_or(String::new(), |h| format!("Host: {h}\r\n"));
    let answer = exchange(
        port,
        format!("GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n").as_bytes(),
        Duration::from_secs(2),
    );
    (
        status_of(&answer),
        String::from_utf8_lossy(&answer).into_owned(),
    )
}

#[test]
fn a_page_on_another_site_cannot_read_the_preview_through_dns_rebinding() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    let port = server.port;
    let other_port = port.wrapping_add(1).to_string();
    for path in [
        "/",
        "/compliance/",
        "/__careersite/events",
        "/__careersite/live.js",
    ] {
        for host in [
            Some(format!("attacker.example:{port}")),
            Some("attacker.example".to_string()),
            Some(format!("127.0.0.1.attacker.example:{port}")),
            Some(format!("localhost:{other_port}")),
            Some(format!("localhost:{port}@attacker.example")),
            None,
        ] {
            let (status, answer) = status_for_host(port, host.as_deref(), path);
            assert!(
                matches!(status, Some(421 | 403)),
                "{path} for {host:?}: {answer:.200}"
            );
            assert!(
                !answer.contains("<html") && !answer.contains("event:"),
                "{answer}"
            );
        }
    }
    for host in [
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, answer) = status_for_host(port, Some(&host), "/compliance/");
        assert_eq!(status, Some(200), "{host}: {answer:.200}");
    }
}

#[test]
fn a_reload_stream_that_stops_reading_holds_up_no_one() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    // A page whose browser stops reading its reload stream: it takes in next to nothing.
    let stalled = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    stalled.set_recv_buffer_size(4096).unwrap();
    stalled
        .connect(&std::net::SocketAddr::from(([127, 0, 0, 1], server.port)).into())
        .unwrap();
    let mut stalled = TcpStream::from(stalled);
    write!(
        stalled,
        "GET /__careersite/events HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
        server.port
    )
    .unwrap();
    // Saves that each leave hundreds of kilobytes of problems to show, more in all than the
    // connection can hold.
    let long_name = "a-page-whose-name-is-long-".repeat(7);
    let broken: Vec<String> = (0..1500)
        .map(|n| format!("content/{long_name}{n}.md"))
        .collect();
    for (save, file) in broken.iter().cycle().take(broken.len() + 9).enumerate() {
        site.write(file, format!("---\ntitle: [unclosed {save}\n---\n"));
        if save >= broken.len() {
            std::thread::sleep(Duration::from_millis(400));
        }
    }
    server.wait_for("error: content/");

    // Another page opens its reload stream, and a page loads, as if nothing were stalled.
    let mut fresh = events_since(server.port, "0");
    fresh
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    let mut status_line = String::new();
    fresh
        .read_line(&mut status_line)
        .expect("a new reload stream opens at once");
    assert!(status_line.starts_with("HTTP/1.1 200"), "{status_line}");
    assert_eq!(server.get("/").0, 200);
    for file in &broken {
        std::fs::remove_file(site.root().join(file)).unwrap();
    }
    fresh
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    read_event(&mut fresh, "reload");
    drop(stalled);
}

/// Sends `head` while reading the answer, as a client that sends more than is read would.
fn answer_to_a_long_head(port: u16, head: Vec<u8>) -> Option<u16> {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut sending = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        for chunk in head.chunks(64 * 1024) {
            if sending.write_all(chunk).is_err() {
                break;
            }
        }
    });
    let mut reading = stream;
    reading
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut answer = Vec::new();
    // Refused part-way, the connection is reset once the answer is in.
    let _ = reading.read_to_end(&mut answer);
    let _ = reading.shutdown(std::net::Shutdown::Both);
    sender.join().unwrap();
    status_of(&answer)
}

#[test]
fn request_lines_and_headers_over_their_limit_are_refused() {
    let site = TestSite::example();
    let mut server = Server::start(&site, 0);
    let port = server.port;
    let ten_megabytes = 10 * 1024 * 1024;
    let long_path = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(ten_megabytes));
    let one_long_header = format!(
        "GET / HTTP/1.1\r\nHost: localhost:{port}\r\nX-Long: {}\r\n\r\n",
        "a".repeat(ten_megabytes)
    );
    let many_headers = format!(
        "GET / HTTP/1.1\r\nHost: localhost:{port}\r\n{}\r\n",
        format!("X-Many: {}\r\n", "a".repeat(1000)).repeat(ten_megabytes / 1000)
    );
    for head in [long_path, one_long_header, many_headers] {
        let status = answer_to_a_long_head(server.port, head.into_bytes());
        assert!(matches!(status, Some(414 | 431)), "{status:?}");
    }
    assert!(server.is_running());
    assert_eq!(server.get("/").0, 200);
}

#[test]
fn each_connection_is_closed_after_its_answer() {
    let site = TestSite::example();
    let server = Server::start(&site, 0);
    let stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    let mut connection = BufReader::new(stream);
    // As a browser asks: it would keep the connection for its next request.
    write!(
        connection.get_mut(),
        "GET / HTTP/1.1\r\nHost: localhost:{}\r\n\r\n",
        server.port
    )
    .unwrap();
    let mut length = 0;
    loop {
        let mut line = String::new();
        connection.read_line(&mut line).unwrap();
        if line.trim_end().is_empty() {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap();
        }
    }
    connection.read_exact(&mut vec![0; length]).unwrap();
    let after = connection.read(&mut [0; 1]);
    assert!(
        matches!(after, Ok(0)),
        "the connection stayed open: {after:?}"
    );
}

/// Opens a connection that reads next to nothing, as a page that stops reading would.
fn connect_barely_reading(port: u16) -> TcpStream {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    socket
        .connect(&std::net::SocketAddr::from(([127, 0, 0, 1], port)).into())
        .unwrap();
    TcpStream::from(socket)
}

/// Runs `attack` over and over on threads of its own until `stop` is set.
fn keep_attacking(
    threads: usize,
    stop: &std::sync::Arc<std::sync::atomic::AtomicBool>,
    attack: impl Fn() + Send + Sync + Clone + 'static,
) -> Vec<std::thread::JoinHandle<()>> {
    (0..threads)
        .map(|_| {
            let (stop, attack) = (stop.clone(), attack.clone());
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    attack();
                }
            })
        })
        .collect()
}

#[test]
fn after_every_attack_at_once_a_page_and_a_reload_still_arrive_at_once() {
    let site = TestSite::example();
    let mut server = Server::start_with_open_files(&site, 1024);
    let port = server.port;
    // The page open in the careers leader's browser, read as the browser would.
    let (events, page_events) = channel();
    let mut page_stream = events_since(port, "0");
    page_stream.get_mut().set_read_timeout(None).unwrap();
    std::thread::spawn(move || {
        for line in page_stream.lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                let _ = events.send(name.to_string());
            }
        }
    });

    let idle: Vec<TcpStream> = (0..300)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", port)).ok())
        .collect();
    let stalled: Vec<TcpStream> = (0..50)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
            write!(stream, "GET / HTTP/1.1\r\nHost: local").ok()?;
            Some(stream)
        })
        .collect();
    let stalled_streams: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut stream = connect_barely_reading(port);
            write!(
                stream,
                "GET /__careersite/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
            )
            .unwrap();
            stream
        })
        .collect();
    let huge_bodies: Vec<TcpStream> = (0..20)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
            write!(
                stream,
                "POST / HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 100000000000\r\n\r\nsome"
            )
            .ok()?;
            Some(stream)
        })
        .collect();

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut attackers = keep_attacking(6, &stop, move || {
        let request = format!("GET /pupils/ HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n");
        exchange(port, request.as_bytes(), Duration::from_secs(5));
    });
    attackers.extend(keep_attacking(2, &stop, move || {
        let request = format!("GET / HTTP/1.1\r\nHost: attacker.example:{port}\r\n\r\n");
        exchange(port, request.as_bytes(), Duration::from_secs(5));
    }));
    attackers.extend(keep_attacking(2, &stop, move || {
        let head = format!("GET / HTTP/1.1\r\nX-Long: {}\r\n\r\n", "a".repeat(10 << 20));
        answer_to_a_long_head(port, head.into_bytes());
    }));
    for save in 0..5 {
        site.edit(
            PAGE,
            "## After your placement",
            &format!("## After your placement {save}"),
        );
        server.wait_for("Rebuilt");
        site.edit(
            PAGE,
            &format!("## After your placement {save}"),
            "## After your placement",
        );
        server.wait_for("Rebuilt");
    }
    std::thread::sleep(Duration::from_secs(1));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for attacker in attackers {
        attacker.join().unwrap();
    }

    // The idle, stalled and huge clients still hold their connections.
    let started = Instant::now();
    let (status, _, _) = server.get("/pupils/work-experience/");
    let page_took = started.elapsed();
    assert_eq!(status, 200);
    assert!(page_took < Duration::from_millis(100), "{page_took:?}");

    while page_events.try_recv().is_ok() {}
    site.edit(PAGE, "## After your placement", "## After your week");
    server.wait_for("Rebuilt");
    let started = Instant::now();
    assert_eq!(
        page_events
            .recv_timeout(Duration::from_millis(100))
            .as_deref(),
        Ok("reload"),
        "no reload event within 100 ms of the rebuild"
    );
    println!(
        "after the attacks: a page in {page_took:?}, a reload event in {:?}",
        started.elapsed()
    );
    assert!(server.is_running());
    drop((idle, stalled, stalled_streams, huge_bodies));
}
