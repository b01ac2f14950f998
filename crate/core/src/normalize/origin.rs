//! The map from the normalised text back to the original, kept compact: one run per
//! stretch where the normalised text copies the original byte for byte in length
//! (ASCII, most CJK, folded Traditional characters), one run per original character
//! elsewhere. A plain-text field of any length costs one run, kept inline (no
//! allocation); the worst case is 12 bytes per original character that changed length.

use std::ops::Range;

/// Bit of [`Run::norm`] set when the run is an identity run.
const SAME: u32 = 1 << 31;

#[derive(Clone, Copy, Debug)]
struct Run {
    /// Start byte in the normalised text, with [`SAME`] set for an identity run: its
    /// bytes map one for one to `orig..orig_end`. Otherwise every byte up to the next
    /// run comes from the original range `orig..orig_end`.
    norm: u32,
    orig: u32,
    orig_end: u32,
}

impl Run {
    fn start(&self) -> usize {
        (self.norm & !SAME) as usize
    }
    fn same(&self) -> bool {
        self.norm & SAME != 0
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct OriginMap {
    /// The first run, inline: most fields have only this one.
    first: Option<Run>,
    /// The runs after the first, in order.
    rest: Vec<Run>,
}

impl OriginMap {
    fn last_mut(&mut self) -> Option<&mut Run> {
        if self.rest.is_empty() {
            self.first.as_mut()
        } else {
            self.rest.last_mut()
        }
    }

    fn push_run(&mut self, run: Run) {
        if self.first.is_none() {
            self.first = Some(run);
        } else {
            self.rest.push(run);
        }
    }

    /// Records that the normalised character at `norm` (of `len` bytes) came from the
    /// original range `start..end`; `single` when it is the only character that range
    /// produced. With `single` and `len == end - start` it may be several characters
    /// copied one for one (an identity stretch).
    #[inline]
    pub fn push(&mut self, norm: usize, len: usize, start: u32, end: u32, single: bool) {
        let norm32 = norm as u32;
        let same = single && (end - start) as usize == len;
        if let Some(last) = self.last_mut() {
            if same && last.same() && last.orig_end == start {
                let run_len = (last.orig_end - last.orig) as usize;
                if last.start() + run_len == norm {
                    last.orig_end = end;
                    return;
                }
            }
            if !same && !last.same() && last.orig == start && last.orig_end == end {
                return;
            }
        }
        self.push_run(Run {
            norm: norm32 | if same { SAME } else { 0 },
            orig: start,
            orig_end: end,
        });
    }

    /// Extends the original range of the last character (at `norm`, `len` bytes, the
    /// end of the normalised text) to `end`: a combining mark that folded to nothing
    /// belongs to the letter before it.
    pub fn extend_last(&mut self, norm: usize, len: usize, end: u32) {
        let Some(last) = self.last_mut() else {
            return;
        };
        if !last.same() {
            last.orig_end = end;
            return;
        }
        let orig = last.orig + (norm - last.start()) as u32;
        if last.start() == norm {
            *last = Run {
                norm: norm as u32,
                orig,
                orig_end: end,
            };
        } else {
            last.orig_end -= len as u32;
            self.push_run(Run {
                norm: norm as u32,
                orig,
                orig_end: end,
            });
        }
    }

    fn run_at(&self, byte: usize) -> Option<&Run> {
        let first = self.first.as_ref().filter(|r| r.start() <= byte)?;
        let i = self.rest.partition_point(|r| r.start() <= byte);
        Some(i.checked_sub(1).map_or(first, |i| &self.rest[i]))
    }

    /// The original offset where the normalised character starting at `byte` starts.
    fn start_of(&self, byte: usize, fallback: usize) -> usize {
        match self.run_at(byte) {
            Some(r) if r.same() => r.orig as usize + (byte - r.start()),
            Some(r) => r.orig as usize,
            None => fallback,
        }
    }

    /// The original offset where the normalised character ending at `byte` ends.
    fn end_of(&self, byte: usize, fallback: usize) -> usize {
        match self.run_at(byte - 1) {
            Some(r) if r.same() => r.orig as usize + (byte - r.start()),
            Some(r) => r.orig_end as usize,
            None => fallback,
        }
    }

    /// Maps a range of the normalised text `text` to the original (of `original_len`
    /// bytes). Offsets inside a character are widened to the whole character.
    pub fn to_original(
        &self,
        text: &str,
        range: Range<usize>,
        original_len: usize,
    ) -> Range<usize> {
        let mut s = range.start;
        if s >= text.len() {
            return original_len..original_len;
        }
        while !text.is_char_boundary(s) {
            s -= 1;
        }
        let start = self.start_of(s, original_len);
        if range.end <= range.start {
            return start..start;
        }
        let mut e = range.end.min(text.len());
        while !text.is_char_boundary(e) {
            e += 1;
        }
        let end = self.end_of(e, original_len);
        start..end.max(start)
    }

    /// Bytes the map holds allocated (the inline first run is not).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn allocated_bytes(&self) -> usize {
        self.rest.capacity() * std::mem::size_of::<Run>()
    }

    /// Gives back what growing over-reserved, unless that is a few runs (not worth a
    /// reallocation per field).
    pub fn shrink(&mut self) {
        if self.rest.capacity() > self.rest.len() + 4 {
            self.rest.shrink_to_fit();
        }
    }
}
