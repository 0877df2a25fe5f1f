//! Help while typing: `careersite schema` writes a JSON Schema (draft-07) for site.yaml, each
//! careers data file and page front matter, which the YAML language server (VS Code's YAML
//! extension) checks a file against as it is typed. Here the schemas are judged by an
//! independent validator (boon), and against careersite's own reading of the same files, so
//! that what an editor accepts and what a build accepts are the same.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use careersite::config::SiteConfig;
use careersite::diagnostic::Severity;
use careersite::model::{
    ActionPlan, Evaluation, Events, FrontMatter, Photos, Programme, SelfAssessment,
};
use careersite::yaml::{self, Source};
use common::{DATA_FILES, TestSite, copy_tree, repo_root, schema_file};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

/// The schemas `careersite schema` writes for the site at `root`.
fn written_schemas(root: &Path) -> BTreeMap<String, Value> {
    let run =
        common::careersite(&["schema".as_ref(), "--root".as_ref(), root.as_os_str()]).success();
    assert!(
        run.stdout().contains("content/.schemas"),
        "{}",
        run.stdout()
    );
    std::fs::read_dir(root.join("content/.schemas"))
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let text = std::fs::read_to_string(entry.path()).unwrap();
            (
                entry.file_name().to_string_lossy().into_owned(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect()
}

fn schemas() -> BTreeMap<String, Value> {
    let site = TestSite::new();
    site.write("content/site.yaml", "school:\n  name: Schema School\n");
    written_schemas(site.root())
}

/// An independent validator's verdict: `Err` holds what it says is wrong.
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    fn new(schema: &Value) -> Self {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        // boon checks the schema against the draft-07 meta-schema as it compiles it.
        compiler
            .add_resource("file:///schema.json", schema.clone())
            .unwrap();
        let index = compiler
            .compile("file:///schema.json", &mut schemas)
            .unwrap_or_else(|err| panic!("not a valid schema: {err:#}"));
        Validator { schemas, index }
    }

    fn check(&self, instance: &Value) -> Result<(), String> {
        self.schemas
            .validate(instance, self.index)
            .map_err(|err| format!("{err:#}"))
    }
}

/// YAML as the YAML language server reads it: a document of JSON values.
fn as_json(yaml_text: &str) -> Value {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml_text).unwrap();
    let value = serde_json::to_value(value).unwrap();
    // An empty document is an empty set of fields, for careersite and the editor alike.
    if value.is_null() { json!({}) } else { value }
}

/// careersite's own reading of `text` as `file` (a data file's name, or `page` for front
/// matter), keys it does not know being errors: the problems it finds, if any.
fn careersite_reads(file: &str, text: &str) -> Result<(), Vec<String>> {
    fn read<T: DeserializeOwned>(text: &str) -> Result<(), Vec<String>> {
        let source = Source {
            file: Path::new("content/file.yaml"),
            text,
            first_line: 1,
            unknown_keys: Severity::Error,
        };
        yaml::parse::<T>(source)
            .map(|_| ())
            .map_err(|problems| problems.into_iter().map(|p| p.message).collect())
    }
    match file {
        "site.yaml" => read::<SiteConfig>(text),
        "programme.yaml" => read::<Programme>(text),
        "benchmarks.yaml" => read::<SelfAssessment>(text),
        "action-plan.yaml" => read::<ActionPlan>(text),
        "evaluation.yaml" => read::<Evaluation>(text),
        "events.yaml" => read::<Events>(text),
        "photos.yaml" => read::<Photos>(text),
        "page" => read::<FrontMatter>(text),
        other => panic!("no such file: {other}"),
    }
}

/// The front matter of a Markdown page, if it has any.
fn front_matter(page: &str) -> Option<&str> {
    let rest = page.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    Some(&rest[..end + 1])
}

