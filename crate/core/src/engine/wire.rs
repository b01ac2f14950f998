//! Numbers, lists and texts as bytes, for the parts of the engine's binary form that are
//! written and read by hand rather than through serde's visitors (`brand_wire.rs`,
//! `owners.rs`, the matcher's key lengths and literal ids, the brand group keys: each a
//! [`Wire`], a serde field through [`as_bytes`]): thousands of small items, where a
//! varint read from a slice costs a fraction of a visitor call per field in the
//! baseline-compiled wasm of a waking worker.
//!
//! A number is an unsigned LEB128 varint (one byte below 128), a list of numbers its
//! length then its items, a text its length in bytes then UTF-8. What it does not do:
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

/// A list of numbers (literal ids, deltas).
impl Wire for Vec<u32> {
    fn write(&self, out: &mut Out) {
        out.nums(self);
    }
    fn read(r: &mut In<'_>) -> Result<Self, &'static str> {
        r.nums()
    }
}

/// `value`'s bytes.
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

/// `#[serde(with = "…::wire::as_bytes")]`: a [`Wire`] field as one run of bytes
/// (`serialize_bytes`), which postcard hands back as a borrowed slice to read by hand.
pub(crate) mod as_bytes {
    use super::{from_bytes, to_bytes, Wire};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<T: Wire, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&to_bytes(value))
    }

    pub fn deserialize<'de, T: Wire, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        from_bytes(<&'de [u8]>::deserialize(d)?).map_err(D::Error::custom)
    }
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

    pub(crate) fn text(&mut self) -> Result<&'a str, &'static str> {
        let n = self.num()?;
        let end = self.at.checked_add(n).ok_or(SHORT)?;
        let t = self.bytes.get(self.at..end).ok_or(SHORT)?;
        self.at = end;
        std::str::from_utf8(t).map_err(|_| "a text in the binary form is not UTF-8")
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
