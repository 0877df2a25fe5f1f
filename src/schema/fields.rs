//! The fields a schema describes, each with its path in the file (`years[].activities[].term`)
//! and its description: for the field tables of docs/content.md, which are made from them and
//! checked against them, so that the words an editor shows and the words the docs give are one.

use serde_json::Value;

/// A field of a data file or of front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// `school.name`; `[]` marks a list: `years[].activities[].term`.
    pub path: String,
    pub description: Option<String>,
}

/// Every field of `schema`, each followed by the fields inside it, in alphabetical order.
/// A set of fields defined once and used in several places is listed at each; one that holds
/// itself (a requirement's `parts`) is listed once, at its first place.
pub fn fields(schema: &Value) -> Vec<Field> {
    let mut found = Vec::new();
    let mut within = Vec::new();
    collect(schema, schema, "", true, &mut within, &mut found);
    found
}

fn collect<'s>(
    root: &'s Value,
    schema: &'s Value,
    path: &str,
    defined: bool,
    within: &mut Vec<&'s str>,
    found: &mut Vec<Field>,
) {
    if let Some(name) = reference(schema) {
        if within.contains(&name) {
            return;
        }
        within.push(name);
        if let Some(definition) = root.get("definitions").and_then(|d| d.get(name)) {
            collect(root, definition, path, true, within, found);
        }
        within.pop();
        return;
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        for part in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            collect(root, part, path, false, within, found);
        }
    }
    if let Some(items) = schema.get("items") {
        collect(root, items, &format!("{path}[]"), false, within, found);
    }
    // Only a file, or a set of fields defined for the file, has fields of its own; a map's
    // keys (the routes of a year's destinations) are values.
    if defined {
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, field) in properties.into_iter().flatten() {
            let path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            let description = field
                .get("description")
                .and_then(Value::as_str)
                .map(String::from);
            found.push(Field {
                path: path.clone(),
                description,
            });
            collect(root, field, &path, false, within, found);
        }
    }
}

fn reference(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/definitions/"))
}