#[test]
fn every_data_file_and_page_of_every_example_passes_its_schema() {
    let mut checked = 0;
    for example in ["", "examples/primary", "examples/college", "examples/plans"] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(
            &repo_root().join(example).join("content"),
            &dir.path().join("content"),
        );
        let schemas = written_schemas(dir.path());
        for file in DATA_FILES {
            let Ok(text) = std::fs::read_to_string(dir.path().join("content").join(file)) else {
                continue;
            };
            let verdict = Validator::new(&schemas[&schema_file(file)]).check(&as_json(&text));
            assert_eq!(verdict, Ok(()), "{example}/content/{file}");
            checked += 1;
        }
        let page_schema = Validator::new(&schemas["page.schema.json"]);
        for entry in walkdir::WalkDir::new(dir.path().join("content")) {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap();
                if let Some(yaml) = front_matter(&text) {
                    let verdict = page_schema.check(&as_json(yaml));
                    assert_eq!(verdict, Ok(()), "{}", path.display());
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 30, "only {checked} files were checked");
}

/// A small file that is right, and mistakes in it that its schema and careersite both turn
/// away: each mistake as the text it replaces and the text it becomes.
struct Mistakes {
    file: &'static str,
    right: &'static str,
    wrong: &'static [(&'static str, &'static str)],
}

const MISTAKES: &[Mistakes] = &[
    Mistakes {
        file: "site.yaml",
        right: "school:\n  name: Oak Academy\n  phase: secondary\n  years: 7 to 13\nurl: https://www.oak.sch.uk/careers/\nreview:\n  last: 2026-07-13\n  next: 2027-07-12\naudiences: [pupils, parents]\n",
        wrong: &[
            (
                "  name: Oak Academy\n",
                "  name: Oak Academy\n  colour: green\n",
            ),
            ("  last: 2026-07-13", "  last: 13/07/2026"),
            ("  phase: secondary", "  phase: grammar"),
            (
                "audiences: [pupils, parents]",
                "audiences: [pupils, governors]",
            ),
            (
                "url: https://www.oak.sch.uk/careers/",
                "url: www.oak.sch.uk/careers",
            ),
            ("  years: 7 to 13", "  years: Key Stage 3"),
        ],
    },
    Mistakes {
        file: "programme.yaml",
        right: "years:\n  - year: 7\n    activities:\n      - title: Careers fair\n        term: spring\n        benchmarks: [2, 5]\n        date: 2027-02-04\n",
        wrong: &[
            ("benchmarks: [2, 5]", "benchmarks: [2, 9]"),
            ("term: spring", "term: winter"),
            ("  - year: 7", "  - year: 14"),
            ("  - year: 7", "  - year: 0"),
            (
                "        term: spring\n",
                "        term: spring\n        room: Hall\n",
            ),
            ("date: 2027-02-04", "date: 4th February"),
        ],
    },
    Mistakes {
        file: "benchmarks.yaml",
        right: "assessed: 2026-06-29\nbenchmarks:\n  - benchmark: 1\n    requirements:\n      - requirement: Has a written programme\n        progress: green\n        priority: 2\n",
        wrong: &[
            ("progress: green", "progress: purple"),
            ("benchmark: 1", "benchmark: 9"),
            ("priority: 2", "priority: 4"),
            ("assessed: 2026-06-29", "assessed: June"),
            (
                "        priority: 2\n",
                "        priority: 2\n        rating: green\n",
            ),
        ],
    },
    Mistakes {
        file: "action-plan.yaml",
        right: "plan:\n  period: 2021-2024\n  review: spring 2023\nactions:\n  - benchmark: 3\n    actions:\n      - action: Track destinations\n        deadline: autumn 2022\n        who: Careers Leader\n",
        wrong: &[
            ("deadline: autumn 2022", "deadline: next term"),
            ("benchmark: 3", "benchmark: 9"),
            ("period: 2021-2024", "period: three years"),
            ("review: spring 2023", "review: soon"),
            (
                "        who: Careers Leader\n",
                "        who: Careers Leader\n        responsible: Head\n",
            ),
            ("  - benchmark: 3\n", "  - benchmark: 3\n    owner: Head\n"),
        ],
    },
    Mistakes {
        file: "evaluation.yaml",
        right: "compass:\n  - date: 2026-06\n    scores: {1: 100, 8: 75}\nfeedback:\n  - survey: Year 11 interviews\n    audience: pupils\n    respondents: 120\n    results:\n      - statement: It helped\n        agree: 89\ndestinations:\n  - year: 2026\n    leaving: Year 11\n    cohort: 10\n    routes:\n      further-education: 10\n",
        wrong: &[
            ("scores: {1: 100, 8: 75}", "scores: {1: 100, 9: 75}"),
            ("agree: 89", "agree: 189"),
            ("date: 2026-06", "date: summer"),
            ("further-education: 10", "college: 10"),
            ("audience: pupils", "audience: governors"),
            (
                "    respondents: 120\n",
                "    respondents: 120\n    method: paper\n",
            ),
        ],
    },
    Mistakes {
        file: "events.yaml",
        right: "events:\n  - title: Options evening\n    start: 2027-01-28T18:00\n    end: 2027-01-28T20:00\n    audiences: [parents]\n    benchmarks: [3]\n",
        wrong: &[
            ("start: 2027-01-28T18:00", "start: 28/01/2027 6pm"),
            ("start: 2027-01-28T18:00", "start: 2207-01-28T18:00"),
            ("benchmarks: [3]", "benchmarks: [9]"),
            (
                "    audiences: [parents]\n",
                "    audiences: [parents]\n    room: Hall\n",
            ),
        ],
    },
    Mistakes {
        file: "page",
        right: "title: Work experience\ndate: 2026-03-03\naudiences: [pupils]\nbenchmarks: [6]\nweight: 2\n",
        wrong: &[
            ("benchmarks: [6]", "benchmarks: [0]"),
            ("date: 2026-03-03", "date: March"),
            ("audiences: [pupils]", "audiences: [everyone]"),
            ("weight: 2\n", "weight: 2\norder: 3\n"),
            (
                "title: Work experience\n",
                "title: Work experience\nlayout: wide\n",
            ),
        ],
    },
];

#[test]
fn each_files_schema_turns_away_the_mistakes_careersite_turns_away() {
    let schemas = schemas();
    for mistakes in MISTAKES {
        let schema = Validator::new(&schemas[&schema_file(mistakes.file)]);
        let right = mistakes.right;
        assert_eq!(schema.check(&as_json(right)), Ok(()), "{right}");
        assert_eq!(careersite_reads(mistakes.file, right), Ok(()), "{right}");
        for (from, to) in mistakes.wrong {
            assert!(right.contains(from), "{from}");
            let wrong = right.replacen(from, to, 1);
            assert!(
                schema.check(&as_json(&wrong)).is_err(),
                "{}: the schema accepts `{to}`",
                mistakes.file
            );
            assert!(
                careersite_reads(mistakes.file, &wrong).is_err(),
                "{}: careersite accepts `{to}`",
                mistakes.file
            );
        }
    }
}

/// What a schema says a value is, past references and the wrapping of a field's description.
fn resolve<'s>(root: &'s Value, schema: &'s Value) -> &'s Value {
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/definitions/"))
    {
        return resolve(root, &root["definitions"][name]);
    }
    if schema.get("properties").is_some() {
        return schema;
    }
    for key in ["allOf", "anyOf"] {
        if let Some(first) = schema
            .get(key)
            .and_then(Value::as_array)
            .and_then(|parts| parts.iter().find(|p| p["type"] != "null"))
        {
            return resolve(root, first);
        }
    }
    schema
}

/// A field's other name, which a value sampled in full leaves out (careersite refuses both).
fn aliases(schema: &Value) -> BTreeSet<&str> {
    let pairs = schema.get("allOf").and_then(Value::as_array);
    pairs
        .into_iter()
        .flatten()
        .filter_map(|pair| pair["not"]["required"][0].as_str())
        .collect()
}

/// A value the schema accepts, every field given, every list empty.
fn sample(root: &Value, schema: &Value) -> Value {
    let schema = resolve(root, schema);
    if let Some(first) = schema.get("enum").and_then(|e| e.get(0)) {
        return first.clone();
    }
    if let Some(first) = schema.get("examples").and_then(|e| e.get(0)) {
        return first.clone();
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        let aliases = aliases(schema);
        return properties
            .iter()
            .filter(|(name, _)| !aliases.contains(name.as_str()))
            .map(|(name, field)| (name.clone(), sample(root, field)))
            .collect::<Map<_, _>>()
            .into();
    }
    let kind = match &schema["type"] {
        Value::Array(kinds) => kinds.iter().find(|k| *k != "null").cloned(),
        kind => Some(kind.clone()),
    };
    match kind.as_ref().and_then(Value::as_str) {
        Some("string") => json!("text"),
        Some("integer" | "number") => schema.get("minimum").cloned().unwrap_or(json!(1)),
        Some("boolean") => json!(false),
        Some("array") => json!([]),
        _ => json!({}),
    }
}

/// The value at `path` (`years[].activities[]`) in `doc`, made from the schema where it is
/// not there yet: a list gets one item.
fn at<'d>(root: &Value, doc: &'d mut Value, path: &str) -> (&'d mut Value, Value) {
    let mut schema = root.clone();
    let mut here = doc;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, into_list) = match part.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (part, false),
        };
        let field = resolve(root, &schema)["properties"][name].clone();
        let object = here.as_object_mut().expect("fields are in a set of fields");
        here = object.entry(name).or_insert_with(|| sample(root, &field));
        schema = field;
        if into_list {
            let items = resolve(root, &schema)["items"].clone();
            let list = here.as_array_mut().expect("a list");
            if list.is_empty() {
                list.push(sample(root, &items));
            }
            here = &mut list[0];
            schema = items;
        }
    }
    (here, schema)
}

