//! `packs list` and `packs check`.

use crate::{load_pack, Common};
use listing_guard::{Engine, Lang};

/// Prints each pack: id, version, rule count, languages, marketplaces, name, sources.
pub fn list(args: &[String]) -> Result<u8, String> {
    let mut common = Common::default();
    let mut i = 0;
    while i < args.len() {
        if !common.take(args, &mut i)? {
            return Err(format!("packs list: unknown argument `{}`", args[i]));
        }
        i += 1;
    }
    let lang = common.lang.unwrap_or(Lang::En);
    let engine = common.engine()?;
    for p in engine.packs() {
        let markets = if p.marketplaces.is_empty() {
            "all marketplaces".to_string()
        } else {
            p.marketplaces
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(",")
        };
        println!(
            "{id} {version}  {rules} rules  languages: {langs}  platforms: {markets}{off}\n    {name}: {desc}",
            id = p.id,
            version = p.version,
            rules = p.rule_count,
            langs = p.languages.join(","),
            off = if p.default_enabled { "" } else { "  (off by default)" },
            name = p.name.get(lang),
            desc = p.description.get(lang),
        );
        for s in &p.sources {
            println!(
                "    source: {} <{}> ({}, retrieved {})",
                s.name, s.url, s.license, s.retrieved
            );
        }
    }
    Ok(0)
}

/// Validates each pack file and runs its examples; exit 1 if any example fails.
pub fn check(args: &[String]) -> Result<u8, String> {
    if args.is_empty() {
        return Err("packs check needs at least one FILE".into());
    }
    let mut failed = false;
    for path in args {
        let pack = load_pack(path)?;
        // Built in packs come along so a pack that builds on them (brands' product types)
        // is checked as it will run; its own examples are the ones run.
        let mut packs: Vec<_> = listing_guard::builtin_packs()
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|p| p.info().id != pack.info().id)
            .collect();
        let id = pack.info().id.clone();
        let rules = pack.info().rule_count;
        packs.push(pack);
        let engine = Engine::new(packs).map_err(|e| format!("{path}: {e}"))?;
        let failures = engine.check_examples(Some(&id));
        if failures.is_empty() {
            println!("{path}: pack `{id}`: {rules} rules, every example passes");
        } else {
            failed = true;
            println!("{path}: pack `{id}`: {} example(s) fail", failures.len());
            for f in failures {
                println!("  {f}");
            }
        }
    }
    Ok(u8::from(failed))
}
