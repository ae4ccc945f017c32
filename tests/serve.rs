//! `inspira serve`: serves the built site on 127.0.0.1, answers unknown paths with the 404 page, and
//! tells the open browser to reload after a change has been rebuilt.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A raw HTTP/1.1 GET; returns the status line and the body read so far.
fn get(port: u16, path: &str, wait_for: Option<&str>) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut received = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut buf = [0u8; 8192];
    while Instant::now() < deadline {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => received.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
        let text = String::from_utf8_lossy(&received);
        if wait_for.is_some_and(|w| text.contains(w)) {
            break;
        }
    }
    let text = String::from_utf8_lossy(&received).into_owned();
    let status = text.lines().next().unwrap_or_default().to_string();
    (status, text)
}

#[test]
fn serve_builds_serves_and_reloads_after_a_change() {
    let root = common::fixture("basic");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("inspira"))
        .arg("--root")
        .arg(root.path())
        .args(["serve", "--port", "0"])
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let stderr = child.stderr.take().expect("stderr");
    let server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let port: u16 = loop {
        let line = lines.next().expect("serve stopped early").expect("read");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .unwrap()
                .parse()
                .expect("port");
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});

    let (status, page) = get(port, "/cases/alfa/", Some("</html>"));
    assert!(status.contains("200"), "{status}");
    assert!(page.contains("Alla invånare i Alfa ska känna sig hemma."));
    assert!(
        page.contains("/__inspira/livereload.js"),
        "the page loads the live-reload script"
    );
    let (status, page) = get(port, "/finns-inte/", Some("</html>"));
    assert!(status.contains("404"), "{status}");
    assert!(page.contains("Sidan finns inte"));

    // Listen for reloads, then change a case.
    let listener =
        std::thread::spawn(move || get(port, "/__inspira/events", Some("data: reload")).1);
    std::thread::sleep(Duration::from_millis(800));
    common::edit(
        root.path(),
        "content/cases/alfa.md",
        "Alla invånare i Alfa",
        "Varje invånare i Alfa",
    );
    let events = listener.join().expect("listener");
    assert!(events.contains("data: reload"), "no reload event: {events}");
    let (_, page) = get(port, "/cases/alfa/", Some("</html>"));
    assert!(
        page.contains("Varje invånare i Alfa"),
        "the change was rebuilt"
    );
    drop(server);
}
