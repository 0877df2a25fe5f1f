//! The JSON Schema of what [`crate::yaml`] reads, for the schemas an editor checks files with
//! (`careersite schema`): each [`Scalar`] states its own, and a struct's comes from its derive.

use schemars::{Schema, json_schema};
use serde_json::{Map, Value, json};

use super::{Scalar, Written};

/// The schema of a [`Scalar`], from how it says it is written.
pub fn scalar<T: Scalar>() -> Schema {
    let mistake = format!("This is not {}: {}.", T::WHAT, T::HOW);
    match T::WRITTEN {
        Written::Words(words) => json_schema!({ "type": "string", "enum": words }),
        Written::Number { min, max } => json_schema!({
            "type": "integer",
            "minimum": min,
            "maximum": max,
        }),
        Written::Text { pattern, examples } => json_schema!({
            "type": "string",
            "pattern": pattern,
            "examples": examples,
            // What the YAML language server says when the pattern turns a value away.
            "patternErrorMessage": mistake,
        }),
        Written::NumberOrText {
            min,
            max,
            pattern,
            examples,
        } => json_schema!({
            "type": ["integer", "string"],
            "minimum": min,
            "maximum": max,
            "pattern": pattern,
            "examples": examples,
            "patternErrorMessage": mistake,
        }),
    }
}

/// Adds to a struct's schema the other names its fields may be written with (`who` for
/// `responsible`), each with the field's schema, and never beside the field itself.
pub fn also_named(names: &'static [(&'static str, &'static str)]) -> impl FnMut(&mut Schema) {
    move |schema: &mut Schema| {
        let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
            return;
        };
        let mut exclusions = Vec::new();
        for &(alias, field) in names {
            let Some(Value::Object(of_field)) = properties.get(field).cloned() else {
                continue;
            };
            let mut of_alias: Map<String, Value> = of_field;
            of_alias.insert(
                "description".into(),
                format!("Another name for `{field}`: write one or the other.").into(),
            );
            properties.insert(alias.into(), of_alias.into());
            exclusions.push(json!({ "not": { "required": [alias, field] } }));
        }
        if !exclusions.is_empty() {
            let all_of = schema.ensure_object().entry("allOf").or_insert(json!([]));
            if let Value::Array(all_of) = all_of {
                all_of.extend(exclusions);
            }
        }
    }
}

/// A type read as another (its fields checked as a whole after reading) has that type's schema.
macro_rules! schema_as {
    ($type:ty, $written:ty) => {
        impl schemars::JsonSchema for $type {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                <$written as schemars::JsonSchema>::schema_name()
            }

            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                <$written as schemars::JsonSchema>::json_schema(generator)
            }
        }
    };
}
pub(crate) use schema_as;
