//! Numbers, lists and texts as bytes: the engine's binary form (`binary.rs`), written
//! and read by hand, every part of it a [`Wire`] (`compile`'s `partial_wire.rs`,
//! `pack/rule_wire.rs`, `pack/value_wire.rs`, `brand_wire.rs`, `owners.rs`, the
//! matcher's `matcher_binary.rs`). Reading it is most of the engine's start in a waking
//! service worker, in baseline-compiled wasm that V8 compiles on the first call: a
//! varint read from a slice is a fraction of what a serde visitor call per field cost,
//! and a few small readers are far less code to compile than serde's generic ones.
//!
//! A number is an unsigned LEB128 varint (one byte below 128), a list its length then
//! its items, a text its length in bytes then UTF-8, an `Option` a byte (0 none, 1
//! some) then the value, a `bool` a byte, an `f64` its bits as 8 bytes little-endian,
//! an enum a tag byte or its place in its type's list of values. What it does not do:
//! describe itself (no field names, tags or version): the reader must know the layout.
//!
//! Reading keeps its first error instead of returning it from every read ([`In::fail`]):
//! a read after an error gives a default (0, empty, the first value) and reads no
//! further, and [`from_bytes`] reports the error at the end. The readers are then plain
//! code without a `Result` and the clean-up of a half-read value at every step, which
//! in the baseline-compiled wasm of a waking worker is code V8 compiles on the first
//! call.

/// Appends numbers and texts.
#[derive(Default)]
pub(crate) struct Out(Vec<u8>);

impl Out {
    pub(crate) fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub(crate) fn num(&mut self, n: usize) {
        self.num64(n as u64);
    }

    pub(crate) fn nums(&mut self, ns: &[u32]) {
        self.num(ns.len());
        for &n in ns {
            self.num(n as usize);
        }
    }

    pub(crate) fn text(&mut self, t: &str) {
        self.num(t.len());
        self.0.extend_from_slice(t.as_bytes());
    }

    /// A number that may not fit in 32 bits (a limit as a pack writes it).
    pub(crate) fn num64(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    /// A run of bytes: its length, then the bytes.
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.num(b.len());
        self.0.extend_from_slice(b);
    }

    /// `value` as its place in `all` (an enum without fields and its list of values).
    pub(crate) fn one_of<T: PartialEq>(&mut self, all: &[T], value: &T) {
        let i = all.iter().position(|a| a == value);
        self.num(i.expect("a value is in its type's list"));
    }

    /// A signed number, zigzag-encoded (0, -1, 1, -2, … as 0, 1, 2, 3, …).
    pub(crate) fn signed(&mut self, n: i32) {
        self.num(((n << 1) ^ (n >> 31)) as u32 as usize);
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// A part of the binary form that writes itself to an [`Out`] and reads itself back
/// from an [`In`] (on bytes that do not read, any value: [`In`] keeps the error).
pub(crate) trait Wire: Sized {
    fn write(&self, out: &mut Out);
    fn read(r: &mut In<'_>) -> Self;
}

/// `value`'s bytes.
#[cfg(test)]
pub(crate) fn to_bytes<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Out::default();
    value.write(&mut out);
    out.into_bytes()
}

/// The value of `bytes`, every one of them read; the first error reading them, if any.
pub(crate) fn from_bytes<T: Wire>(bytes: &[u8]) -> Result<T, &'static str> {
    let mut r = In::new(bytes);
    let value = T::read(&mut r);
    r.done()?;
    Ok(value)
}

/// Reads what [`Out`] wrote; never panics. On bytes that end too soon or do not read it
/// keeps the first error, reads nothing more and gives defaults; [`In::done`] tells.
pub(crate) struct In<'a> {
    bytes: &'a [u8],
    at: usize,
    error: Option<&'static str>,
}

const SHORT: &str = "a part of the binary form ends too soon";

