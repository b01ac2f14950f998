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

/// Appends numbers and texts.
#[derive(Default)]
pub(crate) struct Out(Vec<u8>);

impl Out {
    pub(crate) fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub(crate) fn num(&mut self, mut n: usize) {
        while n >= 0x80 {
            self.0.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
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
/// from an [`In`].
pub(crate) trait Wire: Sized {
    fn write(&self, out: &mut Out);
    fn read(r: &mut In<'_>) -> Result<Self, &'static str>;
}

/// `value`'s bytes.
#[cfg(test)]
pub(crate) fn to_bytes<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Out::default();
    value.write(&mut out);
    out.into_bytes()
}

/// The value of `bytes`, every one of them read.
pub(crate) fn from_bytes<T: Wire>(bytes: &[u8]) -> Result<T, &'static str> {
    let mut r = In::new(bytes);
    let value = T::read(&mut r)?;
    r.done()?;
    Ok(value)
}

/// Reads what [`Out`] wrote; every read fails, without panicking, on bytes that end too
/// soon or do not read.
pub(crate) struct In<'a> {
    bytes: &'a [u8],
    at: usize,
}

const SHORT: &str = "a part of the binary form ends too soon";

impl<'a> In<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> In<'a> {
        In { bytes, at: 0 }
    }

    #[inline]
    pub(crate) fn byte(&mut self) -> Result<u8, &'static str> {
        let b = *self.bytes.get(self.at).ok_or(SHORT)?;
        self.at += 1;
        Ok(b)
    }

    #[inline]
    pub(crate) fn num(&mut self) -> Result<usize, &'static str> {
        let (mut n, mut shift) = (0usize, 0u32);
        loop {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
            shift += 7;
            if shift > 28 {
                return Err("a number in the binary form does not read");
            }
        }
    }

    pub(crate) fn num64(&mut self) -> Result<u64, &'static str> {
        let (mut n, mut shift) = (0u64, 0u32);
        loop {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
            shift += 7;
            if shift > 63 {
                return Err("a number in the binary form does not read");
            }
        }
    }

    pub(crate) fn signed(&mut self) -> Result<i32, &'static str> {
        let n = self.u32()?;
        Ok((n >> 1) as i32 ^ -((n & 1) as i32))
    }

    #[inline]
    pub(crate) fn u32(&mut self) -> Result<u32, &'static str> {
        u32::try_from(self.num()?).map_err(|_| "a number in the binary form is too large")
    }

    /// How many bytes are left to read.
    pub(crate) fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// A count of items that take a byte or more each: never more than the bytes left,
    /// so a bad count cannot make the reader reserve memory the form does not hold.
    #[inline]
    pub(crate) fn count(&mut self) -> Result<usize, &'static str> {
        let n = self.num()?;
        if n > self.left() {
            return Err(SHORT);
        }
        Ok(n)
    }

    pub(crate) fn nums(&mut self) -> Result<Vec<u32>, &'static str> {
        let n = self.count()?;
        let mut ns = Vec::with_capacity(n);
        for _ in 0..n {
            ns.push(self.u32()?);
        }
        Ok(ns)
    }

    /// A run of bytes [`Out::bytes`] wrote, borrowed.
    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], &'static str> {
        let n = self.num()?;
        let end = self.at.checked_add(n).ok_or(SHORT)?;
        let b = self.bytes.get(self.at..end).ok_or(SHORT)?;
        self.at = end;
        Ok(b)
    }

    pub(crate) fn text(&mut self) -> Result<&'a str, &'static str> {
        std::str::from_utf8(self.bytes()?).map_err(|_| "a text in the binary form is not UTF-8")
    }

    /// A value [`Out::one_of`] wrote: its place in `all`; `what` names it if it is not
    /// there.
    pub(crate) fn one_of<T: Copy>(
        &mut self,
        all: &[T],
        what: &'static str,
    ) -> Result<T, &'static str> {
        all.get(self.num()?).copied().ok_or(what)
    }

    /// A byte 0 or 1.
    pub(crate) fn flag(&mut self) -> Result<bool, &'static str> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err("a yes-or-no in the binary form does not read"),
        }
    }

    /// Every byte was read.
    pub(crate) fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// `Ok` when every byte was read.
    pub(crate) fn done(&self) -> Result<(), &'static str> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err("bytes left over in a part of the binary form")
        }
    }
}

