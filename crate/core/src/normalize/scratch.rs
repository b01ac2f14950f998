//! The buffers of normalised fields, kept for the next field normalised on the same
//! thread: a lint normalises every field of a listing and drops them all at its end, so
//! the next lint (the next keystroke, the next row of a catalogue) finds its text, key
//! and token buffers already allocated. In the wasm, each allocation is a call into the
//! allocator compiled to wasm, several per field; this takes most of them off a lint.
//!
//! What it does not do: keep large buffers (a long description's are given back to the
//! allocator, not held after its lint), or more than [`KEEP`] sets.

use super::Token;
use std::cell::RefCell;

/// The most sets of buffers kept per thread: more than the fields of a listing.
const KEEP: usize = 32;

/// The largest buffer kept, in bytes (a field of a few thousand characters).
const LARGEST: usize = 16 << 10;

/// A normalised field's buffers, empty.
#[derive(Default)]
pub(super) struct Buffers {
    pub text: String,
    pub keys: String,
    pub tokens: Vec<Token>,
}

thread_local! {
    static KEPT: RefCell<Vec<Buffers>> = const { RefCell::new(Vec::new()) };
}

/// A set of kept buffers, or new ones.
pub(super) fn take() -> Buffers {
    KEPT.try_with(|k| k.try_borrow_mut().ok().and_then(|mut k| k.pop()))
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Keeps `b`'s buffers, emptied, unless they are large or enough are kept.
pub(super) fn keep(mut b: Buffers) {
    let tokens = b.tokens.capacity() * std::mem::size_of::<Token>();
    if b.text.capacity().max(b.keys.capacity()).max(tokens) > LARGEST {
        return;
    }
    b.text.clear();
    b.keys.clear();
    b.tokens.clear();
    let _ = KEPT.try_with(|k| {
        if let Ok(mut k) = k.try_borrow_mut() {
            if k.len() < KEEP {
                k.push(b);
            }
        }
    });
}