/// Sets the field at `path` to `value`, and each field beside it of the same kind too, so that
/// the fields a record checks against each other (an event's start and end) agree.
fn set_alike(root: &Value, doc: &mut Value, path: &str, value: Value) {
    let (parent, name) = path.rsplit_once('.').unwrap_or(("", path));
    let (record, schema) = at(root, doc, parent);
    let fields = &resolve(root, &schema)["properties"];
    // What a field takes, whether or not it may be left empty.
    let kind = |field: &Value| {
        let mut field = resolve(root, field).clone();
        if let Some(field) = field.as_object_mut() {
            field.remove("description");
            field.remove("markdownDescription");
            field.remove("default");
            if let Some(Value::Array(kinds)) = field.get_mut("type") {
                kinds.retain(|k| k != "null");
                if kinds.len() == 1 {
                    let only = kinds[0].clone();
                    field.insert("type".into(), only);
                }
            }
        }
        field
    };
    let own = kind(&fields[name]);
    for (other, field) in fields.as_object().unwrap() {
        if other == name || (kind(field) == own && record.get(other).is_some()) {
            record[other] = value.clone();
        }
    }
}

fn as_yaml(doc: &Value) -> String {
    serde_yaml::to_string(doc).unwrap()
}

/// The names careersite says it takes, when told of an unknown one: "unknown field `x`,
/// expected one of `a`, `b`".
fn named_in_refusal(problems: &[String]) -> BTreeSet<String> {
    let refusal = problems
        .iter()
        .find(|p| p.starts_with("unknown field `zz_not_a_field`"))
        .unwrap_or_else(|| panic!("no refusal of the unknown field: {problems:?}"));
    refusal
        .split('`')
        .skip(3)
        .step_by(2)
        .map(String::from)
        .collect()
}

