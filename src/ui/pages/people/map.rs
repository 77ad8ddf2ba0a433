//! The relationship map (`domain::relationship_map`), worked out when opened: an SVG chart
//! of members by reach and love, coloured by level, ambassadors and detractors named; the
//! buttons or `+` `−` zoom, Shift and the arrows move the view, the arrows go from one
//! member to the next (one dot takes the focus at a time), Enter opens them in the list.
//! The same members in a table, for screen readers and for reading figures.

use crate::domain::sorting;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::member::Member;
use crate::domain::member_record::MemberRecord;
use crate::domain::relationship_map::{place, seems_detractor, Mark, Point};
use crate::ui::format::number;
use crate::ui::i18n::Msg;
use crate::ui::state::{use_app, use_db};
use crate::ui::text::{use_text, Text};

/// How many members the map draws at most.
const LIMIT: usize = 300;
const W: f64 = 640.0;
const H: f64 = 400.0;
/// Room for the axes' names.
const M: f64 = 36.0;
const MAX_ZOOM: f64 = 16.0;

fn mark_name(t: Text, mark: Option<Mark>) -> String {
    match mark {
        Some(Mark::Ambassador) => t.get(Msg::MapAmbassador).to_string(),
        Some(Mark::Detractor) => t.get(Msg::MapDetractor).to_string(),
        None => String::new(),
    }
}

fn reach_text(t: Text, p: &Point) -> String {
    p.reach
        .map(|r| number(t.lang(), r as f64))
        .unwrap_or_else(|| "—".into())
}

/// Room between the axes and the dots.
const PAD: f64 = 14.0;

/// Where a member's dot sits; members at the very same place are spread a little (by
/// their key), so each stays visible and clickable.
fn at(p: &Point) -> (f64, f64) {
    let spread = p
        .key
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    let dx = (spread % 9) as f64 - 4.0;
    let dy = ((spread / 9) % 9) as f64 - 4.0;
    (
        M + PAD + p.x * (W - 2.0 * M - 2.0 * PAD) + dx,
        H - M - PAD - p.y * (H - 2.0 * M - 2.0 * PAD) + dy,
    )
}

#[component]
pub fn RelationshipMap(members: StoredValue<std::sync::Arc<Vec<Member>>>) -> impl IntoView {
    let (t, state, db) = (use_text(), use_app(), use_db());
    let open = RwSignal::new(false);
    // The records read when opened: a mark set since the list was read counts.
    let records = LocalResource::new(move || {
        let (db, ws, open) = (db.get(), state.current(), open.get());
        async move {
            let (Some(ws), true) = (ws, open) else {
                return None;
            };
            let list = crate::store::members::for_workspace(&db, &ws.id)
                .await
                .ok()?;
            let said = crate::services::sentiment::corrections(&db, &ws.id)
                .await
                .ok()?;
            Some((
                list.into_iter()
                    .map(|r| (r.key.clone(), r))
                    .collect::<HashMap<String, MemberRecord>>(),
                said,
            ))
        }
    });
    let view_map = move || {
        let (records, said) = records.get().flatten()?;
        let now = crate::services::clock::now_ms();
        let total = members.with_value(|m| m.len());
        // A recent message that counts as negative (the user's word, else the hint).
        let tone = |mo: &crate::domain::member::Moment| {
            crate::services::sentiment::tone(&said, &mo.url, mo.text(), mo.lang())
        };
        let flagged = |m: &crate::domain::member::Member| seems_detractor(m, now, tone);
        let points = members.with_value(|all| place(all, &records, flagged, now, LIMIT));
        Some(view! { <MapAndTable points=points total=total/> })
    };
    view! {
        <details class="map-details" on:toggle=move |ev| open.set(super::gravity::is_open(&ev))>
            <summary>{t.tr(Msg::MapSummary)}</summary>
            {view_map}
        </details>
    }
}

