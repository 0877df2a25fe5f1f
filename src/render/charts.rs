//! Horizontal bar charts in HTML, each bar a small inline SVG: no JavaScript, no images to fetch.
//!
//! Names and values are HTML text, so they wrap and keep the page's font size on any screen,
//! and nothing is ever scaled down or cut off as a whole-chart SVG would be on a phone. Each bar
//! is a `rect` whose `width` is the percentage itself, set as a presentation attribute: the
//! pages' Content Security Policy forbids `style` attributes, not those.
//!
//! A chart is one image to a screen reader, named by its caption and described in words; the
//! page follows each chart with a table of the same figures. Colours come from the stylesheet,
//! so charts follow the light and dark schemes; series also differ in pattern, solid or hatched,
//! so colour never carries meaning alone.

use std::fmt::Write;

use super::escape_xml;

/// What a chart shows, and how it is named.
pub struct Chart<'a> {
    /// Unique on the page: the prefix of the chart's element ids.
    pub id: &'a str,
    /// The visible caption, and the chart's name as an image.
    pub title: &'a str,
    /// What a screen reader announces as the image's description.
    pub description: &'a str,
    /// The series, named in a key; none for a chart of one series that needs no name.
    pub series: &'a [String],
    /// Shown in place of a bar that has no value.
    pub missing: &'a str,
}

/// One named row: a value for each series, as a percentage from 0 to 100.
pub struct Row {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// A figure with a caption, a key when there are series to tell apart, and one row of bars per
/// `rows` entry, each bar followed by its value.
pub fn horizontal_bars(chart: &Chart<'_>, rows: &[Row]) -> String {
    let id = escape_xml(chart.id);
    let mut html = format!(
        r#"<figure class="chart-figure"><figcaption id="{id}-title">{title}</figcaption><div class="chart" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc">"#,
        title = escape_xml(chart.title),
    );
    key(&mut html, &id, chart.series);
    for row in rows {
        let _ = write!(
            html,
            r#"<div class="chart-row"><div class="chart-name">{name}</div><div class="chart-bars">"#,
            name = escape_xml(&row.name)
        );
        for (series, value) in row.values.iter().enumerate() {
            match value {
                Some(percent) => {
                    let _ = write!(
                        html,
                        r#"<div class="chart-bar"><svg class="chart-track" aria-hidden="true"><rect class="track" width="100%" height="100%"/><rect class="{class}" width="{width:.1}%" height="100%"{fill}/></svg><span class="chart-value">{percent:.0}%</span></div>"#,
                        class = series_class(series),
                        width = percent.clamp(0.0, 100.0),
                        fill = series_fill(&id, series),
                    );
                }
                None => {
                    let _ = write!(
                        html,
                        r#"<div class="chart-bar"><span class="chart-missing">{missing}</span></div>"#,
                        missing = escape_xml(chart.missing)
                    );
                }
            }
        }
        html.push_str("</div></div>");
    }
    let _ = write!(
        html,
        r#"</div><p id="{id}-desc" hidden>{description}</p></figure>"#,
        description = escape_xml(chart.description)
    );
    html
}

/// A swatch and name for each series. The hatching that every hatched bar of the chart fills
/// with is defined here, in the first hatched swatch: a chart with series to tell apart always
/// shows its key.
fn key(html: &mut String, id: &str, series: &[String]) {
    if series.is_empty() {
        return;
    }
    html.push_str(r#"<ul class="chart-key">"#);
    for (s, name) in series.iter().enumerate() {
        let hatch = if s == 1 {
            format!(
                r#"<defs><pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-ground"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line" stroke-width="3"/></pattern></defs>"#
            )
        } else {
            String::new()
        };
        let _ = write!(
            html,
            r#"<li><svg class="chart-swatch" viewBox="0 0 16 16" aria-hidden="true">{hatch}<rect class="{class}" width="16" height="16"{fill}/></svg>{name}</li>"#,
            class = series_class(s),
            fill = series_fill(id, s),
            name = escape_xml(name)
        );
    }
    html.push_str("</ul>");
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

    fn compass(values: [Option<f64>; 2]) -> String {
        horizontal_bars(
            &Chart {
                id: "compass",
                title: "Compass <results>",
                description: "Scores for each benchmark",
                series: &["June".into(), "December".into()],
                missing: "no result",
            },
            &[
                Row {
                    name: "B1 Programme".into(),
                    values: values.to_vec(),
                },
                Row {
                    name: "B5 Employers".into(),
                    values: vec![Some(48.0), Some(100.0)],
                },
            ],
        )
    }

    #[test]
    fn a_chart_is_one_image_named_by_its_visible_caption_and_described_in_words() {
        let html = compass([Some(50.0), None]);
        assert!(html.starts_with(
            r#"<figure class="chart-figure"><figcaption id="compass-title">Compass &lt;results&gt;</figcaption><div class="chart" role="img" aria-labelledby="compass-title" aria-describedby="compass-desc">"#
        ), "{html}");
        assert!(
            html.ends_with(r#"<p id="compass-desc" hidden>Scores for each benchmark</p></figure>"#),
            "{html}"
        );
    }

    #[test]
    fn each_row_is_named_in_text_and_each_bar_is_as_wide_as_its_percentage() {
        let html = compass([Some(50.0), Some(12.4)]);
        assert!(html.contains(r#"<div class="chart-name">B5 Employers</div>"#));
        assert!(html.contains(r#"<rect class="series-0" width="48.0%" height="100%"/></svg><span class="chart-value">48%</span>"#), "{html}");
        assert!(html.contains(r#"<rect class="series-1" width="12.4%" height="100%" fill="url(#compass-hatch)"/></svg><span class="chart-value">12%</span>"#), "{html}");
        assert!(
            !html.contains("style="),
            "the Content Security Policy forbids inline styles"
        );
    }

    #[test]
    fn series_are_told_apart_by_pattern_in_a_key_as_well_as_by_colour() {
        let html = compass([Some(50.0), Some(60.0)]);
        let key =
            &html[html.find("<ul class=\"chart-key\">").unwrap()..html.find("</ul>").unwrap()];
        assert!(key.contains(r#"<rect class="series-0" width="16" height="16"/></svg>June</li>"#));
        assert!(key.contains(r#"<pattern id="compass-hatch""#));
        assert!(key.contains(r#"<rect class="series-1" width="16" height="16" fill="url(#compass-hatch)"/></svg>December</li>"#));
        assert_eq!(html.matches(r#"id="compass-hatch""#).count(), 1);
    }

    #[test]
    fn a_missing_value_is_said_in_words_where_its_bar_would_be() {
        let html = compass([Some(50.0), None]);
        assert!(html.contains(r#"<span class="chart-missing">no result</span>"#));
        assert_eq!(html.matches(r#"class="chart-value""#).count(), 3);
    }

    #[test]
    fn a_chart_of_one_unnamed_series_has_no_key() {
        let html = horizontal_bars(
            &Chart {
                id: "leavers",
                title: "Destinations",
                description: "Shares",
                series: &[],
                missing: "c (not published)",
            },
            &[Row {
                name: "Apprenticeship".into(),
                values: vec![Some(9.34)],
            }],
        );
        assert!(
            !html.contains("chart-key") && !html.contains("hatch"),
            "{html}"
        );
        assert!(html.contains(r#"width="9.3%""#) && html.contains(">9%</span>"));
    }
}
