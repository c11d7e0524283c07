//! Figures written with a sign (`+40 %`, `-3,5 %`, `−2`): they state a
//! change, not a level or a share.

use crate::claims::Claim;

/// True when the figure's text begins with a plus or minus sign.
pub(crate) fn signed(text: &str, c: &Claim) -> bool {
    c.fig
        .text(text)
        .trim_start()
        .starts_with(['+', '-', '\u{2212}', '\u{b1}'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sign_marks_a_change() {
        let text = "Il passe à 30 % (+4 %), puis -3 % et 25 %.";
        let (_, corpus, _) = crate::testing::analysed(text);
        let signed: Vec<(&str, bool)> = corpus
            .claims
            .iter()
            .map(|c| (c.fig.text(text), super::signed(text, c)))
            .collect();
        assert_eq!(
            signed,
            [
                ("30 %", false),
                ("+4 %", true),
                ("-3 %", true),
                ("25 %", false)
            ]
        );
    }
}