/// The most bytes a list reserves before its items are read: a count is checked against
/// the bytes left (an item takes one or more), but an item in memory may be far larger.
const RESERVE: usize = 1 << 20;

impl<T: Wire> Wire for Vec<T> {
    fn write(&self, out: &mut Out) {
        out.num(self.len());
        for item in self {
            item.write(out);
        }
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        let n = r.count()?;
        let mut items = Vec::with_capacity(n.min(RESERVE / std::mem::size_of::<T>().max(1)));
        for _ in 0..n {
            items.push(T::read(r)?);
        }
        Ok(items)
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
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        Ok(if r.flag()? { Some(T::read(r)?) } else { None })
    }
}

impl Wire for String {
    fn write(&self, out: &mut Out) {
        out.text(self);
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        r.text().map(str::to_string)
    }
}

impl Wire for bool {
    fn write(&self, out: &mut Out) {
        out.byte(u8::from(*self));
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        r.flag()
    }
}

impl Wire for u8 {
    fn write(&self, out: &mut Out) {
        out.byte(*self);
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        r.byte()
    }
}

impl Wire for u16 {
    fn write(&self, out: &mut Out) {
        out.num(usize::from(*self));
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        u16::try_from(r.num()?).map_err(|_| "a number in the binary form is too large")
    }
}

impl Wire for u32 {
    fn write(&self, out: &mut Out) {
        out.num(*self as usize);
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        r.u32()
    }
}

/// A `usize` is written as a `u32`: the form is written on a 64-bit machine and read in
/// 32-bit wasm.
impl Wire for usize {
    fn write(&self, out: &mut Out) {
        out.num(u32::try_from(*self).expect("fits in 32 bits") as usize);
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        r.u32().map(|n| n as usize)
    }
}

impl Wire for u64 {
    fn write(&self, out: &mut Out) {
        out.num64(*self);
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        r.num64()
    }
}

impl Wire for f64 {
    fn write(&self, out: &mut Out) {
        for b in self.to_bits().to_le_bytes() {
            out.byte(b);
        }
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        let mut bits = [0u8; 8];
        for b in &mut bits {
            *b = r.byte()?;
        }
        Ok(f64::from_bits(u64::from_le_bytes(bits)))
    }
}

impl Wire for char {
    fn write(&self, out: &mut Out) {
        out.num(*self as usize);
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        char::from_u32(r.u32()?).ok_or("a character in the binary form does not read")
    }
}

/// Tuples, their items in order.
macro_rules! tuple {
    ($($t:ident . $i:tt),+) => {
        impl<$($t: Wire),+> Wire for ($($t,)+) {
            fn write(&self, out: &mut Out) {
                $(self.$i.write(out);)+
            }
            fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
                Ok(($($t::read(r)?,)+))
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
        let bytes = out.into_bytes();
        let mut r = In::new(&bytes);
        assert_eq!(r.num(), Ok(0));
        assert_eq!(r.num(), Ok(300));
        assert_eq!(r.u32(), Ok(u32::MAX));
        assert_eq!(r.nums(), Ok(vec![1, 2, 128]));
        assert_eq!(r.text(), Ok("高仿 ok"));
        assert_eq!(r.byte(), Ok(7));
        for n in [0, -1, 1, -300, 300, i32::MIN, i32::MAX] {
            assert_eq!(r.signed(), Ok(n));
        }
        assert!(r.done().is_ok());
        assert!(r.byte().is_err());
        for cut in 0..bytes.len() {
            let mut r = In::new(&bytes[..cut]);
            let all = (|| -> Result<(), &'static str> {
                r.num()?;
                r.num()?;
                r.u32()?;
                r.nums()?;
                r.text()?;
                r.byte()?;
                for _ in 0..7 {
                    r.signed()?;
                }
                Ok(())
            })();
            assert!(all.is_err(), "cut at {cut}");
        }
        assert!(In::new(&[0xff; 8]).num().is_err());
        assert!(In::new(&[200, 1]).count().is_err());
        assert!(In::new(&[2, 0xff, 0xfe]).text().is_err());
    }
}
