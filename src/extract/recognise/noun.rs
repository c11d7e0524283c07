//! The counted noun after a figure: "2 000 soldats", "three hundred
//! troops", "3 millions d'habitants".

use crate::extract::context::*;
use crate::extract::Extractor;
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// The noun a count or a fraction counts, after it or after a link
    /// ("2 000 soldats", "3 millions d'habitants", "a third of voters").
    pub(crate) fn counted_noun_after(&mut self, f: &mut Figure, p: usize, scaled: bool) {
        if !matches!(f.kind, Kind::Count | Kind::Fraction) {
            return;
        }
        let link = scaled || f.kind != Kind::Count;
        if let Some((s, e)) = counted_noun(
            self.primary,
            &self.lex.debris,
            self.text,
            p,
            link,
            self.head_last(),
            &mut self.buf,
            &mut self.word,
        ) {
            f.set_entity(Some((s, e)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn the_counted_noun() {
        let t = "Ils sont 2 000 soldats.";
        let f = figure(t, Lang::new("fr"), "2 000");
        assert_eq!(entity(t, &f), Some("soldats"));
        let t = "some 300 troops";
        let f = figure(t, Lang::new("en"), "some 300");
        assert_eq!(entity(t, &f), Some("troops"));
    }

    #[test]
    fn a_weekday_is_when_not_what() {
        let t = "Le nombre de décès est passé à 1 350 lundi.";
        let f = figure(t, Lang::new("fr"), "1 350");
        assert_eq!(entity(t, &f), None);
        let t = "Il y a eu 287 interpellations samedi.";
        let f = figure(t, Lang::new("fr"), "287");
        assert_eq!(entity(t, &f), Some("interpellations"));
        let t = "The program aired one Sunday afternoon.";
        let f = figure(t, Lang::new("en"), "one");
        assert_eq!(entity(t, &f), None);
    }
}
