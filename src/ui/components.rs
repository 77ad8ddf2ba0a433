//! Parts shared by several screens.

pub mod status_line;
pub mod workspace_switcher;
