//! `inspira serve`: build, serve on 127.0.0.1, rebuild on change and reload the open browser.
//!
//! Live reload uses server-sent events; the page loads a small script from the server (no inline
//! script, so the site's Content-Security-Policy holds in development too).

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::Router;
use axum::response::IntoResponse;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use notify::RecursiveMode;
use notify_debouncer_full::new_debouncer;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::services::{ServeDir, ServeFile};

use crate::diagnostics::Diagnostics;
use crate::incremental::{Session, Update};
use crate::site;

/// Path of the live-reload endpoints, outside anything a site can generate.
pub const LIVE_RELOAD_PATH: &str = "/__inspira/";

const LIVE_RELOAD_JS: &str = r#"(function () {
  if (!window.EventSource) return;
  var source = new EventSource("/__inspira/events");
  source.onmessage = function (e) { if (e.data === "reload") window.location.reload(); };
})();
"#;

/// How long the watcher waits for a burst of file events (an editor's save) to end.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// Options of `inspira serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub port: u16,
}

/// Prints what a build produced, as `inspira build` does.
pub type Reporter = fn(&Result<site::BuildReport, Diagnostics>);

/// Serves until interrupted. Build errors are reported and the last good site stays up.
pub fn serve(options: ServeOptions, report: Reporter) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(options, report))
}

async fn run(options: ServeOptions, report: Reporter) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port)).await?;
    let address = listener.local_addr()?;
    let base_url = format!("http://{address}/");
    let output = options.output.clone().unwrap_or_else(|| {
        crate::config::Config::load(&options.root)
            .map(|c| options.root.join(c.output_dir))
            .unwrap_or_else(|_| options.root.join("public"))
    });

    let (session, first) = Session::start(&options.root, &output, &base_url, true);
    report(&first);

    let (reload, _) = broadcast::channel::<()>(16);
    let watcher_reload = reload.clone();
    let root = options.root.clone();
    let output_for_watch = output.clone();
    std::thread::spawn(move || watch(&root, &output_for_watch, session, report, watcher_reload));

    let events_reload = reload.clone();
    let app = Router::new()
        .route(
            "/__inspira/events",
            get(move || {
                let rx = events_reload.subscribe();
                async move {
                    let stream = BroadcastStream::new(rx).filter_map(|m| {
                        m.ok()
                            .map(|_| Ok::<_, Infallible>(Event::default().data("reload")))
                    });
                    Sse::new(stream).keep_alive(KeepAlive::default())
                }
            }),
        )
        .route(
            "/__inspira/livereload.js",
            get(|| async {
                (
                    [
                        ("content-type", "text/javascript; charset=utf-8"),
                        ("cache-control", "no-store"),
                    ],
                    LIVE_RELOAD_JS,
                )
                    .into_response()
            }),
        )
        .fallback_service(
            ServeDir::new(&output).not_found_service(ServeFile::new(output.join("404.html"))),
        );

    eprintln!(
        "{}",
        crate::msg!(
            "serve-serving",
            folder = output.display().to_string(),
            url = base_url.as_str()
        )
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Watches the site's sources and rebuilds on change: only the pages showing an edited case when
/// that is all that changed, the whole site otherwise. A successful update reloads the browser.
fn watch(
    root: &Path,
    output: &Path,
    mut session: Session,
    report: Reporter,
    reload: broadcast::Sender<()>,
) {
    let (tx, rx) = std::sync::mpsc::channel();
    let Ok(mut debouncer) = new_debouncer(DEBOUNCE, None, tx) else {
        eprintln!("{}", crate::msg!("serve-watch-failed"));
        return;
    };
    for watched in [
        "content",
        "templates",
        "static",
        "themes",
        "i18n",
        crate::config::CONFIG_FILE,
    ] {
        let path = root.join(watched);
        if path.exists() {
            let _ = debouncer.watch(&path, RecursiveMode::Recursive);
        }
    }
    let output = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
    for result in rx {
        let Ok(events) = result else { continue };
        // Reading files during a build raises access events on Linux: only changes count.
        let changed: BTreeSet<PathBuf> = events
            .iter()
            .filter(|e| e.kind.is_create() || e.kind.is_modify() || e.kind.is_remove())
            .flat_map(|e| e.paths.iter())
            .filter(|p| !p.starts_with(&output))
            .cloned()
            .collect();
        if changed.is_empty() {
            continue;
        }
        let changed: Vec<PathBuf> = changed.into_iter().collect();
        match session.update(&changed, || {
            let _ = reload.send(());
        }) {
            Ok(Update::Nothing) => {}
            Ok(Update::Full(built)) => report(&Ok(built)),
            Ok(Update::Pages {
                cases,
                pages,
                removed,
                elapsed,
                warnings,
            }) => {
                let color =
                    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                for warning in warnings.iter() {
                    eprintln!("{}\n", warning.render(color));
                }
                eprintln!(
                    "{}",
                    crate::msg!(
                        "serve-updated",
                        cases = cases.join(", "),
                        pages = pages,
                        removed = removed,
                        ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
                    )
                );
            }
            Err(problems) => report(&Err(problems)),
        }
    }
}