/// Each file's name as careersite reads it, with its schema.
fn files_and_schemas() -> Vec<(&'static str, Value)> {
    let schemas = schemas();
    DATA_FILES
        .iter()
        .chain(&["page"])
        .map(|&file| (file, schemas[&schema_file(file)].clone()))
        .collect()
}

#[test]
fn every_set_of_fields_in_the_schemas_is_the_set_careersite_reads() {
    let mut sets = 0;
    for (file, root) in files_and_schemas() {
        let fields = careersite::schema::fields(&root);
        let places = std::iter::once(String::new()).chain(fields.iter().filter_map(|field| {
            let schema = at(&root, &mut sample(&root, &root), &field.path).1;
            let resolved = resolve(&root, &schema);
            let value = resolved
                .get("items")
                .map_or(resolved, |items| resolve(&root, items));
            let in_list = resolved.get("items").is_some();
            value
                .get("properties")
                .filter(|_| value.get("$ref").is_none())
                .map(|_| {
                    if in_list {
                        format!("{}[]", field.path)
                    } else {
                        field.path.clone()
                    }
                })
        }));
        for place in places {
            let mut doc = sample(&root, &root);
            let (target, schema) = at(&root, &mut doc, &place);
            let Some(object) = target.as_object_mut() else {
                continue;
            };
            let properties = &resolve(&root, &schema)["properties"];
            // A map of routes is values, not fields: careersite reads any route it knows.
            if place.ends_with("routes") {
                continue;
            }
            object.insert("zz_not_a_field".into(), json!("x"));
            let problems = careersite_reads(file, &as_yaml(&doc)).unwrap_err();
            let in_schema: BTreeSet<String> =
                properties.as_object().unwrap().keys().cloned().collect();
            assert_eq!(
                named_in_refusal(&problems),
                in_schema,
                "{file}: the fields at `{place}`"
            );
            sets += 1;
        }
    }
    assert!(sets >= 25, "only {sets} sets of fields were compared");
}

