//! Embeds every `packs/*.toml` file into the crate as a built-in pack, in file-name
//! order, so the native tests, the CLI and the wasm build all ship the same packs.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("packs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    let mut out = String::from("&[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("]\n");
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("builtin_packs.rs"), out).unwrap();

    // One test per shipped pack, run by tests/pack_examples.rs.
    let mut tests = String::new();
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy().replace('-', "_");
        let name = f.file_name().unwrap().to_string_lossy();
        tests.push_str(&format!(
            "#[test]\nfn examples_of_{stem}() {{\n    run_pack_examples({name:?});\n}}\n\n"
        ));
    }
    fs::write(Path::new(&out_dir).join("pack_example_tests.rs"), tests).unwrap();
}