#[component]
fn MapAndTable(points: Vec<Point>, total: usize) -> impl IntoView {
    let t = use_text();
    let navigate = use_navigate();
    let points = StoredValue::new(points);
    let n = points.with_value(Vec::len);
    // The view: zoom, and the centre (0–1 of the chart's width and height).
    let zoom = RwSignal::new(1.0f64);
    let centre = RwSignal::new((0.5f64, 0.5f64));
    let focused = RwSignal::new(0usize);
    let view_box = move || {
        let z = zoom.get();
        let (cx, cy) = centre.get();
        let (w, h) = (W / z, H / z);
        let x = (cx * W - w / 2.0).clamp(0.0, W - w);
        let y = (cy * H - h / 2.0).clamp(0.0, H - h);
        format!("{x:.1} {y:.1} {w:.1} {h:.1}")
    };
    let zoom_by = move |f: f64| zoom.update(|z| *z = (*z * f).clamp(1.0, MAX_ZOOM));
    let pan = move |dx: f64, dy: f64| {
        let z = zoom.get_untracked();
        centre.update(|(x, y)| {
            *x = (*x + dx / z).clamp(0.0, 1.0);
            *y = (*y + dy / z).clamp(0.0, 1.0);
        });
    };
    let focus_point = move |i: usize| {
        focused.set(i);
        // The view follows the dot when it is out of it.
        if let Some((x, y)) = points.with_value(|p| p.get(i).map(at)) {
            let z = zoom.get_untracked();
            let (cx, cy) = centre.get_untracked();
            if ((x / W) - cx).abs() > 0.5 / z || ((y / H) - cy).abs() > 0.5 / z {
                centre.set((x / W, y / H));
            }
        }
        // An SVG element's `focus()` (web-sys would need one more feature for it).
        if let Some(el) = document().get_element_by_id(&format!("map-point-{i}")) {
            use wasm_bindgen::JsCast;
            if let Ok(f) = js_sys::Reflect::get(&el, &"focus".into()) {
                if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                    let _ = f.call0(&el);
                }
            }
        }
    };
    let go = move |i: usize| {
        if let Some(handle) = points.with_value(|p| p.get(i).map(|p| p.handle.clone())) {
            let q: String = js_sys::encode_uri_component(&handle).into();
            navigate(&format!("/people?q={q}"), Default::default());
        }
    };
    let go = StoredValue::new_local(go);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let shift = ev.shift_key();
        let step = 0.1;
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" if shift => pan(
                if ev.key() == "ArrowRight" { step } else { 0.0 },
                if ev.key() == "ArrowDown" { step } else { 0.0 },
            ),
            "ArrowLeft" | "ArrowUp" if shift => pan(
                if ev.key() == "ArrowLeft" { -step } else { 0.0 },
                if ev.key() == "ArrowUp" { -step } else { 0.0 },
            ),
            "ArrowRight" | "ArrowDown" if n > 0 => focus_point((focused.get_untracked() + 1) % n),
            "ArrowLeft" | "ArrowUp" if n > 0 => focus_point((focused.get_untracked() + n - 1) % n),
            "Home" if n > 0 => focus_point(0),
            "End" if n > 0 => focus_point(n - 1),
            "+" | "=" => zoom_by(1.5),
            "-" | "_" => zoom_by(1.0 / 1.5),
            "Enter" | " " => go.with_value(|g| g(focused.get_untracked())),
            _ => return,
        }
        ev.prevent_default();
    };
    let dots = points.with_value(|ps| {
        ps.iter()
            .enumerate()
            .map(|(i, p)| {
                let (x, y) = at(p);
                let label = t.fill(
                    Msg::MapPointLabel,
                    &[
                        ("name", &p.name),
                        ("level", &super::words::level_name(t, p.level)),
                        ("love", &p.love.to_string()),
                        ("reach", &reach_text(t, p)),
                    ],
                );
                let label = match p.mark {
                    Some(_) => format!("{label} — {}", mark_name(t, p.mark)),
                    None => label,
                };
                // Named on the side with room.
                let (label_x, anchor) = if p.x > 0.7 { (x - 8.0, "end") } else { (x + 8.0, "start") };
                let named = p.mark.map(|m| {
                    let class = match m {
                        Mark::Ambassador => "map-name ambassador",
                        Mark::Detractor => "map-name detractor",
                    };
                    view! {
                        // An attribute, not a style: the CSP allows no inline style.
                        <text x=label_x y=y + 4.0 class=class aria-hidden="true" text-anchor=anchor
                            font-size=move || format!("{:.2}", 11.0 / zoom.get())>{p.name.clone()}</text>
                    }
                });
                let class = format!(
                    "map-point level-{}{}",
                    p.level.number(),
                    match p.mark {
                        Some(Mark::Detractor) => " detractor",
                        Some(Mark::Ambassador) => " ambassador",
                        None => "",
                    }
                );
                view! {
                    <g id=format!("map-point-{i}") role="link" aria-label=label class=class
                        tabindex=move || if focused.get() == i { "0" } else { "-1" }
                        on:focus=move |_| focused.set(i)
                        on:click=move |_| go.with_value(|g| g(i))>
                        <circle cx=x cy=y r=move || format!("{:.2}", 5.0 / zoom.get())/>
                        {named}
                    </g>
                }
            })
            .collect_view()
    });
    let rows = points.with_value(|ps| {
        let mut sorted: Vec<&Point> = ps.iter().collect();
        sorting::sort_by(&mut sorted[..], |a, b| b.love.cmp(&a.love).then(a.name.cmp(&b.name)));
        sorted
            .into_iter()
            .map(|p| {
                view! {
                    <tr>
                        <th scope="row">{p.name.clone()}" "<span class="handle">{p.handle.clone()}</span></th>
                        <td>{super::words::level_name(t, p.level)}</td>
                        <td>{p.love}</td>
                        <td>{reach_text(t, p)}</td>
                        <td>{mark_name(t, p.mark)}</td>
                    </tr>
                }
            })
            .collect_view()
    });
    let shown = if n < total {
        t.fill(
            Msg::MapShownOf,
            &[("shown", &n.to_string()), ("count", &total.to_string())],
        )
    } else {
        String::new()
    };
    view! {
        <p class="muted">{t.get(Msg::MapExplained)}" "{shown}</p>
        <p class="muted">{t.get(Msg::MapKeys)}</p>
        <div class="map-tools" role="group" aria-label=t.get(Msg::MapTools)>
            <button type="button" class="secondary" on:click=move |_| zoom_by(1.5)>{t.get(Msg::MapZoomIn)}</button>
            <button type="button" class="secondary" on:click=move |_| zoom_by(1.0 / 1.5)>{t.get(Msg::MapZoomOut)}</button>
            <button type="button" class="secondary" on:click=move |_| { zoom.set(1.0); centre.set((0.5, 0.5)); }>{t.get(Msg::MapWhole)}</button>
        </div>
        <svg class="relationship-map" viewBox=view_box role="group" aria-label=t.get(Msg::MapSummary)
            on:keydown=on_key>
            <line x1=M y1=H - M x2=W - M y2=H - M class="map-axis"/>
            <line x1=M y1=M x2=M y2=H - M class="map-axis"/>
            <text x=W / 2.0 y=H - 8.0 class="map-axis-name" text-anchor="middle">{t.get(Msg::MapAxisReach)}</text>
            <text x=14.0 y=H / 2.0 class="map-axis-name" text-anchor="middle"
                transform=format!("rotate(-90 14 {})", H / 2.0)>{t.get(Msg::MapAxisLove)}</text>
            {dots}
        </svg>
        <details class="map-table">
            <summary>{t.get(Msg::MapAsTable)}</summary>
            <table>
                <caption>{t.get(Msg::MapCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.get(Msg::MapColMember)}</th>
                        <th scope="col">{t.get(Msg::MapColLevel)}</th>
                        <th scope="col">{t.get(Msg::MapColLove)}</th>
                        <th scope="col">{t.get(Msg::MapColReach)}</th>
                        <th scope="col">{t.get(Msg::MapColMark)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
