//! The built example on a real host: Debian's Apache, reading the `.htaccess` files careersite
//! writes, as a school's shared hosting would. Skipped, saying so, where Apache is not
//! installed (`apt-get install apache2`); CI installs it.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestSite;

const APACHE: &str = "/usr/sbin/apache2";
const MODULES: &str = "/usr/lib/apache2/modules";

/// Apache serving `site` at `/careers/` on a port of its own, stopped when dropped.
struct Apache {
    child: Child,
    port: u16,
    _folder: tempfile::TempDir,
}

impl Apache {
    fn serve(site: &Path) -> Apache {
        let folder = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let running_as_root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|out| out.stdout.starts_with(b"0\n"));
        // Run as root, Apache serves as another user, who must be able to read the site.
        if running_as_root {
            open_to_all(site);
        }
        let user = if running_as_root {
            "User nobody\nGroup nogroup\n"
        } else {
            ""
        };
        let modules: String = [
            ("mpm_event", "mod_mpm_event"),
            ("authz_core", "mod_authz_core"),
            ("mime", "mod_mime"),
            ("dir", "mod_dir"),
            ("alias", "mod_alias"),
            ("headers", "mod_headers"),
        ]
        .iter()
        .map(|(name, file)| format!("LoadModule {name}_module {MODULES}/{file}.so\n"))
        .collect();
        let config = format!(
            "ServerName localhost\nListen 127.0.0.1:{port}\n{user}PidFile {folder}/apache.pid\n\
             ErrorLog {folder}/error.log\nLogLevel warn\n{modules}TypesConfig /etc/mime.types\n\
             DocumentRoot {folder}\nDirectoryIndex index.html\n\
             Alias /careers/ {site}/\n\
             <Directory {site}>\n  AllowOverride All\n  Require all granted\n</Directory>\n",
            folder = folder.path().display(),
            site = site.display(),
        );
        let config_file = folder.path().join("apache.conf");
        std::fs::write(&config_file, config).unwrap();
        let child = Command::new(APACHE)
            .arg("-f")
            .arg(&config_file)
            .arg("-DFOREGROUND")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("apache2 starts");
        let apache = Apache {
            child,
            port,
            _folder: folder,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "Apache did not start: {}",
                std::fs::read_to_string(apache._folder.path().join("error.log"))
                    .unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        apache
    }

    /// The response to `GET path`: its status, its headers (names in lower case) and body.
    fn get(&self, path: &str) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|line| line.split_once(": "))
            .map(|(name, value)| (name.to_ascii_lowercase(), value.to_string()))
            .collect();
        Response {
            status,
            headers,
            body: body.to_string(),
        }
    }
}

impl Drop for Apache {
    /// SIGTERM, as `apache2 -k stop` sends: Apache stops its workers, then itself. Killed
    /// outright, it would leave its workers running.
    fn drop(&mut self) {
        let stopped = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .is_ok_and(|status| status.success());
        if !stopped {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, value)| value.as_str())
    }
}

/// Lets every user read the folder `path` and all in it.
fn open_to_all(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut up: Option<&Path> = Some(path);
    // The folders above it, too: a temporary folder is the test's own.
    while let Some(folder) = up.filter(|p| p.starts_with(std::env::temp_dir())) {
        let _ = std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755));
        up = folder.parent();
    }
    for entry in walkdir::WalkDir::new(path).into_iter().flatten() {
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode));
    }
}

fn built_example() -> (TestSite, PathBuf) {
    let site = TestSite::example();
    let built = site.build();
    assert!(built.stdout().contains("Built"), "{}", built.stdout());
    let output = site.output();
    (site, output)
}

#[test]
fn apache_sends_the_security_headers_the_calendar_type_and_the_page_not_found() {
    if !Path::new(APACHE).exists() {
        eprintln!("skipped: Apache is not installed (apt-get install apache2)");
        return;
    }
    let (_site, output) = built_example();
    let apache = Apache::serve(&output);

    let home = apache.get("/careers/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("<main"));
    let policy = home.header("content-security-policy");
    assert!(
        policy.starts_with("default-src 'self';") && policy.ends_with("frame-ancestors 'none'"),
        "{policy}"
    );
    assert_eq!(home.header("x-content-type-options"), "nosniff");
    assert_eq!(home.header("referrer-policy"), "no-referrer");
    assert_eq!(home.header("x-frame-options"), "DENY");
    assert_eq!(home.header("cache-control"), "no-cache");

    // The stylesheet the pages link to, under cached/, may be kept for a year.
    let stylesheet = home
        .body
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    assert!(stylesheet.starts_with("cached/"), "{stylesheet}");
    let css = apache.get(&format!("/careers/{stylesheet}"));
    assert_eq!(css.status, 200);
    assert_eq!(
        css.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(css.header("content-type").starts_with("text/css"));

    let calendar = apache.get("/careers/events/calendar.ics");
    assert_eq!(calendar.status, 200);
    assert_eq!(
        calendar.header("content-type"),
        "text/calendar; charset=utf-8"
    );
    assert!(calendar.body.starts_with("BEGIN:VCALENDAR"));

    let missing = apache.get("/careers/no-such-page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Page not found"),
        "{}",
        &missing.body[..missing.body.len().min(400)]
    );
    assert!(
        missing
            .header("content-security-policy")
            .ends_with("frame-ancestors 'none'")
    );

    // The photo, at its own address, without its metadata.
    let photo = apache.get("/careers/images/careers-fair-2026.jpg");
    assert_eq!(photo.status, 200);
    assert_eq!(photo.header("content-type"), "image/jpeg");
}

#[test]
fn without_host_files_nothing_is_written_for_the_host() {
    let site = TestSite::example();
    site.run(&["build", "--no-host-files"]).success();
    for file in ["_headers", ".htaccess", "cached/.htaccess"] {
        assert!(!site.exists(file), "{file}");
    }
    site.build();
    for file in ["_headers", ".htaccess", "cached/.htaccess"] {
        assert!(site.exists(file), "{file}");
    }
}

#[test]
fn a_changed_stylesheet_has_a_new_address_at_once_and_the_old_one_goes() {
    let site = TestSite::example();
    site.build();
    let link = |site: &TestSite| {
        site.page("index.html")
            .attrs("link[rel=stylesheet]", "href")[0]
            .clone()
    };
    let old = link(&site);
    assert!(site.exists(&old));
    let css = std::fs::read_to_string(common::repo_root().join("themes/default/static/style.css"))
        .unwrap();
    site.write(
        "themes/default/static/style.css",
        css + "\n.school-name { font-weight: 700; }\n",
    );
    site.build();
    let new = link(&site);
    assert_ne!(new, old);
    assert!(site.exists(&new) && !site.exists(&old), "{old} → {new}");
    // The plain name stays, for a school's templates that link to it.
    assert!(site.exists("style.css"));
}

#[test]
fn a_school_folder_called_cached_is_refused_before_anything_is_written() {
    let site = TestSite::example();
    site.write("content/cached/timetable.pdf", "%PDF-1.4");
    let refused = site.run(&["build"]).failure();
    assert!(
        refused.stderr().contains(
            "error: content/cached/timetable.pdf: this file would be published under cached/"
        ),
        "{}",
        refused.stderr()
    );
    assert!(!site.output().exists());
}
