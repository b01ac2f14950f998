//! Numbers, lists and texts as bytes, for the parts of the engine's binary form that are
//! written and read by hand (`brand_wire.rs`, `owners.rs`) rather than through serde's
//! visitors: thousands of small items, where a varint read from a slice costs a fraction
//! of a visitor call per field in the baseline-compiled wasm of a waking worker.
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

/// Bytes that serde writes as one run (`serialize_bytes`), for postcard to hand back as a
/// borrowed slice (`&[u8]`) that [`In`] reads.
pub(crate) struct Bytes(pub(crate) Vec<u8>);

impl serde::Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
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

    pub(crate) fn byte(&mut self) -> Result<u8, &'static str> {
        let b = *self.bytes.get(self.at).ok_or(SHORT)?;
        self.at += 1;
        Ok(b)
    }

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

    pub(crate) fn u32(&mut self) -> Result<u32, &'static str> {
        u32::try_from(self.num()?).map_err(|_| "a number in the binary form is too large")
    }

    /// A count of items that take a byte or more each: never more than the bytes left,
    /// so a bad count cannot make the reader reserve memory the form does not hold.
    pub(crate) fn count(&mut self) -> Result<usize, &'static str> {
        let n = self.num()?;
        if n > self.bytes.len() - self.at {
            return Err(SHORT);
        }
        Ok(n)
    }

    pub(crate) fn nums(&mut self) -> Result<Vec<u32>, &'static str> {
        let n = self.count()?;
        (0..n).map(|_| self.u32()).collect()
    }

    pub(crate) fn text(&mut self) -> Result<&'a str, &'static str> {
        let n = self.num()?;
        let end = self.at.checked_add(n).ok_or(SHORT)?;
        let t = self.bytes.get(self.at..end).ok_or(SHORT)?;
        self.at = end;
        std::str::from_utf8(t).map_err(|_| "a text in the binary form is not UTF-8")
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
