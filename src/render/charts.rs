//! Bar charts as inline SVG: no JavaScript, no images to fetch. Each is an image with a title
//! and a description for screen readers, and the page shows the same figures in a table.
//! Colours come from the stylesheet, so charts follow the light and dark schemes; the series of
//! a grouped chart also differ in pattern, so colour never carries meaning alone.

use std::fmt::Write;

use super::escape_xml;

/// A chart's text alternative.
pub struct Labels<'a> {
    /// Unique on the page: the prefix of the chart's element ids.
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
}

const WIDTH: f64 = 640.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 40.0;
const PLOT_HEIGHT: f64 = 200.0;

/// Percentages (0-100) for each group, one bar per series; `None` leaves a gap.
pub fn grouped_percentages(
    labels: &Labels<'_>,
    groups: &[String],
    series: &[String],
    values: &[Vec<Option<u8>>],
) -> String {
    let height = TOP + PLOT_HEIGHT + 30.0;
    let mut svg = open(labels, height);
    let _ = write!(
        svg,
        r#"<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-ground"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line" stroke-width="3"/></pattern></defs>"#,
        id = labels.id
    );
    for step in 0..=4 {
        let value = step * 25;
        let y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * f64::from(value) / 100.0;
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{WIDTH}" y1="{y}" y2="{y}"/><text class="axis" x="{x}" y="{ty}" text-anchor="end">{value}%</text>"#,
            x = LEFT - 6.0,
            ty = y + 4.0
        );
    }
    let group_width = (WIDTH - LEFT) / groups.len().max(1) as f64;
    let bar_width = group_width * 0.8 / series.len().max(1) as f64;
    for (g, group) in groups.iter().enumerate() {
        let group_x = LEFT + group_width * g as f64 + group_width * 0.1;
        for (s, row) in values.iter().enumerate() {
            let Some(value) = row.get(g).copied().flatten() else {
                continue;
            };
            let bar_height = PLOT_HEIGHT * f64::from(value) / 100.0;
            let _ = write!(
                svg,
                r#"<rect class="{class}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}"{fill}/>"#,
                class = series_class(s),
                x = group_x + bar_width * s as f64,
                y = TOP + PLOT_HEIGHT - bar_height,
                w = bar_width - 2.0,
                h = bar_height,
                fill = series_fill(labels.id, s),
            );
        }
        let _ = write!(
            svg,
            r#"<text class="axis" x="{x:.1}" y="{y}" text-anchor="middle">{label}</text>"#,
            x = group_x + group_width * 0.4,
            y = TOP + PLOT_HEIGHT + 20.0,
            label = escape_xml(group)
        );
    }
    legend(&mut svg, labels.id, series);
    svg.push_str("</svg>");
    svg
}

/// One horizontal bar per row, as a percentage; rows without a value show `note` instead.
pub fn horizontal_percentages(
    labels: &Labels<'_>,
    rows: &[(String, Option<f64>)],
    note: &str,
) -> String {
    const ROW: f64 = 30.0;
    const LABEL_WIDTH: f64 = 300.0;
    let height = ROW * rows.len() as f64 + 10.0;
    let mut svg = open(labels, height);
    let bar_space = WIDTH - LABEL_WIDTH - 60.0;
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = ROW * i as f64 + 5.0;
        let _ = write!(
            svg,
            r#"<text class="axis" x="{x}" y="{ty}" text-anchor="end">{label}</text>"#,
            x = LABEL_WIDTH - 8.0,
            ty = y + 17.0,
            label = escape_xml(label)
        );
        let text = match value {
            Some(percent) => {
                let width = (bar_space * percent / 100.0).max(1.0);
                let _ = write!(
                    svg,
                    r#"<rect class="series-0" x="{LABEL_WIDTH}" y="{y}" width="{width:.1}" height="22"/>"#
                );
                (LABEL_WIDTH + width + 6.0, format!("{percent:.0}%"))
            }
            None => (LABEL_WIDTH, note.to_string()),
        };
        let _ = write!(
            svg,
            r#"<text class="axis" x="{x:.1}" y="{ty}">{label}</text>"#,
            x = text.0,
            ty = y + 17.0,
            label = escape_xml(&text.1)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn open(labels: &Labels<'_>, height: f64) -> String {
    format!(
        r#"<svg class="chart" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>"#,
        id = labels.id,
        title = escape_xml(labels.title),
        description = escape_xml(labels.description),
    )
}

fn legend(svg: &mut String, id: &str, series: &[String]) {
    for (s, name) in series.iter().enumerate() {
        let x = LEFT + 170.0 * s as f64;
        let _ = write!(
            svg,
            r#"<rect class="{class}" x="{x}" y="8" width="16" height="16"{fill}/><text class="axis" x="{tx}" y="21">{name}</text>"#,
            class = series_class(s),
            fill = series_fill(id, s),
            tx = x + 22.0,
            name = escape_xml(name)
        );
    }
}

/// Series alternate between solid and hatched, so they differ in more than colour.
fn series_class(series: usize) -> String {
    format!("series-{}", series % 4)
}

fn series_fill(id: &str, series: usize) -> String {
    if series % 2 == 1 {
        format!(r#" fill="url(#{id}-hatch)""#)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_labelled_images() {
        let svg = grouped_percentages(
            &Labels {
                id: "compass",
                title: "Compass <results>",
                description: "Scores",
            },
            &["1".into(), "2".into()],
            &["June".into(), "December".into()],
            &[vec![Some(50), None], vec![Some(100), Some(25)]],
        );
        assert!(svg.starts_with(
            r#"<svg class="chart" role="img" aria-labelledby="compass-title compass-desc""#
        ));
        assert!(svg.contains("<title id=\"compass-title\">Compass &lt;results&gt;</title>"));
        assert_eq!(
            svg.matches("<rect class=\"series-").count(),
            3 + 2,
            "three bars and two legend keys"
        );
        assert!(svg.contains("url(#compass-hatch)"));
    }
}
