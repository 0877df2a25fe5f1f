//! `careersite serve`: the site built into a preview folder of its own, served over HTTP, rebuilt on every save, and
//! reloaded in every open browser. `serve` wraps the same pipeline as `build`, so the pages it
//! serves are byte for byte the ones `build` writes, with one script tag added.

mod host;
mod http;
mod nudge;
mod reload;
mod resolve;
mod session;
mod state;
mod watch;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Diagnostics};
use http::Answer;
use nudge::Nudge;
use reload::{Change, Clients};
use state::SiteState;

pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    pub quiet: bool,
}

/// How many ports after the one asked for are tried when it is taken.
const PORTS_TO_TRY: u16 = 10;
/// Requests served at once; one slow browser does not hold up the rest.
const WORKERS: usize = 8;
/// How often idle reload streams are checked, and the server nudged (see `nudge`).
const KEEP_ALIVE: Duration = Duration::from_secs(15);

pub fn run(options: &ServeOptions) -> Result<(), Diagnostics> {
    let state = Arc::new(RwLock::new(SiteState::new()));
    let clients = Arc::new(Clients::default());
    // Watch before the first build, so that no save made while it runs goes unseen.
    let mut watcher = watch::Watcher::new(&options.root).map_err(|d| vec![d])?;
    let mut session = None;
    rebuild(
        &options.root,
        &mut session,
        &state,
        &clients,
        &[],
        options.quiet,
    );

    let (server, address) = bind(options.bind, options.port)?;
    let server = Arc::new(server);
    let url = format!("http://{address}/");
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the preview visible to other devices on your network; use it only on a network you trust",
            options.bind
        );
    }
    println!("Serving the site at {url} (press Ctrl+C to stop)");
    if !options.quiet {
        println!(
            "The compliance checklist is at {url}{}",
            crate::render::urls::COMPLIANCE_PATH
        );
    }
    if options.open {
        open_browser(&url);
    }

    let nudge = Arc::new(Nudge::new(address));
    let hosts = Arc::new(host::Hosts::new(address));
    for _ in 0..WORKERS {
        let (server, state, clients) = (server.clone(), state.clone(), clients.clone());
        let (nudge, hosts) = (nudge.clone(), hosts.clone());
        std::thread::spawn(move || {
            while let Ok(request) = server.recv() {
                if http::respond(request, &hosts, &state, &clients) == Answer::Stream {
                    nudge.nudge();
                }
            }
        });
    }
    {
        let clients = clients.clone();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(KEEP_ALIVE);
                clients.keep_alive();
                nudge.nudge();
            }
        });
    }

    while let Some(changed) = watcher.next_changes() {
        rebuild(
            &options.root,
            &mut session,
            &state,
            &clients,
            &changed,
            options.quiet,
        );
    }
    Ok(())
}

/// Brings the site in memory up to date. On success it replaces what is served and reloads the
/// open pages; on failure the last good site stays, and the problem is shown over it.
fn rebuild(
    root: &Path,
    session: &mut Option<session::Session>,
    state: &RwLock<SiteState>,
    clients: &Clients,
    changed: &[PathBuf],
    quiet: bool,
) {
    let started = Instant::now();
    match session::update(session, root, changed) {
        Ok(update) => {
            let (pages, warnings, one_page) = match update {
                session::Update::Site {
                    files,
                    pages,
                    warnings,
                } => {
                    write_state(state).replace(files);
                    (pages, warnings, false)
                }
                session::Update::Page { file, warnings } => {
                    write_state(state).replace_file(file);
                    (1, warnings, true)
                }
            };
            if !quiet {
                crate::diagnostic::report(&warnings);
            }
            let styles_only = !changed.is_empty()
                && changed
                    .iter()
                    .all(|p| p.extension().is_some_and(|e| e == "css"));
            clients.changed(if styles_only {
                Change::Styles
            } else {
                Change::Page
            });
            if !quiet {
                println!(
                    "{} {pages} {} in {} ms{}",
                    if changed.is_empty() {
                        "Built"
                    } else {
                        "Rebuilt"
                    },
                    if pages == 1 { "page" } else { "pages" },
                    started.elapsed().as_millis(),
                    describe(changed)
                );
            }
            if one_page {
                refresh_checklist(root, session, state, clients);
            }
        }
        Err(diagnostics) => {
            // Until a whole build succeeds again, no save may take the one-page shortcut.
            *session = None;
            let text = problem_text(&diagnostics);
            eprintln!("{text}\n");
            clients.problem(&text);
            write_state(state).problem = Some(text);
        }
    }
}

