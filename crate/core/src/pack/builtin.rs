//! The packs shipped with Listing Guard, embedded at build time from `packs/*.toml`.

/// Every built-in pack as `(file name, TOML source)`, in file-name order.
pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
    include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"))
}
