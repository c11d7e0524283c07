//! Placeholder debris of a broken text after a figure: "2.500 XNUMX".

use crate::extract::context::*;
use crate::extract::Extractor;
use crate::model::Figure;

impl<'a> Extractor<'a> {
    /// Placeholder debris glued to or next to the figure ("2.500 XNUMX"):
    /// part of its span; returns where the figure ends.
    pub(crate) fn debris(&self, f: &mut Figure, p: usize) -> usize {
        let text = self.text;
        let dp = skip_spaces(text, f.end());
        if let Some((s, e)) = word_at(text, dp) {
            if self.lex.debris.iter().any(|d| d == &text[s..e]) {
                f.set_debris(Some((s, e)));
                f.set_end(e);
                return e;
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn placeholder_debris_is_attached() {
        let t = "le pays accueille environ 2.500 XNUMX soldats américains";
        let v = figs(t, Lang::new("fr"));
        assert_eq!(v.len(), 1);
        let f = &v[0].1;
        assert_eq!(v[0].0, "environ 2.500 XNUMX");
        assert_eq!(f.value(), Some(d("2500")));
        assert_eq!(f.debris().map(|(s, e)| &t[s..e]), Some("XNUMX"));
        assert_eq!(entity(t, f), Some("soldats"));
    }
}
