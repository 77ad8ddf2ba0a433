//! A line chart drawn as SVG by the app: one value per day, a gap (no value) breaks the
//! line rather than being filled in; the lowest and highest values and the first and last
//! days written on the axes; every point focusable by Tab, named with its day and value
//! (the table beside it says the same for those who prefer it). Colours follow the theme
//! (`currentColor`, the accent).

use leptos::prelude::*;

/// The drawing's size in its own units (it scales to the page's width).
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
/// Room for the axes' words.
const LEFT: f64 = 64.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;
const RIGHT: f64 = 12.0;

/// One point: its day written out, its value, and its name for screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub label: String,
    pub value: Option<f64>,
    pub named: String,
}

#[component]
pub fn LineChart(
    /// The chart's name, said by screen readers.
    name: String,
    points: Vec<Point>,
    /// A value as written on the axis.
    value_label: impl Fn(f64) -> String + 'static,
) -> impl IntoView {
    let values: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
    let (low, high) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(*v), h.max(*v))
        });
    let (low, high) = if values.is_empty() {
        (0.0, 1.0)
    } else if high - low < 1.0 {
        (low - 1.0, high + 1.0)
    } else {
        (low, high)
    };
    let n = points.len().max(2) as f64 - 1.0;
    let x = move |i: usize| LEFT + (WIDTH - LEFT - RIGHT) * i as f64 / n;
    let y = move |v: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - (v - low) / (high - low));
    // The line in runs of consecutive days with a value.
    let mut runs: Vec<String> = vec![];
    let mut run = String::new();
    for (i, p) in points.iter().enumerate() {
        match p.value {
            Some(v) => run.push_str(&format!("{:.1},{:.1} ", x(i), y(v))),
            None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    let first = points.first().map(|p| p.label.clone()).unwrap_or_default();
    let last = points.last().map(|p| p.label.clone()).unwrap_or_default();
    let dots = points
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| p.value.map(|v| (i, v, p.named)))
        .map(|(i, v, named)| {
            let title = named.clone();
            view! {
                <circle class="point" cx=format!("{:.1}", x(i)) cy=format!("{:.1}", y(v)) r="4"
                    tabindex="0" role="img" aria-label=named><title>{title}</title></circle>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group" aria-label=name>
            <line class="axis" x1=LEFT y1=TOP x2=LEFT y2=HEIGHT - BOTTOM/>
            <line class="axis" x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH - RIGHT y2=HEIGHT - BOTTOM/>
            <text class="tick" x=LEFT - 6.0 y=y(high) + 4.0 text-anchor="end">{value_label(high)}</text>
            <text class="tick" x=LEFT - 6.0 y=y(low) + 4.0 text-anchor="end">{value_label(low)}</text>
            <text class="tick" x=LEFT y=HEIGHT - 8.0 text-anchor="start">{first}</text>
            <text class="tick" x=WIDTH - RIGHT y=HEIGHT - 8.0 text-anchor="end">{last}</text>
            {runs.into_iter().map(|r| view! { <polyline class="line" points=r/> }).collect_view()}
            {dots}
        </svg>
    }
}