impl<'a> In<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> In<'a> {
        In {
            bytes,
            at: 0,
            error: None,
        }
    }

    /// Keeps `error` (unless there was one already) and stops reading: every read from
    /// here gives a default. Returns `T`'s default, for a reader to return.
    #[cold]
    #[inline(never)]
    pub(crate) fn fail<T: Default>(&mut self, error: &'static str) -> T {
        self.error.get_or_insert(error);
        self.at = self.bytes.len();
        T::default()
    }

    #[inline]
    pub(crate) fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => self.fail(SHORT),
        }
    }

    /// A number [`Out::num`] wrote. Most are under 128, one byte: that case is inlined
    /// into every reader (in a waking service worker's baseline-compiled wasm, a call per
    /// number was a fifth of reading the form), the longer ones are read out of line.
    #[inline]
    pub(crate) fn num(&mut self) -> usize {
        match self.bytes.get(self.at) {
            Some(&b) if b < 0x80 => {
                self.at += 1;
                usize::from(b)
            }
            _ => self.long_num(),
        }
    }

    /// A number of two bytes or more: [`In::num64`], at most `u32::MAX` (on every
    /// platform, as the wasm's `usize` holds).
    #[inline(never)]
    fn long_num(&mut self) -> usize {
        match u32::try_from(self.num64()) {
            Ok(n) => n as usize,
            Err(_) => self.fail("a number in the binary form is too large"),
        }
    }

    pub(crate) fn num64(&mut self) -> u64 {
        let (mut n, mut shift) = (0u64, 0u32);
        loop {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
            shift += 7;
            if shift > 63 {
                return self.fail("a number in the binary form does not read");
            }
        }
    }

    pub(crate) fn signed(&mut self) -> i32 {
        let n = self.u32();
        (n >> 1) as i32 ^ -((n & 1) as i32)
    }

    #[inline]
    pub(crate) fn u32(&mut self) -> u32 {
        match u32::try_from(self.num()) {
            Ok(n) => n,
            Err(_) => self.fail("a number in the binary form is too large"),
        }
    }

    /// How many bytes are left to read.
    pub(crate) fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// A count of items that take a byte or more each: never more than the bytes left,
    /// so a bad count cannot make the reader reserve memory the form does not hold.
    #[inline]
    pub(crate) fn count(&mut self) -> usize {
        let n = self.num();
        if n > self.left() {
            return self.fail(SHORT);
        }
        n
    }

    pub(crate) fn nums(&mut self) -> Vec<u32> {
        let n = self.count();
        let mut ns = Vec::with_capacity(n);
        for _ in 0..n {
            ns.push(self.u32());
        }
        ns
    }

    /// A run of bytes [`Out::bytes`] wrote, borrowed.
    pub(crate) fn bytes(&mut self) -> &'a [u8] {
        let n = self.count();
        self.take(n)
    }

    /// The next `n` bytes, borrowed (none if fewer are left).
    pub(crate) fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.left() {
            return self.fail(SHORT);
        }
        let b = &self.bytes[self.at..self.at + n];
        self.at += n;
        b
    }

    pub(crate) fn text(&mut self) -> &'a str {
        match std::str::from_utf8(self.bytes()) {
            Ok(t) => t,
            Err(_) => self.fail("a text in the binary form is not UTF-8"),
        }
    }

    /// A value [`Out::one_of`] wrote: its place in `all` (not empty); `what` names it
    /// if it is not there.
    pub(crate) fn one_of<T: Copy>(&mut self, all: &[T], what: &'static str) -> T {
        match all.get(self.num()) {
            Some(&v) => v,
            None => {
                self.fail::<()>(what);
                all[0]
            }
        }
    }

    /// A byte 0 or 1.
    pub(crate) fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => self.fail("a yes-or-no in the binary form does not read"),
        }
    }

    /// Every byte was read (or a read failed).
    pub(crate) fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// `Ok` when every byte was read and no read failed.
    pub(crate) fn done(&self) -> Result<(), &'static str> {
        match self.error {
            Some(e) => Err(e),
            None if self.at == self.bytes.len() => Ok(()),
            None => Err("bytes left over in a part of the binary form"),
        }
    }
}

/// The most bytes a list reserves before its items are read: a count is checked against
/// the bytes left (an item takes one or more), but an item in memory may be far larger.
const RESERVE: usize = 1 << 20;

/// A list of `n` items of `T` (a count [`In::count`] checked), with room reserved for
/// them up to [`RESERVE`] bytes.
pub(crate) fn list_for<T>(n: usize) -> Vec<T> {
    Vec::with_capacity(n.min(RESERVE / std::mem::size_of::<T>().max(1)))
}

impl<T: Wire> Wire for Vec<T> {
    fn write(&self, out: &mut Out) {
        out.num(self.len());
        for item in self {
            item.write(out);
        }
    }
    // Out of line: a list is the loop that runs thousands of times on the engine's start.
    // In the wasm of a waking service worker, V8 recompiles a function whose loops ran
    // long (its tier-up, on threads beside the start's); inlined, the loops made the
    // reader of the whole form that function, and its recompiling took the start's CPU.
    #[inline(never)]
    fn read(r: &mut In<'_>) -> Self {
        let n = r.count();
        let mut items = list_for(n);
        for _ in 0..n {
            items.push(T::read(r));
        }
        items
    }
}

impl<T: Wire> Wire for Option<T> {
    fn write(&self, out: &mut Out) {
        match self {
            None => out.byte(0),
            Some(v) => {
                out.byte(1);
                v.write(out);
            }
        }
    }
    fn read(r: &mut In<'_>) -> Self {
        r.flag().then(|| T::read(r))
    }
}

impl Wire for String {
    fn write(&self, out: &mut Out) {
        out.text(self);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.text().to_string()
    }
}

