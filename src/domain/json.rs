//! Reading a parsed JSON value as a type. It goes through the value's text and the one
//! deserializer every record already uses (`serde_json::from_str`): `serde_json::from_value`
//! would compile a second copy of each type's deserializer, for the `Value` deserializer
//! (issue 17: the wasm carried both for posts, library items, member records…).

use serde::de::DeserializeOwned;
use serde_json::Value;

/// `value` read as a `T`, or why it is not one.
pub fn read<T: DeserializeOwned>(value: &Value) -> serde_json::Result<T> {
    serde_json::from_str(&value.to_string())
}
