//! Storage health rules: when to warn about the browser's quota.

/// How close the app is to the storage quota the browser grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotaLevel {
    Fine,
    /// Over 80 %: time to export and clean up.
    Low,
    /// Over 95 %: writes may start failing.
    Critical,
}

pub fn quota_level(usage: f64, quota: f64) -> QuotaLevel {
    if quota <= 0.0 {
        return QuotaLevel::Critical;
    }
    match usage / quota {
        r if r > 0.95 => QuotaLevel::Critical,
        r if r > 0.80 => QuotaLevel::Low,
        _ => QuotaLevel::Fine,
    }
}

/// File name for an export: `attache-all-2026-11-25.json` or `attache-<workspace>-….json`,
/// with the workspace name reduced to lowercase ASCII letters, digits and hyphens.
pub fn export_file_name(workspace: Option<&str>, date: &str) -> String {
    let part = match workspace {
        None => "all".to_string(),
        Some(name) => {
            let mut slug = String::new();
            for c in name.chars().flat_map(char::to_lowercase) {
                let c = match c {
                    'à' | 'â' | 'ä' | 'á' => 'a',
                    'é' | 'è' | 'ê' | 'ë' => 'e',
                    'î' | 'ï' | 'í' => 'i',
                    'ô' | 'ö' | 'ó' => 'o',
                    'ù' | 'û' | 'ü' | 'ú' => 'u',
                    'ç' => 'c',
                    c => c,
                };
                if c.is_ascii_alphanumeric() {
                    slug.push(c);
                } else if !slug.ends_with('-') && !slug.is_empty() {
                    slug.push('-');
                }
            }
            let slug = slug.trim_end_matches('-').to_string();
            if slug.is_empty() {
                "workspace".into()
            } else {
                slug
            }
        }
    };
    format!("attache-{part}-{date}.json")
}
