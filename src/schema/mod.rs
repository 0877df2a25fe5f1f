//! JSON Schemas (draft-07) for the data files and page front matter, made from the very types
//! that parse them, so that an editor checks a file as it is typed by the rules the build
//! applies. The YAML language server (VS Code's YAML extension and others) reads the schema
//! named on a file's first line: `# yaml-language-server: $schema=.schemas/site.schema.json`.
//!
//! What a schema cannot say (an event that ends before it starts, routes that do not add up to
//! the cohort) is left to `check` and `serve`; docs/editors.md lists it.

mod fields;

use std::path::Path;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::config::SiteConfig;
use crate::diagnostic::Diagnostic;
use crate::load;
use crate::model::{
    ActionPlan, Evaluation, Events, FrontMatter, Photos, Programme, SelfAssessment,
};
pub use fields::{Field, fields};

/// The folder under `content/` the schemas are written to. Its name starts with a dot, so it is
/// never published.
pub const FOLDER: &str = ".schemas";

/// How every schema's title starts, by which careersite knows a schema file as its own.
const TITLE_START: &str = "careersite: ";

/// Each file careersite reads as YAML, the schema for it, and the schema's file name.
pub struct FileSchema {
    /// The data file, such as `site.yaml`, or `None` for the front matter of every page.
    pub data_file: Option<&'static str>,
    pub schema_file: &'static str,
    pub schema: Value,
}

impl FileSchema {
    /// The line that names the schema at the top of a data file directly under `content/`.
    pub fn first_line(&self) -> String {
        format!(
            "# yaml-language-server: $schema={FOLDER}/{}",
            self.schema_file
        )
    }
}

/// The schemas for every data file and for front matter, in the order docs/content.md
/// describes the files.
pub fn all() -> Vec<FileSchema> {
    vec![
        file::<SiteConfig>(Some(load::CONFIG_FILE), "site.schema.json"),
        file::<Programme>(Some(load::PROGRAMME_FILE), "programme.schema.json"),
        file::<SelfAssessment>(Some(load::SELF_ASSESSMENT_FILE), "benchmarks.schema.json"),
        file::<ActionPlan>(Some(load::ACTION_PLAN_FILE), "action-plan.schema.json"),
        file::<Evaluation>(Some(load::EVALUATION_FILE), "evaluation.schema.json"),
        file::<Events>(Some(load::EVENTS_FILE), "events.schema.json"),
        file::<Photos>(Some(load::PHOTOS_FILE), "photos.schema.json"),
        file::<FrontMatter>(None, "page.schema.json"),
    ]
}

fn file<T: JsonSchema>(data_file: Option<&'static str>, schema_file: &'static str) -> FileSchema {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    let title = match data_file {
        Some(name) => format!("{TITLE_START}content/{name}"),
        None => format!("{TITLE_START}the front matter of a page"),
    };
    schema["title"] = title.into();
    leave_descriptions_to_fields(&mut schema);
    each_object(&mut schema, &|object| {
        unwrap_description(object);
        let_text_take_any_scalar(object);
        close(object);
    });
    FileSchema {
        data_file,
        schema_file,
        schema,
    }
}

/// The schema's text, the same bytes on every run: keys in alphabetical order.
pub fn text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema is JSON");
    text.push('\n');
    text
}

/// An editor shows a field's description where the field is typed; a type's own description
/// (written for careersite's developers) would show instead where a field has none.
fn leave_descriptions_to_fields(schema: &mut Value) {
    if let Some(root) = schema.as_object_mut() {
        root.remove("description");
    }
    if let Some(Value::Object(definitions)) = schema.get_mut("definitions") {
        for definition in definitions.values_mut() {
            if let Some(definition) = definition.as_object_mut() {
                definition.remove("description");
            }
        }
    }
}

