//! The README's "How it is built": one pipeline whose modules point one way. No top-level
//! module of `src/` may, through its imports, lead back to itself; nor may a module inside one
//! of its folders (`render/atom.rs`, `render/careers/`), through the others beside it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Each top-level module of `src/` (`load`, `render`, `write.rs`...) and the others it names.
fn imports() -> Graph {
    let mut graph = Graph::new();
    for (module, text) in rust_files(&src()) {
        if module == ["main"] || module == ["lib"] {
            continue;
        }
        let named = graph.entry(module[0].clone()).or_default();
        for path in paths_named(&text, &module) {
            if path[0] != module[0] {
                named.insert(path[0].clone());
            }
        }
    }
    graph
}

/// The modules inside the folder `src/<folder>/` (`atom`, `careers`...) and those of the others
/// each names: directly, or through a name the folder's own module re-exports from one of them
/// (`check::Findings`, from `check/findings.rs`).
fn imports_inside(folder: &str) -> Graph {
    let own = std::fs::read_to_string(src().join(folder).join("mod.rs"))
        .or_else(|_| std::fs::read_to_string(src().join(format!("{folder}.rs"))))
        .unwrap();
    let files: Vec<(Vec<String>, String)> = rust_files(&src().join(folder))
        .into_iter()
        .filter(|(module, _)| !module.is_empty())
        .collect();
    let inside: BTreeSet<&str> = files.iter().map(|(module, _)| module[0].as_str()).collect();
    let mut re_exported = BTreeMap::new();
    for line in own.lines().map(str::trim) {
        if let Some(tree) = line
            .strip_prefix("pub use ")
            .or_else(|| line.strip_prefix("pub(crate) use "))
        {
            for path in use_tree(tree).0 {
                if inside.contains(path[0].as_str()) {
                    re_exported.insert(path[path.len() - 1].clone(), path[0].clone());
                }
            }
        }
    }
    let mut graph = Graph::new();
    for (module, text) in &files {
        let mut from_crate = vec![folder.to_string()];
        from_crate.extend(module.iter().cloned());
        let named = graph.entry(module[0].clone()).or_default();
        for path in paths_named(text, &from_crate) {
            let Some(name) = path.get(1).filter(|_| path[0] == folder) else {
                continue;
            };
            let other = match re_exported.get(name) {
                Some(from) => from,
                None => name,
            };
            if inside.contains(other.as_str()) && *other != module[0] {
                named.insert(other.clone());
            }
        }
    }
    graph
}

/// Every `.rs` file under `folder`, with its module's path from there: `careers/events.rs` is
/// `careers::events`, `careers/mod.rs` is `careers`, and the folder's own `mod.rs` is no path.
fn rust_files(folder: &Path) -> Vec<(Vec<String>, String)> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(folder) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module: Vec<String> = entry
            .path()
            .strip_prefix(folder)
            .unwrap()
            .iter()
            .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_string())
            .filter(|part| part != "mod")
            .collect();
        files.push((module, std::fs::read_to_string(entry.path()).unwrap()));
    }
    files
}

/// The paths `text` names through `crate::` and `super::`, from the crate's root, in the file
/// of the module `module`: in `render::atom`, `super::plan::Plan` is `render::plan::Plan`.
/// `super::` is counted from the file's own module, so a `mod tests` inside one that reaches its
/// file with `use super::*` names nothing else.
fn paths_named(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (at, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if text[..at].ends_with(|c: char| c == ':' || c == '_' || c.is_ascii_alphanumeric()) {
            continue;
        }
        let mut base = module.to_vec();
        let mut rest = &text[at..];
        if let Some(after) = rest.strip_prefix("crate::") {
            base.clear();
            rest = after;
        }
        while let Some(after) = rest.strip_prefix("super::") {
            base.pop();
            rest = after;
        }
        for path in use_tree(rest).0 {
            let full: Vec<String> = base.iter().cloned().chain(path).collect();
            if !full.is_empty() && full[0] != "self" && full[0] != "*" {
                paths.push(full);
            }
        }
    }
    paths
}

/// The paths a use tree at the start of `text` names, and the text after it:
/// `a::{b, c::{d, e}}` names `a::b`, `a::c::d` and `a::c::e`.
fn use_tree(text: &str) -> (Vec<Vec<String>>, &str) {
    let text = text.trim_start();
    if let Some(mut rest) = text.strip_prefix('{') {
        let mut paths = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('}') {
                return (paths, after);
            }
            let (found, after) = use_tree(rest);
            if after.len() == rest.len() {
                // Not a path (a comma, say): step over it.
                let mut chars = rest.chars();
                if chars.next().is_none() {
                    return (paths, rest);
                }
                rest = chars.as_str();
                continue;
            }
            paths.extend(found);
            rest = after;
        }
    }
    let end = text
        .find(|c: char| !(c == '_' || c == '*' || c.is_ascii_alphanumeric()))
        .unwrap_or(text.len());
    let (name, rest) = text.split_at(end);
    if name.is_empty() {
        return (Vec::new(), text);
    }
    match rest.strip_prefix("::") {
        Some(after) => {
            let (below, rest) = use_tree(after);
            let mut paths: Vec<Vec<String>> = below
                .into_iter()
                .map(|path| std::iter::once(name.to_string()).chain(path).collect())
                .collect();
            if paths.is_empty() {
                paths.push(vec![name.to_string()]);
            }
            (paths, rest)
        }
        None => (vec![vec![name.to_string()]], rest),
    }
}

/// A chain of imports that comes back to where it started, if there is one.
fn circle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut found = path[start..].to_vec();
            found.push(module.to_string());
            return Some(found);
        }
        if !done.insert(module.to_string()) {
            return None;
        }
        path.push(module.to_string());
        for next in graph.get(module).into_iter().flatten() {
            if graph.contains_key(next)
                && let Some(found) = visit(next, graph, path, done)
            {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_import_one_way_with_no_circle() {
    let graph = imports();
    assert!(
        graph.contains_key("render") && graph.contains_key("write"),
        "{graph:?}"
    );
    if let Some(found) = circle(&graph) {
        panic!("an import circle: {}", found.join(" -> "));
    }
}

#[test]
fn the_modules_inside_each_folder_import_one_way_with_no_circle() {
    let folders: Vec<String> = std::fs::read_dir(src())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert!(folders.iter().any(|f| f == "render"), "{folders:?}");
    for folder in &folders {
        let graph = imports_inside(folder);
        // A reading that found no imports would find no circle either.
        if folder == "render" {
            assert!(graph["careers"].contains("plan"), "{graph:?}");
        }
        if let Some(found) = circle(&graph) {
            panic!("an import circle inside {folder}/: {}", found.join(" -> "));
        }
    }
}

#[test]
fn the_bottom_modules_import_no_stage() {
    let graph = imports();
    for bottom in ["diagnostic", "output", "files", "yaml", "model"] {
        for stage in [
            "load", "check", "render", "write", "pipeline", "serve", "cmd",
        ] {
            assert!(
                !graph[bottom].contains(stage),
                "{bottom} imports the {stage} stage"
            );
        }
    }
}
