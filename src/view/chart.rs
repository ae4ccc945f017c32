//! Charts as accessible SVG, generated at build time: no JavaScript chart library, and every chart is
//! accompanied by its data table in the template. Text in the SVG is escaped here.

use std::fmt::Write;

use super::format::number_sv;

/// One bar: a label and a value.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
}

/// Escapes text for SVG/XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A horizontal bar chart. `id` makes the title and description ids unique on the page.
pub fn bar_chart(id: &str, title: &str, unit: &str, bars: &[Bar]) -> String {
    let row = 34.0;
    let label_width = 210.0;
    let chart_width = 420.0;
    let value_width = 150.0;
    let width = label_width + chart_width + value_width;
    let height = row * bars.len() as f64 + 16.0;
    let max = bars
        .iter()
        .map(|b| b.value)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let mut svg = String::new();
    let summary: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {} {}", b.label, number_sv(b.value), unit))
        .collect();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(&summary.join("; "))
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = i as f64 * row + 8.0;
        let w = (bar.value / max * chart_width).max(1.0);
        let label = escape(&bar.label);
        let _ = write!(svg, r#"<g class="bar">"#);
        // No links inside a chart: an image must not contain focusable elements; its data table links.
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end" class="chart-label">{label}</text>"#,
            label_width - 10.0,
            y + 21.0
        );
        let _ = write!(
            svg,
            r#"<rect x="{label_width}" y="{}" width="{w:.1}" height="{}" class="chart-bar"/><text x="{}" y="{}" class="chart-value">{} {}</text></g>"#,
            y + 4.0,
            row - 12.0,
            label_width + w + 8.0,
            y + 21.0,
            escape(&number_sv(bar.value)),
            escape(unit)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A line chart of one series over periods.
pub fn line_chart(id: &str, title: &str, unit: &str, points: &[(String, f64)]) -> String {
    let (width, height) = (760.0, 300.0);
    let (left, right, top, bottom) = (80.0, 20.0, 20.0, 40.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let min = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = nice_range(min, max);
    let x = |i: usize| {
        left + if points.len() > 1 {
            plot_w * i as f64 / (points.len() - 1) as f64
        } else {
            plot_w / 2.0
        }
    };
    let y = |v: f64| top + plot_h - (v - lo) / (hi - lo) * plot_h;
    let summary: Vec<String> = points
        .iter()
        .map(|(p, v)| format!("{p}: {} {unit}", number_sv(*v)))
        .collect();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(&summary.join("; "))
    );
    for k in 0..=4 {
        let v = lo + (hi - lo) * f64::from(k) / 4.0;
        let yy = y(v);
        let _ = write!(
            svg,
            r#"<line x1="{left}" x2="{}" y1="{yy:.1}" y2="{yy:.1}" class="chart-grid"/><text x="{}" y="{:.1}" text-anchor="end" class="chart-axis">{}</text>"#,
            width - right,
            left - 8.0,
            yy + 5.0,
            escape(&number_sv(v.round()))
        );
    }
    let path: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.1)))
        .collect();
    let _ = write!(
        svg,
        r#"<polyline points="{}" class="chart-line"/>"#,
        path.join(" ")
    );
    for (i, (period, value)) in points.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<circle cx="{:.1}" cy="{:.1}" r="4" class="chart-dot"/><text x="{:.1}" y="{}" text-anchor="middle" class="chart-axis">{}</text>"#,
            x(i),
            y(*value),
            x(i),
            height - 12.0,
            escape(period)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A range around [min, max] with round ends, so the axis reads well.
fn nice_range(min: f64, max: f64) -> (f64, f64) {
    if !min.is_finite() || !max.is_finite() {
        return (0.0, 1.0);
    }
    let span = (max - min).abs().max(max.abs() * 0.05).max(1.0);
    let step = 10f64.powf(span.log10().floor());
    let lo = (min / step).floor() * step;
    let mut hi = (max / step).ceil() * step;
    if hi <= lo {
        hi = lo + step;
    }
    (lo, hi)
}

/// One row of the timeline: a case and its dated steps.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub label: String,
    pub steps: Vec<TimelineStep>,
}

#[derive(Debug, Clone)]
pub struct TimelineStep {
    pub position: f64,
    /// The date is approximate or derived: drawn as a ring, not a dot.
    pub marked: bool,
    /// Planned, not done: drawn as a square outline.
    pub planned: bool,
}

/// The marker of a step on the time axis, also drawn in the legend: a dot for a stated date, a ring
/// for an approximate or derived one, a square outline for a planned step.
pub fn timeline_marker(x: f64, y: f64, marked: bool, planned: bool) -> String {
    if planned {
        format!(
            r#"<rect x="{:.1}" y="{:.1}" width="12" height="12" class="chart-dot chart-dot-planned"/>"#,
            x - 6.0,
            y - 6.0
        )
    } else if marked {
        format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="6" class="chart-dot chart-dot-marked"/>"#)
    } else {
        format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="7" class="chart-dot"/>"#)
    }
}

/// A legend entry's marker as a small image of its own (described by the text next to it).
pub fn legend_marker(marked: bool, planned: bool) -> String {
    format!(
        r#"<svg class="legend-marker" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">{}</svg>"#,
        timeline_marker(10.0, 10.0, marked, planned)
    )
}

/// Every case's steps on a common year axis from `first` to `last` (inclusive).
pub fn timeline(id: &str, title: &str, first: u16, last: u16, rows: &[TimelineRow]) -> String {
    let row_h = 44.0;
    let label_w = 240.0;
    let plot_w = 620.0;
    let width = label_w + plot_w + 30.0;
    let height = row_h * rows.len() as f64 + 50.0;
    let years = f64::from(last - first + 1);
    let x = |pos: f64| label_w + (pos - f64::from(first)) / years * plot_w;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart timeline-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">Tidsaxel {first}–{last}. Stegen finns också i tabellen under diagrammet.</desc>"#,
        escape(title)
    );
    // Label every year while they fit, otherwise every second or fifth.
    let label_every = match last - first + 1 {
        0..=14 => 1,
        15..=28 => 2,
        _ => 5,
    };
    for year in first..=last + 1 {
        let xx = x(f64::from(year));
        let _ = write!(
            svg,
            r#"<line x1="{xx:.1}" x2="{xx:.1}" y1="10" y2="{:.1}" class="chart-grid"/>"#,
            height - 30.0
        );
        if year <= last && (year - first).is_multiple_of(label_every) {
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="chart-axis">{year}</text>"#,
                x(f64::from(year) + 0.5),
                height - 10.0
            );
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let y = 10.0 + row_h * i as f64 + row_h / 2.0;
        let _ = write!(
            svg,
            r#"<text x="{}" y="{:.1}" text-anchor="end" class="chart-label">{}</text><line x1="{label_w}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" class="chart-track"/>"#,
            label_w - 10.0,
            y + 5.0,
            escape(&row.label),
            label_w + plot_w
        );
        for step in &row.steps {
            svg.push_str(&timeline_marker(
                x(step.position),
                y,
                step.marked,
                step.planned,
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_contributor_text_and_describe_their_data() {
        let svg = bar_chart(
            "c",
            "Invånare <script>",
            "invånare",
            &[Bar {
                label: "A&B".into(),
                value: 29272.0,
            }],
        );
        assert!(svg.contains("Invånare &lt;script&gt;"));
        assert!(svg.contains("A&amp;B"));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains("A&amp;B: 29\u{a0}272 invånare"));
    }

    #[test]
    fn nice_range_has_round_ends() {
        assert_eq!(nice_range(11_800.0, 13_010.0), (11_000.0, 14_000.0));
    }
}
