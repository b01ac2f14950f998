//! HTML descriptions (Shopify's `Body (HTML)`, eBay's and Amazon's descriptions) read as the
//! text a buyer sees, with a map from that text's offsets back to the markup's, so findings
//! point into what the seller wrote.
//!
//! Tags are dropped; block-level tags (`<p>`, `<br>`, `<li>`, …) become a line break so
//! words on either side stay apart; comments and the contents of `<script>` and `<style>`
//! are dropped; character references (`&amp;`, `&#233;`, `&eacute;`) are decoded by the
//! `html-escape` crate's HTML5 table, and a finding inside one maps to the whole reference.
//!
//! Why not a DOM parser: html5ever and its wrappers build a tree without source positions
//! for text, and positions are the point here. A listing description is a fragment, not a
//! document; what this does not do is HTML's error recovery beyond "a `<` that does not
//! start a tag is text", or read attribute text (`alt`, `title`).

/// Text read from markup, with its offset map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextMap {
    pub text: String,
    segs: Vec<Seg>,
}

/// A run of the text: verbatim text copies the source byte for byte; any other run (a
/// decoded reference, a line break for a tag) stands for the source range as a whole.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Seg {
    text_start: usize,
    src_start: usize,
    src_end: usize,
    verbatim: bool,
}

const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Whether a text looks like markup worth reading as HTML (a tag or a reference).
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        || (s.contains('&') && s.contains(';'))
}

impl TextMap {
    fn verbatim(&mut self, src: &str, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let text_start = self.text.len();
        match self.segs.last_mut() {
            Some(last) if last.verbatim && last.src_end == start => last.src_end = end,
            _ => self.segs.push(Seg {
                text_start,
                src_start: start,
                src_end: end,
                verbatim: true,
            }),
        }
        self.text.push_str(&src[start..end]);
    }

    fn replaced(&mut self, with: &str, start: usize, end: usize) {
        self.segs.push(Seg {
            text_start: self.text.len(),
            src_start: start,
            src_end: end,
            verbatim: false,
        });
        self.text.push_str(with);
    }

    fn text_end(&self, i: usize) -> usize {
        self.segs
            .get(i + 1)
            .map_or(self.text.len(), |s| s.text_start)
    }

    /// The source offset where text offset `t` starts.
    pub fn start(&self, t: usize) -> usize {
        let i = self.segs.partition_point(|s| s.text_start <= t);
        let Some(seg) = i.checked_sub(1).map(|i| (i, self.segs[i])) else {
            return 0;
        };
        let (i, s) = seg;
        if t >= self.text_end(i) {
            return s.src_end;
        }
        if s.verbatim {
            s.src_start + (t - s.text_start)
        } else {
            s.src_start
        }
    }

    /// The source offset where a span ending (exclusive) at text offset `t` ends.
    pub fn end(&self, t: usize) -> usize {
        let i = self.segs.partition_point(|s| s.text_start < t);
        let Some(i) = i.checked_sub(1) else {
            return self.segs.first().map_or(0, |s| s.src_start);
        };
        let s = self.segs[i];
        if s.verbatim {
            s.src_start + (t - s.text_start).min(s.src_end - s.src_start)
        } else {
            s.src_end
        }
    }
}