#[test]
fn every_value_the_schemas_offer_is_one_careersite_reads() {
    let mut offered = 0;
    for (file, root) in files_and_schemas() {
        let full = sample(&root, &root);
        assert_eq!(careersite_reads(file, &as_yaml(&full)), Ok(()), "{file}");
        for field in careersite::schema::fields(&root) {
            // A field's other name takes the same values; given beside the field, it is refused.
            if field
                .description
                .as_deref()
                .unwrap_or_default()
                .starts_with("Another name")
            {
                continue;
            }
            let (_, schema) = at(&root, &mut full.clone(), &field.path);
            let resolved = resolve(&root, &schema);
            let (value, in_list) = match resolved.get("items") {
                Some(items) => (resolve(&root, items), true),
                None => (resolved, false),
            };
            let words = value.get("enum").and_then(Value::as_array);
            let examples = value.get("examples").and_then(Value::as_array);
            for offer in words.into_iter().chain(examples).flatten() {
                let mut doc = full.clone();
                let value = if in_list {
                    json!([offer])
                } else {
                    offer.clone()
                };
                set_alike(&root, &mut doc, &field.path, value);
                fit_the_record_to(&mut doc, &field.path, offer);
                assert_eq!(
                    careersite_reads(file, &as_yaml(&doc)),
                    Ok(()),
                    "{file}: `{}` offers {offer}",
                    field.path
                );
                offered += 1;
            }
            // A number's range is careersite's: one past it is refused by both.
            if let Some(max) = value.get("maximum").and_then(Value::as_u64) {
                let mut doc = full.clone();
                let (slot, _) = at(&root, &mut doc, &field.path);
                *slot = if in_list {
                    json!([max + 1])
                } else {
                    json!(max + 1)
                };
                assert!(
                    careersite_reads(file, &as_yaml(&doc)).is_err(),
                    "{file}: `{}` reads {}",
                    field.path,
                    max + 1
                );
                assert!(Validator::new(&root).check(&doc).is_err());
            }
        }
    }
    assert!(offered > 60, "only {offered} values were offered");
}

/// The one value whose record must change with it: the DfE's destination figures are for
/// Year 11 or Year 13 leavers, in the DfE's routes, which the sample's others are not.
fn fit_the_record_to(doc: &mut Value, path: &str, offer: &Value) {
    if path == "destinations[].source" && offer == "dfe" {
        let leavers = &mut doc["destinations"][0];
        leavers["leaving"] = json!("Year 11");
        leavers["routes"] = json!({});
    }
}

#[test]
fn every_field_says_what_it_is_for() {
    for (file, root) in files_and_schemas() {
        for field in careersite::schema::fields(&root) {
            let description = field.description.unwrap_or_default();
            assert!(
                description.ends_with('.') && description.len() > 12,
                "{file}: `{}` has no description an editor could show",
                field.path
            );
        }
    }
}

