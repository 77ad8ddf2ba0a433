//! Finding links exactly as X's own library does (npm `twitter-text` 3.1,
//! `extractUrlsWithIndices`), which Mastodon's counter uses too (without the links that have
//! no `http(s)://`). Its grammar: a character that may precede a link, an optional
//! `http(s)://`, a domain (labels, then a known top-level domain not followed by a letter,
//! digit, `@`, `+` or `-`), an optional port, a path that ends on a letter, digit or one of
//! `+-=_#/` or on balanced parentheses, and a query string. A link without a scheme counts
//! only when it is not right after `-`, `_`, `.` or `/`, and then only its ASCII domain(s).
//! A label longer than 63 characters once in Punycode, or a link over 4,096, is no link.
//!
//! Worked on UTF-16 code units, as the JavaScript does, so indices and case rules agree;
//! each position's domain is worked out once (the library's pattern would try every start
//! again), which keeps a 3,000-character text well under a millisecond.

use std::sync::LazyLock;

use super::punycode::{code_points, encoded_len};
use super::tlds::{COUNTRY, GENERIC};
use super::url_chars::{
    ascii_label_char, canon, continues_domain, domain_char, path_char, path_end_char, precedes,
    punycode_char, query_char, query_end_char,
};

const MAX_URL_LENGTH: usize = 4096;
const MAX_LABEL_LENGTH: usize = 63;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const DEFAULT_PROTOCOL_LEN: usize = "https://".len();

/// A link in UTF-16 code units of the text: `start..end` as X reports it, and `len`, the
/// length of its URL text, which X's weighting skips from `start` (they differ only for a
/// link without a scheme whose domain was cut to its ASCII part).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub start: usize,
    pub end: usize,
    pub len: usize,
}

/// The top-level domains by the comparison keys of their first two code units (every one
/// has two or more), then in trying order: (keys, order, units' keys).
struct Tlds {
    entries: Vec<((u16, u16), usize, Vec<u16>)>,
}

static TLDS: LazyLock<Tlds> = LazyLock::new(|| {
    let mut entries: Vec<((u16, u16), usize, Vec<u16>)> = GENERIC
        .split('|')
        .chain(COUNTRY.split('|'))
        .enumerate()
        .map(|(order, tld)| {
            let units: Vec<u16> = tld.encode_utf16().map(canon).collect();
            ((units[0], units[1]), order, units)
        })
        .collect();
    entries.sort_unstable_by_key(|e| (e.0, e.1));
    Tlds { entries }
});

/// The end of the first top-level domain (in trying order) at `at`, followed by nothing
/// that continues a domain before `limit`; else a Punycode one (`xn--…`).
fn tld_at(units: &[u16], at: usize, limit: usize) -> Option<usize> {
    if at + 2 > limit {
        return None;
    }
    let key = (canon(units[at]), canon(units[at + 1]));
    let entries = &TLDS.entries;
    let from = entries.partition_point(|e| e.0 < key);
    let known = entries[from..]
        .iter()
        .take_while(|e| e.0 == key)
        .find(|(_, _, tld)| {
            let end = at + tld.len();
            end <= limit
                && units[at + 2..end]
                    .iter()
                    .zip(&tld[2..])
                    .all(|(&u, &t)| canon(u) == t)
                && (end == limit || !continues_domain(units[end]))
        });
    if let Some((_, _, tld)) = known {
        return Some(at + tld.len());
    }
    let xn = [b'X', b'N', b'-', b'-'].map(u16::from);
    let prefix_end = at + xn.len();
    if prefix_end < limit
        && units[at..prefix_end]
            .iter()
            .zip(xn)
            .all(|(&u, x)| canon(u) == x)
    {
        let run = run_end(units, prefix_end, limit, punycode_char);
        if run > prefix_end {
            return Some(run);
        }
    }
    None
}

fn run_end(units: &[u16], from: usize, limit: usize, part: impl Fn(u16) -> bool) -> usize {
    from + units[from..limit].iter().take_while(|&&u| part(u)).count()
}

const DOT: u16 = b'.' as u16;