/// Calls `rule` on every object in `value`, however deep: each set of fields and each
/// field's own schema.
fn each_object(value: &mut Value, rule: &impl Fn(&mut Map<String, Value>)) {
    match value {
        Value::Object(object) => {
            rule(object);
            object.values_mut().for_each(|v| each_object(v, rule));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| each_object(v, rule)),
        _ => {}
    }
}

/// A description is written over several lines of a doc comment; an editor wraps it itself.
/// The YAML language server shows `description` as plain text, backticks and all, and
/// `markdownDescription`, which it prefers, with `red` set as code.
fn unwrap_description(object: &mut Map<String, Value>) {
    if let Some(Value::String(description)) = object.get("description") {
        let description = description.split_whitespace().collect::<Vec<_>>().join(" ");
        object.insert("markdownDescription".into(), description.clone().into());
        object.insert("description".into(), description.into());
    }
}

/// Free text is read from whatever one value was written (`location: 101`, a room), so a
/// field of text without a pattern or words of its own takes a number or `true` too.
fn let_text_take_any_scalar(object: &mut Map<String, Value>) {
    if object.contains_key("pattern") || object.contains_key("enum") {
        return;
    }
    let widened = match object.get("type") {
        Some(Value::String(kind)) if kind == "string" => json!(["string", "number", "boolean"]),
        Some(Value::Array(kinds)) if kinds == &[json!("string"), json!("null")] => {
            json!(["string", "number", "boolean", "null"])
        }
        _ => return,
    };
    object.insert("type".into(), widened);
}

/// A key careersite does not know is a mistake in a data file (and ignored with a warning in
/// front matter), so every set of fields is closed; a map (Compass scores, `extra`) says what
/// its values are instead.
fn close(object: &mut Map<String, Value>) {
    if object.contains_key("properties") && !object.contains_key("additionalProperties") {
        object.insert("additionalProperties".into(), false.into());
    }
}

/// Writes `files` (made by [`all`]) into `content/.schemas/`, replacing only schemas careersite
/// wrote: a file there of anyone else's is left as it was, and nothing is written.
pub fn write(content: &Path, files: &[FileSchema]) -> Result<(), Diagnostic> {
    let folder = content.join(FOLDER);
    for file in files {
        let path = folder.join(file.schema_file);
        if !replaceable(&path)? {
            return Err(Diagnostic::error(format!(
                "{} is not a schema careersite wrote, so it is left as it is",
                path.display()
            ))
            .with_help("move it out of content/.schemas/, then run careersite schema again"));
        }
    }
    std::fs::create_dir_all(&folder).map_err(|err| Diagnostic::io("create", &folder, &err))?;
    for file in files {
        let path = folder.join(file.schema_file);
        std::fs::write(&path, text(&file.schema))
            .map_err(|err| Diagnostic::io("write", &path, &err))?;
    }
    Ok(())
}

/// Whether `path` is free to write: not there, or a schema careersite wrote (JSON whose title
/// is one of careersite's), and never a link to somewhere else.
fn replaceable(path: &Path) -> Result<bool, Diagnostic> {
    match std::fs::symlink_metadata(path) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(err) => return Err(Diagnostic::io("read", path, &err)),
        Ok(meta) if !meta.is_file() => return Ok(false),
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).map_err(|err| Diagnostic::io("read", path, &err))?;
    let ours = serde_json::from_slice::<Value>(&bytes)
        .ok()
        .is_some_and(|schema| {
            schema["title"]
                .as_str()
                .is_some_and(|title| title.starts_with(TITLE_START))
        });
    Ok(ours)
}

/// Whether a data file's text names its schema, on a comment line before its first key.
pub fn named_in(text: &str) -> bool {
    text.lines()
        .take_while(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
        .any(|line| line.contains("yaml-language-server:") && line.contains("$schema="))
}

/// A data file's text with the line naming its schema on top, unless it names one already.
pub fn with_first_line(text: &str, file: &FileSchema) -> String {
    if named_in(text) {
        text.to_string()
    } else {
        format!("{}\n{text}", file.first_line())
    }
}