impl Wire for bool {
    fn write(&self, out: &mut Out) {
        out.byte(u8::from(*self));
    }
    fn read(r: &mut In<'_>) -> Self {
        r.flag()
    }
}

impl Wire for u8 {
    fn write(&self, out: &mut Out) {
        out.byte(*self);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.byte()
    }
}

impl Wire for u16 {
    fn write(&self, out: &mut Out) {
        out.num(usize::from(*self));
    }
    fn read(r: &mut In<'_>) -> Self {
        match u16::try_from(r.num()) {
            Ok(n) => n,
            Err(_) => r.fail("a number in the binary form is too large"),
        }
    }
}

impl Wire for u32 {
    fn write(&self, out: &mut Out) {
        out.num(*self as usize);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.u32()
    }
}

/// A `usize` is written as a `u32`: the form is written on a 64-bit machine and read in
/// 32-bit wasm.
impl Wire for usize {
    fn write(&self, out: &mut Out) {
        out.num(u32::try_from(*self).expect("fits in 32 bits") as usize);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.u32() as usize
    }
}

impl Wire for u64 {
    fn write(&self, out: &mut Out) {
        out.num64(*self);
    }
    fn read(r: &mut In<'_>) -> Self {
        r.num64()
    }
}

impl Wire for f64 {
    fn write(&self, out: &mut Out) {
        out.0.extend_from_slice(&self.to_le_bytes());
    }
    fn read(r: &mut In<'_>) -> Self {
        // After an error `take` gives no bytes, and the error is kept.
        <[u8; 8]>::try_from(r.take(8)).map_or(0.0, f64::from_le_bytes)
    }
}

impl Wire for char {
    fn write(&self, out: &mut Out) {
        out.num(*self as usize);
    }
    fn read(r: &mut In<'_>) -> Self {
        match char::from_u32(r.u32()) {
            Some(c) => c,
            None => r.fail("a character in the binary form does not read"),
        }
    }
}

/// Tuples, their items in order.
macro_rules! tuple {
    ($($t:ident . $i:tt),+) => {
        impl<$($t: Wire),+> Wire for ($($t,)+) {
            fn write(&self, out: &mut Out) {
                $(self.$i.write(out);)+
            }
            fn read(r: &mut In<'_>) -> Self {
                ($($t::read(r),)+)
            }
        }
    };
}
tuple!(A.0, B.1);
tuple!(A.0, B.1, C.2);
tuple!(A.0, B.1, C.2, D.3);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_and_refuses_what_is_cut_or_too_long() {
        let mut out = Out::default();
        out.num(0);
        out.num(300);
        out.num(u32::MAX as usize);
        out.nums(&[1, 2, 128]);
        out.text("高仿 ok");
        out.byte(7);
        for n in [0, -1, 1, -300, 300, i32::MIN, i32::MAX] {
            out.signed(n);
        }
        (Some(2.5f64), vec![(true, u64::MAX)], 'é', 9u16).write(&mut out);
        let bytes = out.into_bytes();
        let read_all = |r: &mut In<'_>| {
            let a = (
                r.num(),
                r.num(),
                r.u32(),
                r.nums(),
                String::read(r),
                r.byte(),
            );
            let s: Vec<i32> = (0..7).map(|_| r.signed()).collect();
            (a, s, <(Option<f64>, Vec<(bool, u64)>, char, u16)>::read(r))
        };
        let mut r = In::new(&bytes);
        let all = read_all(&mut r);
        assert!(r.done().is_ok());
        assert_eq!(
            all,
            (
                (0, 300, u32::MAX, vec![1, 2, 128], "高仿 ok".to_string(), 7),
                vec![0, -1, 1, -300, 300, i32::MIN, i32::MAX],
                (Some(2.5), vec![(true, u64::MAX)], 'é', 9)
            )
        );
        r.byte();
        assert!(r.done().is_err());
        for cut in 0..bytes.len() {
            let mut r = In::new(&bytes[..cut]);
            read_all(&mut r);
            assert!(r.done().is_err(), "cut at {cut}");
        }
        let err = |bytes: &[u8], read: fn(&mut In<'_>)| {
            let mut r = In::new(bytes);
            read(&mut r);
            r.done().is_err()
        };
        assert!(err(&[0xff; 8], |r| {
            let _ = r.num();
        }));
        assert!(err(&[200, 1], |r| {
            let _ = r.count();
        }));
        assert!(err(&[2, 0xff, 0xfe], |r| {
            let _ = r.text();
        }));
        assert!(err(&[2], |r| {
            let _ = bool::read(r);
        }));
        assert!(err(&[0x80, 0x80, 0x80, 0x80, 0x10], |r| {
            let _ = r.u32();
        }));
        assert!(from_bytes::<u8>(&[1, 2]).is_err(), "bytes left over");
    }
}