/// Domains worked out once per position of one text.
struct Domains<'a> {
    units: &'a [u16],
    /// 0: not yet known; 1: none; otherwise the end + 2.
    memo: Vec<u32>,
    /// Where the run of label characters from each position ends: with `_` (any label but
    /// the last) and without.
    sub_end: Vec<u32>,
    last_end: Vec<u32>,
    /// The top-level domain at each position, as `memo`.
    tld: Vec<u32>,
}

fn decode(m: u32) -> Option<usize> {
    (m > 1).then(|| m as usize - 2)
}

fn encode(r: Option<usize>) -> u32 {
    r.map_or(1, |end| end as u32 + 2)
}

impl<'a> Domains<'a> {
    fn new(units: &'a [u16]) -> Self {
        let n = units.len();
        let (mut sub_end, mut last_end) = (vec![n as u32; n + 1], vec![n as u32; n + 1]);
        for i in (0..n).rev() {
            let u = units[i];
            let (c, hyphen) = (domain_char(u), u == u16::from(b'-'));
            sub_end[i] = if c || hyphen || u == u16::from(b'_') {
                sub_end[i + 1]
            } else {
                i as u32
            };
            last_end[i] = if c || hyphen {
                last_end[i + 1]
            } else {
                i as u32
            };
        }
        Domains {
            units,
            memo: vec![0; n + 1],
            sub_end,
            last_end,
            tld: vec![0; n + 1],
        }
    }

    /// Where a label starting at `at` and running to `end` ends at a dot: it starts and
    /// ends with a domain character.
    fn label(&self, at: usize, end: usize) -> Option<usize> {
        let u = self.units;
        (end > at
            && end < u.len()
            && u[end] == DOT
            && domain_char(u[at])
            && domain_char(u[end - 1]))
        .then_some(end)
    }

    /// A last label before the top-level domain (no `_`), then the top-level domain.
    fn last_label_and_tld(&mut self, at: usize) -> Option<usize> {
        let dot = self.label(at, self.last_end[at] as usize)?;
        let t = dot + 1;
        if self.tld[t] == 0 {
            self.tld[t] = encode(tld_at(self.units, t, self.units.len()));
        }
        decode(self.tld[t])
    }

    /// The end of the domain starting at `at`: as many labels as can be taken (`_` allowed
    /// but in the last), the pattern giving them back one by one until a last label and a
    /// top-level domain follow.
    fn at(&mut self, at: usize) -> Option<usize> {
        // the labels from `at` up to a position already known or starting no label
        let mut chain = vec![];
        let mut p = at;
        let mut result = loop {
            if self.memo[p] != 0 {
                break decode(self.memo[p]);
            }
            match self.label(p, self.sub_end[p] as usize) {
                Some(dot) => {
                    chain.push(p);
                    p = dot + 1;
                }
                None => {
                    let r = self.last_label_and_tld(p);
                    self.memo[p] = encode(r);
                    break r;
                }
            }
        };
        // each label taken first, given back only when no domain follows it
        for &q in chain.iter().rev() {
            result = result.or_else(|| self.last_label_and_tld(q));
            self.memo[q] = encode(result);
        }
        result
    }
}

/// A whole match of the pattern's link at `start`: the protocol's length, the domain's
/// range, whether a path follows, and the end.
struct Found {
    protocol: usize,
    domain: (usize, usize),
    path: bool,
    end: usize,
}

fn starts_with_ci(units: &[u16], at: usize, word: &[u8]) -> bool {
    units.len() >= at + word.len()
        && units[at..at + word.len()]
            .iter()
            .zip(word)
            .all(|(&u, &w)| canon(u) == canon(u16::from(w)))
}

fn link_at(domains: &mut Domains, start: usize) -> Option<Found> {
    let units = domains.units;
    let protocol = if starts_with_ci(units, start, b"https://") {
        8
    } else if starts_with_ci(units, start, b"http://") {
        7
    } else {
        0
    };
    let (protocol, domain_end) = match domains.at(start + protocol) {
        Some(end) if protocol > 0 => (protocol, end),
        _ => (0, domains.at(start)?),
    };
    let domain = (start + protocol, domain_end);
    let mut end = domain_end;
    // port
    if units.get(end) == Some(&u16::from(b':')) {
        let digits = run_end(units, end + 1, units.len(), |u| {
            (u16::from(b'0')..=u16::from(b'9')).contains(&u)
        });
        if digits > end + 1 {
            end = digits;
        }
    }
    let path = units.get(end) == Some(&u16::from(b'/'));
    if path {
        end = path_end(units, end + 1);
    }
    if units.get(end) == Some(&u16::from(b'?')) {
        end = query_end(units, end + 1).unwrap_or(end);
    }
    Some(Found {
        protocol,
        domain,
        path,
        end,
    })
}