/// Reads an HTML fragment as text.
pub fn to_text(src: &str) -> TextMap {
    let mut m = TextMap::default();
    let b = src.as_bytes();
    let mut i = 0;
    let mut plain = 0; // start of the pending verbatim run
    while i < b.len() {
        match b[i] {
            b'<' => {
                let Some((end, name, closing)) = tag_at(src, i) else {
                    i += 1;
                    continue;
                };
                m.verbatim(src, plain, i);
                let mut stop = end;
                if !closing && (name == "script" || name == "style") {
                    let close = format!("</{name}");
                    stop = find_ci(src, end, &close)
                        .map(|c| src[c..].find('>').map_or(src.len(), |g| c + g + 1))
                        .unwrap_or(src.len());
                } else if BLOCK.contains(&name.as_str())
                    && !m.text.is_empty()
                    && !m.text.ends_with('\n')
                {
                    m.replaced("\n", i, end);
                }
                i = stop;
                plain = i;
            }
            b'&' => {
                let window = &src[i..(i + 40).min(src.len())];
                let semi = window.find(';').filter(|&s| {
                    s > 1
                        && window[1..s]
                            .bytes()
                            .all(|c| c.is_ascii_alphanumeric() || c == b'#')
                });
                match semi {
                    Some(s) => {
                        let reference = &src[i..i + s + 1];
                        let decoded = html_escape::decode_html_entities(reference);
                        if decoded != reference {
                            m.verbatim(src, plain, i);
                            m.replaced(&decoded, i, i + s + 1);
                            i += s + 1;
                            plain = i;
                        } else {
                            i += 1;
                        }
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    m.verbatim(src, plain, b.len());
    m
}

/// A tag starting at `i` (`<name …>`, `</name>`, `<!-- … -->`, `<!doctype …>`): its end,
/// its lower-case name (empty for comments) and whether it closes.
fn tag_at(src: &str, i: usize) -> Option<(usize, String, bool)> {
    let rest = &src[i..];
    if let Some(after) = rest.strip_prefix("<!--") {
        let end = after.find("-->").map_or(src.len(), |e| i + 4 + e + 3);
        return Some((end, String::new(), false));
    }
    let b = rest.as_bytes();
    let (closing, name_at) = match b.get(1) {
        Some(b'/') => (true, 2),
        Some(b'!' | b'?') => (false, 2),
        Some(c) if c.is_ascii_alphabetic() => (false, 1),
        _ => return None,
    };
    if !b.get(name_at).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let name: String = rest[name_at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    // The closing `>`, outside quoted attribute values.
    let mut quote = None;
    for (k, c) in rest.char_indices().skip(name_at) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some((i + k + 1, name, closing)),
            _ => {}
        }
    }
    None
}

fn find_ci(src: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = src.as_bytes();
    let n = needle.as_bytes();
    (from..hay.len().saturating_sub(n.len() - 1))
        .find(|&k| hay[k..k + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source text a text span maps to.
    fn back<'a>(src: &'a str, m: &TextMap, word: &str) -> &'a str {
        let t = m.text.find(word).expect(word);
        &src[m.start(t)..m.end(t + word.len())]
    }

    #[test]
    fn tags_dropped_blocks_become_line_breaks() {
        let src = "<p>Stainless <b>steel</b> bottle</p><ul><li>BPA free</li><li>1 L</li></ul>";
        let m = to_text(src);
        assert_eq!(m.text, "Stainless steel bottle\nBPA free\n1 L\n");
        assert_eq!(back(src, &m, "steel"), "steel");
        assert_eq!(back(src, &m, "BPA free"), "BPA free");
        // A span across an inline tag covers the tag in the source.
        assert_eq!(back(src, &m, "Stainless steel"), "Stainless <b>steel");
    }

    #[test]
    fn references_map_to_the_whole_reference() {
        let src = "Caf&eacute; &amp; R&#233;plica &lt;3 &bogus; a&b";
        let m = to_text(src);
        assert_eq!(m.text, "Café & Réplica <3 &bogus; a&b");
        assert_eq!(back(src, &m, "é"), "&eacute;");
        assert_eq!(back(src, &m, "Réplica"), "R&#233;plica");
        assert_eq!(back(src, &m, "&bogus;"), "&bogus;");
        assert_eq!(back(src, &m, "<3"), "&lt;3");
    }

    #[test]
    fn comments_scripts_styles_and_attributes_are_not_text() {
        let src = "<!-- replica --><style>p{}</style><script>var a='<p>';</script><img alt=\"replica\" src='x>y'>ok";
        let m = to_text(src);
        assert_eq!(m.text, "ok");
        assert_eq!(back(src, &m, "ok"), "ok");
    }

    #[test]
    fn a_lone_angle_bracket_is_text_and_multibyte_text_maps() {
        let src = "3 < 5 and <br>高仿 <i>手表</i>";
        let m = to_text(src);
        assert_eq!(m.text, "3 < 5 and \n高仿 手表");
        assert_eq!(back(src, &m, "高仿"), "高仿");
        assert_eq!(back(src, &m, "手表"), "手表");
        assert!(!looks_like_html("3 < 5"));
        assert!(looks_like_html("a<br>b"));
    }

    #[test]
    fn every_text_offset_maps_inside_the_source() {
        let src = "<div>a&amp;b<p>c</div>&#x4e2d;<b>d";
        let m = to_text(src);
        for t in 0..=m.text.len() {
            if m.text.is_char_boundary(t) {
                assert!(m.start(t) <= src.len() && m.end(t) <= src.len());
                assert!(src.is_char_boundary(m.start(t)) && src.is_char_boundary(m.end(t)));
            }
        }
        assert_eq!(m.text, "a&b\nc\n中d");
    }
}