/// After one page was rendered alone and is already on screen, builds the whole site again to
/// bring the compliance checklist up to date: a page's text can break a link, or mend one.
fn refresh_checklist(
    root: &Path,
    session: &mut Option<session::Session>,
    state: &RwLock<SiteState>,
    clients: &Clients,
) {
    let checklist = crate::render::urls::COMPLIANCE_FILE;
    // Read before the rebuild, which writes the new one over it.
    let before = state
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .bytes(checklist);
    let Ok(session::Update::Site { files, .. }) = session::update(session, root, &[]) else {
        // A problem elsewhere will be reported by the next save, as it is now.
        return;
    };
    if write_state(state).refresh(files, checklist, before) {
        clients.page_changed(&format!("/{}", crate::render::urls::COMPLIANCE_PATH));
    }
}

fn write_state(state: &RwLock<SiteState>) -> std::sync::RwLockWriteGuard<'_, SiteState> {
    state.write().unwrap_or_else(|e| e.into_inner())
}

fn describe(changed: &[PathBuf]) -> String {
    match changed {
        [] => String::new(),
        [one] => format!(" after a change to {}", one.display()),
        [first, rest @ ..] => format!(
            " after changes to {} and {} more",
            first.display(),
            rest.len()
        ),
    }
}

/// The problems, as the terminal shows them, for the overlay in the browser.
fn problem_text(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Listens on `port`, or the next free port after it.
fn bind(ip: IpAddr, port: u16) -> Result<(tiny_http::Server, std::net::SocketAddr), Diagnostics> {
    for candidate in port..port.saturating_add(PORTS_TO_TRY) {
        let address = std::net::SocketAddr::new(ip, candidate);
        match listen(address) {
            Ok(listener) => {
                // With port 0 the system chooses; report the port it chose.
                let bound = listener.local_addr().unwrap_or(address);
                let server = tiny_http::Server::from_listener(listener, None).map_err(|err| {
                    vec![Diagnostic::error(format!(
                        "could not serve on {address}: {err}"
                    ))]
                })?;
                return Ok((server, bound));
            }
            Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
                eprintln!("Port {candidate} is in use; trying {}", candidate + 1);
            }
            Err(err) => {
                return Err(vec![Diagnostic::error(format!(
                    "could not listen on {address}: {err}"
                ))]);
            }
        }
    }
    Err(vec![
        Diagnostic::error(format!(
            "ports {port} to {} are all in use",
            port.saturating_add(PORTS_TO_TRY - 1)
        ))
        .with_help("stop the other preview, or choose another port with --port"),
    ])
}

/// A listening socket whose connections send small writes at once: with Nagle's algorithm, a
/// write that follows another unacknowledged one (the next event on a stream, the rest of a
/// large file) waits for the browser's delayed acknowledgement, some 40 ms. Connections
/// inherit the setting.
fn listen(address: std::net::SocketAddr) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = Socket::new(
        Domain::for_address(address),
        Type::STREAM,
        Some(Protocol::TCP),
    )?;
    socket.set_tcp_nodelay(true)?;
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&address.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if command.is_err() {
        eprintln!("Could not open a browser; open {url} yourself.");
    }
}
