//! What the user types as a server (a Mastodon instance `mastodon.social`,
//! `https://Mastodon.Social/`, `@me@mastodon.social`; a Bluesky PDS `bsky.social`) becomes
//! one origin: `https://mastodon.social`. Plain `http` is only for loopback (a local test
//! server).

/// Why an instance address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceError {
    Empty,
    Invalid,
    /// `http://` on a host that is not this machine.
    Insecure,
}

/// The origin (`scheme://host[:port]`, lower case, no path) of the instance the user typed.
pub fn normalise_instance(raw: &str) -> Result<String, InstanceError> {
    let mut s = raw.trim();
    if s.is_empty() {
        return Err(InstanceError::Empty);
    }
    // "@user@host" or "user@host": the part after the last @.
    if let Some(at) = s.rfind('@') {
        if !s[..at].contains('/') {
            s = &s[at + 1..];
        }
    }
    let lower = s.to_ascii_lowercase();
    let (scheme, rest) = if let Some(r) = lower.strip_prefix("https://") {
        ("https", r)
    } else if let Some(r) = lower.strip_prefix("http://") {
        ("http", r)
    } else if lower.contains("://") {
        return Err(InstanceError::Invalid);
    } else {
        ("https", lower.as_str())
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.is_empty() && !p.is_empty() => {
            let port: u16 = p.parse().map_err(|_| InstanceError::Invalid)?;
            (h, Some(port))
        }
        Some((_, _)) => return Err(InstanceError::Invalid),
        None => (authority, None),
    };
    let host = host.trim_end_matches('.');
    let valid_label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if host.is_empty() || host.len() > 253 || !host.split('.').all(valid_label) {
        return Err(InstanceError::Invalid);
    }
    let loopback = host == "localhost" || host == "127.0.0.1" || host.starts_with("127.");
    if scheme == "http" && !loopback {
        return Err(InstanceError::Insecure);
    }
    if !host.contains('.') && !loopback {
        return Err(InstanceError::Invalid);
    }
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}