#[test]
fn the_schemas_are_the_same_bytes_every_run_and_never_published() {
    let site = TestSite::example();
    let read = |site: &TestSite| -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(site.root().join("content/.schemas"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    written_schemas(site.root());
    let first = read(&site);
    assert_eq!(first.len(), 8, "{:?}", first.keys());
    written_schemas(site.root());
    assert_eq!(read(&site), first);
    site.build().success();
    let published: Vec<String> = site
        .snapshot()
        .into_keys()
        .filter(|path| path.contains("schema"))
        .collect();
    assert_eq!(published, Vec::<String>::new());
}

#[test]
fn schema_leaves_a_file_it_did_not_write_as_it_was() {
    let site = TestSite::new();
    site.write("content/.schemas/site.schema.json", "{\"mine\": true}\n");
    let run = common::careersite(&[
        "schema".as_ref(),
        "--root".as_ref(),
        site.root().as_os_str(),
    ])
    .failure();
    assert!(
        run.stderr().contains("is not a schema careersite wrote"),
        "{}",
        run.stderr()
    );
    let kept = std::fs::read_to_string(site.root().join("content/.schemas/site.schema.json"));
    assert_eq!(kept.unwrap(), "{\"mine\": true}\n");
    assert!(
        !site
            .root()
            .join("content/.schemas/events.schema.json")
            .exists()
    );
}

#[test]
fn schema_leaves_a_file_that_only_mentions_careersite_or_is_not_text_as_it_was() {
    for theirs in [
        b"{\"description\": \"copied from careersite: see the docs\"}\n".to_vec(),
        vec![0xff, 0xfe, 0x00, 0x7b],
    ] {
        let site = TestSite::new();
        site.write("content/.schemas/events.schema.json", &theirs);
        common::careersite(&[
            "schema".as_ref(),
            "--root".as_ref(),
            site.root().as_os_str(),
        ])
        .failure();
        let kept = std::fs::read(site.root().join("content/.schemas/events.schema.json"));
        assert_eq!(kept.unwrap(), theirs);
    }
}

#[test]
fn free_text_may_be_a_number_as_careersite_reads_it() {
    let schemas = schemas();
    let events = Validator::new(&schemas["events.schema.json"]);
    let text = "events:\n  - title: 2027\n    start: 2027-01-28\n    location: 101\n";
    assert_eq!(events.check(&as_json(text)), Ok(()));
    assert_eq!(careersite_reads("events.yaml", text), Ok(()));
}

#[test]
fn init_names_each_data_files_schema_on_its_first_line_and_writes_the_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("school");
    common::careersite(&["init".as_ref(), folder.as_os_str()]).success();
    for file in DATA_FILES {
        let text = std::fs::read_to_string(folder.join("content").join(file)).unwrap();
        let first = text.lines().next().unwrap();
        assert_eq!(
            first,
            format!(
                "# yaml-language-server: $schema=.schemas/{}",
                schema_file(file)
            )
        );
        assert!(
            folder
                .join("content/.schemas")
                .join(schema_file(file))
                .is_file()
        );
    }
    let check = common::careersite(&["check".as_ref(), "--root".as_ref(), folder.as_os_str()]);
    assert!(!check.stdout().contains("schema"), "{}", check.stdout());
}

/// The table of a file's fields in docs/content.md, under the line `<!-- fields: FILE -->`.
fn field_table(root: &Value) -> String {
    let mut table = String::from("| field | what to write |\n|---|---|\n");
    for field in careersite::schema::fields(root) {
        let description = field.description.unwrap_or_default();
        table.push_str(&format!("| `{}` | {description} |\n", field.path));
    }
    table
}

/// docs/content.md gives each file's fields in the words an editor shows for them. Run with
/// `CAREERSITE_WRITE_DOCS=1` to write the tables afresh after changing a field's description.
#[test]
fn the_docs_describe_every_field_in_the_words_the_editor_shows() {
    let path = repo_root().join("docs/content.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut written = String::new();
    let mut rest = doc.as_str();
    for (file, root) in files_and_schemas() {
        let marker = format!("<!-- fields: {file} -->\n");
        let (before, after) = rest
            .split_once(&marker)
            .unwrap_or_else(|| panic!("docs/content.md has no line {marker}"));
        let end = after.find("\n\n").map_or(after.len(), |end| end + 1);
        let expected = field_table(&root);
        if std::env::var_os("CAREERSITE_WRITE_DOCS").is_none() {
            assert_eq!(
                after[..end],
                expected,
                "docs/content.md, the fields of {file}"
            );
        }
        written.push_str(before);
        written.push_str(&marker);
        written.push_str(&expected);
        rest = &after[end..];
    }
    written.push_str(rest);
    if std::env::var_os("CAREERSITE_WRITE_DOCS").is_some() {
        std::fs::write(&path, written).unwrap();
    }
}