/// Balanced parentheses at `at` (one level may nest): where they end.
fn parens(units: &[u16], at: usize) -> Option<usize> {
    let (open, close) = (u16::from(b'('), u16::from(b')'));
    if units.get(at) != Some(&open) {
        return None;
    }
    let inner = run_end(units, at + 1, units.len(), path_char);
    if inner > at + 1 && units.get(inner) == Some(&close) {
        return Some(inner + 1);
    }
    if units.get(inner) != Some(&open) {
        return None;
    }
    let nested = run_end(units, inner + 1, units.len(), path_char);
    if nested == inner + 1 || units.get(nested) != Some(&close) {
        return None;
    }
    let rest = run_end(units, nested + 1, units.len(), path_char);
    (units.get(rest) == Some(&close)).then_some(rest + 1)
}

/// The end of a path whose characters start at `at` (after its `/`). The pattern repeats
/// two ways to go on: path characters (and balanced parentheses among them) up to the last
/// ending character outside parentheses, or balanced parentheses right there.
fn path_end(units: &[u16], at: usize) -> usize {
    let mut pos = at;
    loop {
        let (mut p, mut last_end) = (pos, None);
        loop {
            if p < units.len() && path_char(units[p]) {
                if path_end_char(units[p]) {
                    last_end = Some(p + 1);
                }
                p += 1;
            } else if let Some(after) = parens(units, p) {
                p = after;
            } else {
                break;
            }
        }
        match last_end.or_else(|| parens(units, pos)) {
            Some(end) => pos = end,
            None => return pos,
        }
    }
}

/// The end of a query string whose characters start at `at` (after its `?`), if it has an
/// ending character.
fn query_end(units: &[u16], at: usize) -> Option<usize> {
    let run = run_end(units, at, units.len(), query_char);
    (at..run)
        .rev()
        .find(|&p| query_end_char(units[p]))
        .map(|p| p + 1)
}

/// Every ASCII domain inside `units[from..to]`, left to right (labels of ASCII letters,
/// digits, `-` and accented Latin letters, then a top-level domain).
fn ascii_domains(units: &[u16], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = vec![];
    let mut j = from;
    while j < to {
        let mut dots = vec![];
        let mut p = j;
        loop {
            let end = run_end(units, p, to, ascii_label_char);
            if end == p || end >= to || units[end] != DOT {
                break;
            }
            dots.push(end);
            p = end + 1;
        }
        match dots
            .iter()
            .rev()
            .find_map(|&dot| tld_at(units, dot + 1, to))
        {
            Some(end) => {
                out.push((j, end));
                j = end;
            }
            None => j += 1,
        }
    }
    out
}

/// X's check of a link: every label 1 to 63 characters in Punycode, the whole not over
/// 4,096 (counting a default protocol when it has none), and a domain written `xn--` has
/// an ASCII domain in it.
fn is_valid(units: &[u16], found: &Found, start: usize) -> bool {
    let (d0, d1) = found.domain;
    let domain = &units[d0..d1];
    if domain.starts_with(&[b'x', b'n', b'-', b'-'].map(u16::from))
        && ascii_domains(units, d0, d1).is_empty()
    {
        return false;
    }
    let labels_fit = domain.split(|&u| u == DOT).all(|label| {
        // Punycode.js splits on the other full stops too, and joins with "."
        let parts = label.split(|&u| matches!(u, 0x3002 | 0xFF0E | 0xFF61));
        let mut len = 0;
        for (i, part) in parts.enumerate() {
            len += usize::from(i > 0);
            if part.iter().all(|&u| u < 0x80) {
                len += part.len();
            } else {
                let points = code_points(part);
                if points.len() > MAX_LABEL_LENGTH {
                    return false;
                }
                match encoded_len(&points) {
                    Some(n) => len += 4 + n,
                    None => return false,
                }
            }
        }
        (1..=MAX_LABEL_LENGTH).contains(&len)
    });
    let protocol = if found.protocol > 0 {
        found.protocol
    } else {
        DEFAULT_PROTOCOL_LEN
    };
    labels_fit && found.end - start + protocol <= MAX_URL_LENGTH
}

