//! CSV as spreadsheets read it (RFC 4180): cells quoted when they hold a comma, a quote or
//! a line break, lines ended by CRLF, and a cell a spreadsheet would run as a formula made
//! inert. Files for spreadsheet users start with a byte-order mark ([`BOM`]) so accents
//! open right.

/// The UTF-8 byte-order mark, first in a file meant for a spreadsheet.
pub const BOM: &str = "\u{feff}";

/// One CSV cell: quoted when it holds a comma, a quote or a line break; a cell a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) starts with `'`.
pub fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A line of cells already written (text through [`cell`], numbers as they are: a negative
/// number is a number to a spreadsheet, not a formula), ended by CRLF.
pub fn line(cells: &[String]) -> String {
    let mut out = cells.join(",");
    out.push_str("\r\n");
    out
}
