//! Validates the built-in packs once, at build time, and writes them in their binary
//! form (`Engine::builtin_binary`) for `src/lib.rs` to embed: the extension's
//! engine then starts without parsing TOML or validating packs. A pack that does not
//! validate fails the build, naming the pack, rule and position.

use std::{env, fs, path::Path};

fn main() {
    let packs = dir_of_core("packs");
    println!("cargo:rerun-if-changed={packs}");
    for f in fs::read_dir(&packs).into_iter().flatten().flatten() {
        println!("cargo:rerun-if-changed={}", f.path().display());
    }
    let bytes =
        listing_guard::Engine::builtin_binary().unwrap_or_else(|e| panic!("built-in packs: {e}"));
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_packs.bin");
    fs::write(out, bytes).unwrap();
}

fn dir_of_core(sub: &str) -> String {
    let here = env::var("CARGO_MANIFEST_DIR").unwrap();
    Path::new(&here)
        .join("../core")
        .join(sub)
        .display()
        .to_string()
}