/// `https://t.co/slug` (and its query) is all of a t.co link: the end, or `None` when the
/// slug is over 40 characters. Other links: their end.
fn tco_end(units: &[u16], start: usize, found: &Found) -> Option<usize> {
    let host = start + found.protocol;
    if !starts_with_ci(units, host, b"t.co/") {
        return Some(found.end);
    }
    let slug_at = host + 5;
    let slug = run_end(units, slug_at, found.end, |u| {
        u < 0x80 && (u as u8).is_ascii_alphanumeric()
    });
    if slug == slug_at {
        return Some(found.end); // no slug: not the t.co pattern
    }
    if slug - slug_at > MAX_TCO_SLUG_LENGTH {
        return None;
    }
    if slug < found.end && units[slug] == u16::from(b'?') {
        let run = run_end(units, slug + 1, found.end, query_char);
        if let Some(end) = (slug + 1..run).rev().find(|&p| query_end_char(units[p])) {
            return Some(end + 1);
        }
    }
    Some(slug)
}

/// The links X finds in `units` (UTF-16), with those without `http(s)://` when asked.
pub fn extract(units: &[u16], without_protocol: bool) -> Vec<Link> {
    scan(units)
        .into_iter()
        .filter(|(_, scheme)| without_protocol || *scheme)
        .map(|(link, _)| link)
        .collect()
}

/// Both lists at once, from one pass (X's search goes over the text the same way whether
/// or not it keeps the links without a scheme): all the links, and those with a scheme.
pub fn extract_both(units: &[u16]) -> (Vec<Link>, Vec<Link>) {
    let found = scan(units);
    let with_scheme = found.iter().filter(|(_, s)| *s).map(|(l, _)| *l).collect();
    (found.into_iter().map(|(l, _)| l).collect(), with_scheme)
}

/// Every link, and whether it has a scheme.
fn scan(units: &[u16]) -> Vec<(Link, bool)> {
    if !units.contains(&DOT) {
        return vec![];
    }
    let mut domains = Domains::new(units);
    let mut out = vec![];
    let mut from = 0;
    while from <= units.len() {
        // the leftmost match: a preceding character then a link, or a link at the very start
        let found = (from..=units.len()).find_map(|i| {
            let after_char =
                (i + 1 < units.len() && precedes(units[i]) && domain_char(units[i + 1]))
                    .then(|| link_at(&mut domains, i + 1).map(|f| (Some(units[i]), i + 1, f)))
                    .flatten();
            after_char.or_else(|| {
                (i == 0)
                    .then(|| link_at(&mut domains, 0).map(|f| (None, 0, f)))
                    .flatten()
            })
        });
        let Some((before, start, found)) = found else {
            break;
        };
        from = found.end;
        if !is_valid(units, &found, start) {
            continue;
        }
        if found.protocol == 0 {
            let rejected_before =
                before.is_some_and(|b| b"-_./".iter().any(|&c| u16::from(c) == b));
            if rejected_before {
                continue;
            }
            let ascii = ascii_domains(units, found.domain.0, found.domain.1);
            let Some(&last) = ascii.last() else {
                continue;
            };
            for &(a, b) in &ascii[..ascii.len() - 1] {
                let link = Link {
                    start: a,
                    end: b,
                    len: b - a,
                };
                out.push((link, false));
            }
            let (a, b) = last;
            let link = if found.path {
                // the URL text is the ASCII domain and what followed the whole domain
                Link {
                    start: a,
                    end: found.end,
                    len: (b - a) + (found.end - found.domain.1),
                }
            } else {
                Link {
                    start: a,
                    end: b,
                    len: b - a,
                }
            };
            out.push((link, false));
        } else {
            let Some(end) = tco_end(units, start, &found) else {
                continue;
            };
            let link = Link {
                start,
                end,
                len: end - start,
            };
            out.push((link, true));
        }
    }
    out
}
