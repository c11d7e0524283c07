//! Reads, per document, which of the two separator systems its figures
//! use (a decimal point with commas between thousands, or a decimal comma
//! with points between thousands), the document's language counting as one
//! more figure of its own system; then reports the figures of the minority
//! system, once each, when the majority is clear. When the document's usage
//! is balanced, or when an ambiguous figure (`2.500`) is read against the
//! document's evidence, the finding is only information.
//!
//! Not evidence of a convention: names and versions (`skip_after`,
//! `name_numbers`, a number that goes on with more groups, a number next to
//! a model code or name such as `V8 3.9`, `2.0 TDI` or `le 1.8 Turbo`),
//! fractions of one or two zeros (`2.0`), times (`à 20.30`, `20.00 horas`,
//! a time just after a date), chemical names (`1,2-dichloroethane`,
//! `PM2.5`), lists written without
//! spaces (`rounds 6,7 and 8`), and the figures of a document whose text is
//! in a language of the other system than the one it is labelled with.

use super::support::params::Prepared;
use super::support::text::{find_phrase, folded, folded_slice};
use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef, Severity};
use crate::claims::Corpus;
use crate::model::{Evidence, Kind, Lang};

/// The two ways of writing separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum System {
    /// `3.5`, `2,000,000`.
    Point,
    /// `3,5`, `2.000.000`.
    Comma,
}

impl System {
    fn describe(self) -> &'static str {
        match self {
            System::Point => "decimals with a point and thousands with commas",
            System::Comma => "decimals with a comma and thousands with points",
        }
    }
}

fn describe(e: Evidence) -> &'static str {
    match e {
        Evidence::DotDecimal => "a decimal point",
        Evidence::CommaDecimal => "a decimal comma",
        Evidence::DotGroup => "points between thousands",
        Evidence::CommaGroup => "commas between thousands",
        Evidence::AmbiguousDot => "a point before three zeros",
        Evidence::AmbiguousComma => "a comma before three zeros",
        Evidence::None => "another convention",
    }
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct MixedSeparators {
    /// Numbers that are names, never cited as a document's convention.
    name_numbers: Vec<String>,
    /// Words after which a number is a version or a name.
    skip_after: Vec<String>,
    /// Words before a time of day written with a separator (`à 20.30`).
    time_before: Vec<String>,
    /// Words after a time of day written with a separator (`20.00 horas`).
    time_after: Vec<String>,
    /// Words that join the items of a list (`6,7 and 8`).
    list_words: Vec<String>,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<Words>,
}

impl Check for MixedSeparators {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

/// What one figure says about its document's convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not a figure of the document's convention (a name, a time, a list).
    Ignored,
    /// A vote for a system, and reported when the system is the minority.
    Vote(System),
    /// Written in a system but no evidence of it (`290.0000`, a scrambled
    /// figure): reported when the document clearly uses the other system.
    Odd(System),
    /// Read by the document's language, though the other reading is
    /// possible (`2.500`); the system that reading implies.
    Ambiguous(System),
    /// Shows no convention.
    Neutral,
}

/// The words before `pos` on its line, folded, back to `max` bytes.
fn before(text: &str, pos: usize, max: usize) -> String {
    let b = folded_slice(text, pos.saturating_sub(max), pos);
    match b.rfind('\n') {
        Some(k) => b[k + 1..].to_string(),
        None => b,
    }
}

/// The words after `pos` on its line, folded, up to `max` bytes.
fn after(text: &str, pos: usize, max: usize) -> String {
    let a = folded_slice(text, pos, pos + max);
    match a.find('\n') {
        Some(k) => a[..k].to_string(),
        None => a,
    }
}

/// The token of letters, digits and hyphens that ends just before `pos`,
/// one space away, and the character before it.
fn token_before(text: &str, pos: usize) -> Option<(&str, Option<char>)> {
    let head = text[..pos].strip_suffix(' ')?;
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let tok = &head[start..];
    let prev = head[..start].trim_end_matches(' ').chars().next_back();
    (!tok.is_empty()).then_some((tok, prev))
}

/// The token of letters, digits and hyphens that starts one space after
/// `pos`.
fn token_after(text: &str, pos: usize) -> Option<&str> {
    let tail = text[pos..].strip_prefix(' ')?;
    let end = tail
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(tail.len(), |(i, _)| i);
    let tok = &tail[..end];
    (!tok.is_empty()).then_some(tok)
}

/// A model code: letters and digits mixed (`V8`, `W16`, `OM654`, `i20`).
fn is_code(tok: &str) -> bool {
    tok.chars().any(|c| c.is_ascii_digit()) && tok.chars().any(char::is_alphabetic)
}

/// A capitalised word.
fn is_capitalised(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase) && tok.chars().any(char::is_alphabetic)
}

impl MixedSeparators {
    /// The role of claim `i` of document text `text`.
    fn role(
        &self,
        corpus: &Corpus,
        text: &str,
        i: usize,
        words: &Words,
        articles: &[String],
    ) -> Role {
        let f = &corpus.claims[i].fig;
        if !f.kind.is_quantity() || f.kind == Kind::Date {
            return Role::Ignored;
        }
        let w = &text[f.num_start()..f.num_end()];
        let bytes = text.as_bytes();
        // An address or a version goes on with more groups
        // ("192.168.1.1"): not a figure of the document's convention.
        let rest = &bytes[f.num_end()..];
        if rest.len() > 1 && matches!(rest[0], b'.' | b',') && rest[1].is_ascii_digit() {
            return Role::Ignored;
        }
        // Part of a name: a chemical's locants ("1,2-dichloroethane",
        // "2,4-D"), or digits glued to letters ("PM2.5").
        let glued_before = text[..f.num_start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let hyphen_name = rest.len() > 1
            && rest[0] == b'-'
            && text[f.num_end() + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if glued_before || hyphen_name {
            return Role::Ignored;
        }
        let b = before(text, f.num_start(), 24);
        let b = b.trim_end();
        if words
            .skip_after
            .iter()
            .any(|s| b.ends_with(s.as_str()) && find_phrase(b, s).is_some())
            || words.names.iter().any(|n| n == w)
        {
            return Role::Ignored;
        }
        // The digits and marks of the figure, without its scale word.
        let end = w
            .char_indices()
            .find(|(_, c)| c.is_alphabetic())
            .map_or(w.len(), |(k, _)| k);
        let w = w[..end].trim_end_matches(|c: char| !c.is_ascii_digit());
        let Some(sep) = w.rfind(['.', ',']) else {
            return Role::Neutral;
        };
        let (int, frac) = (&w[..sep], &w[sep + 1..]);
        let zeros = !frac.is_empty() && frac.bytes().all(|c| c == b'0');
        // A model named by a code and a number ("V8 3.9", "1.8 Turbo").
        let unitless = f.unit.is_none() && f.kind == Kind::Count;
        let named_before = token_before(text, f.num_start()).is_some_and(|(tok, prev)| {
            is_code(tok)
                || is_capitalised(tok) && prev.is_some_and(|c| !matches!(c, '.' | '!' | '?'))
        });
        // A model code after the number ("2.0 TDI"), or a capitalised
        // name after a number the article names ("le 1.8 Turbo").
        let named_after = unitless
            && token_after(text, f.num_end()).is_some_and(|tok| {
                is_capitalised(tok)
                    && (is_code(tok)
                        || tok.chars().filter(|c| c.is_uppercase()).count() > 1
                        || articles
                            .iter()
                            .any(|a| b.ends_with(a.as_str()) && find_phrase(b, a).is_some()))
            });
        if named_before || named_after {
            return Role::Ignored;
        }
        // A time of day: hours and minutes after or before a word of time.
        if frac.len() == 2 && int.len() <= 2 {
            let (h, m) = (int.parse::<u32>(), frac.parse::<u32>());
            if h.is_ok_and(|h| h <= 24) && m.is_ok_and(|m| m < 60) && f.kind == Kind::Count {
                let a = after(text, f.num_end(), 16);
                let a = a.trim_start();
                let timed_before = words
                    .time_before
                    .iter()
                    .any(|s| b.ends_with(s.as_str()) && find_phrase(b, s).is_some());
                let timed_after = words
                    .time_after
                    .iter()
                    .any(|s| a.starts_with(s.as_str()) && find_phrase(a, s) == Some(0));
                // Or just after a date, as in a dateline ("15/02/2019 20.30").
                let after_date = i > 0 && {
                    let prev = &corpus.claims[i - 1];
                    prev.doc == corpus.claims[i].doc
                        && prev.fig.kind == Kind::Date
                        && prev.fig.end() <= f.num_start()
                        && text[prev.fig.end()..f.num_start()]
                            .chars()
                            .all(|c| c == ' ' || c == ',')
                };
                if (timed_before || after_date) && f.unit.is_none() || timed_after {
                    return Role::Ignored;
                }
            }
        }
        // A list written without spaces ("rounds 6,7 and 8"): small
        // numbers in increasing order.
        if w.as_bytes()[sep] == b',' && int.len() <= 2 && frac.len() <= 2 {
            let a = after(text, f.num_end(), 16);
            let a = a.trim_start();
            let next = words.list_words.iter().find_map(|s| {
                let r = a.strip_prefix(s.as_str())?;
                let r = r.strip_prefix(' ')?.trim_start();
                let n: String = r.chars().take_while(char::is_ascii_digit).collect();
                let more = r[n.len()..].chars().next();
                (!n.is_empty() && !matches!(more, Some('.' | ','))).then_some(n)
            });
            let num = |s: &str| s.parse::<u64>().ok();
            if let (Some(x), Some(y), Some(z)) =
                (num(int), num(frac), next.as_deref().and_then(num))
            {
                if x < y && y < z {
                    return Role::Ignored;
                }
            }
        }
        match f.evidence {
            Evidence::DotDecimal | Evidence::CommaDecimal if zeros => {
                let s = if f.evidence == Evidence::DotDecimal {
                    System::Point
                } else {
                    System::Comma
                };
                if frac.len() > 3 {
                    Role::Odd(s)
                } else {
                    Role::Ignored
                }
            }
            Evidence::DotDecimal | Evidence::CommaGroup => Role::Vote(System::Point),
            Evidence::CommaDecimal | Evidence::DotGroup => Role::Vote(System::Comma),
            // Three zeros after the mark: thousands, whatever the language.
            Evidence::AmbiguousDot if zeros => Role::Vote(System::Comma),
            Evidence::AmbiguousComma if zeros => Role::Vote(System::Point),
            Evidence::AmbiguousDot | Evidence::AmbiguousComma => {
                let dot = f.evidence == Evidence::AmbiguousDot;
                let grouped = f.decimals == 0;
                Role::Ambiguous(if dot == grouped {
                    System::Comma
                } else {
                    System::Point
                })
            }
            Evidence::None => Role::Neutral,
        }
    }
}

/// The folded word lists of the parameters.
struct Words {
    names: Vec<String>,
    skip_after: Vec<String>,
    time_before: Vec<String>,
    time_after: Vec<String>,
    list_words: Vec<String>,
}

/// The document, labelled with a language of one separator system, is
/// written in a language of the other (Spanish labelled English).
fn in_other_system(cx: &Context, doc: &crate::input::Document) -> bool {
    let Lang::Known(_) = doc.lang else {
        return false;
    };
    let conv = cx.lexicon.conventions(doc.lang);
    let detected = crate::input::detect_lang(&doc.text);
    matches!(detected, Lang::Known(_))
        && detected != doc.lang
        && cx.lexicon.conventions(detected).known()
        && cx.lexicon.conventions(detected).decimal_point() != conv.decimal_point()
}

fn check(p: &MixedSeparators, cx: &Context, rule: &RuleDef, findings: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let words = p.prepared.get(|| Words {
        names: folded(&p.name_numbers),
        skip_after: folded(&p.skip_after),
        time_before: folded(&p.time_before),
        time_after: folded(&p.time_after),
        list_words: folded(&p.list_words),
    });
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let conv = cx.lexicon.conventions(doc.lang);
        if !conv.known() {
            continue;
        }
        let native = if conv.decimal_point() {
            System::Point
        } else {
            System::Comma
        };
        let articles = folded(&cx.lexicon.lang(doc.lang).definite_articles);
        let range = corpus.doc_claims[d].clone();
        let roles: Vec<(usize, Role)> = range
            .filter(|&i| corpus.claims[i].repeat_of().is_none())
            .map(|i| (i, p.role(corpus, text, i, words, &articles)))
            .collect();
        let votes = |s: System| -> Vec<usize> {
            roles
                .iter()
                .filter(|(_, r)| *r == Role::Vote(s))
                .map(|&(i, _)| i)
                .collect()
        };
        let (point, comma) = (votes(System::Point), votes(System::Comma));
        let weight = |s: System, n: usize| n + usize::from(s == native);
        let (wp, wc) = (
            weight(System::Point, point.len()),
            weight(System::Comma, comma.len()),
        );
        // The document's system: the clear majority, the language counting
        // as one figure of its own system.
        let majority = if wp >= 2 * wc && wp >= 2 {
            Some(System::Point)
        } else if wc >= 2 * wp && wc >= 2 {
            Some(System::Comma)
        } else {
            None
        };
        let evidence = |s: System| -> (String, usize) {
            let v = if s == System::Point { &point } else { &comma };
            let shown: Vec<String> = v
                .iter()
                .take(3)
                .map(|&o| {
                    let of = &corpus.claims[o].fig;
                    format!("`{}`", &text[of.num_start()..of.num_end()])
                })
                .collect();
            (shown.join(", "), v.first().copied().unwrap_or(usize::MAX))
        };
        let mixed = !point.is_empty() && !comma.is_empty();
        let mut found = Vec::new();
        let out = &mut found;
        for &(i, role) in &roles {
            let f = &corpus.claims[i].fig;
            let written = &text[f.num_start()..f.num_end()];
            let push = |out: &mut Vec<Finding>, sev: Option<Severity>, msg: String, o: usize| {
                let claims = if o == usize::MAX { vec![i] } else { vec![i, o] };
                let mut finding =
                    Finding::at_span(rule, d as u32, (f.num_start(), f.num_end()), msg, claims);
                if let Some(s) = sev {
                    finding.severity = s;
                }
                out.push(finding);
            };
            match role {
                Role::Vote(s) | Role::Odd(s) if mixed || matches!(role, Role::Odd(_)) => {
                    let other = if s == System::Point {
                        System::Comma
                    } else {
                        System::Point
                    };
                    let (shown, o) = evidence(other);
                    if o == usize::MAX {
                        continue;
                    }
                    if majority == Some(other) {
                        push(
                            out,
                            None,
                            format!(
                                "`{written}` is written with {}, against the rest of this document, which writes {} ({shown})",
                                describe(f.evidence),
                                other.describe()
                            ),
                            o,
                        );
                    } else if majority.is_none() && s != native && mixed {
                        push(
                            out,
                            Some(Severity::Info),
                            format!(
                                "`{written}` is written with {}, against the document's language, and this document also writes {} ({shown}); its usage is mixed",
                                describe(f.evidence),
                                other.describe()
                            ),
                            o,
                        );
                    }
                }
                Role::Ambiguous(s) => {
                    // The system the document's own figures show, when
                    // they show one.
                    let shown_system = if mixed {
                        majority
                    } else if !point.is_empty() {
                        Some(System::Point)
                    } else if !comma.is_empty() {
                        Some(System::Comma)
                    } else {
                        None
                    };
                    let Some(sys) = shown_system.filter(|&x| x != s) else {
                        continue;
                    };
                    let (shown, o) = evidence(sys);
                    let value = f
                        .value()
                        .map(|v| v.normalize().to_string())
                        .unwrap_or_default();
                    push(
                        out,
                        Some(Severity::Info),
                        format!(
                            "ambiguous value `{written}`: read as {value} by the document's language, but this document writes {} ({shown}), so it may mean something else",
                            sys.describe()
                        ),
                        o,
                    );
                }
                _ => {}
            }
        }
        // A text in a language of the other system is no evidence of the
        // convention of the language it is labelled with. Detecting it
        // reads the whole text again, so only where there is a finding.
        if !found.is_empty() && !in_other_system(cx, doc) {
            findings.append(&mut found);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;
    use crate::rules::{Selection, Severity};

    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC104");
    }

    /// The findings of FC104 on `text` in `lang`: (severity, span text).
    fn found(text: &str, lang: &str) -> Vec<(Severity, String)> {
        let doc = crate::input::Document::new("t", text, Some(Lang::new(lang)));
        let sel = Selection {
            select: vec!["FC104".into()],
            ignore: Vec::new(),
        };
        let (_, findings) = crate::analyze(vec![doc], crate::testing::config(), &sel);
        findings
            .into_iter()
            .map(|f| (f.severity, text[f.span.0..f.span.1].to_string()))
            .collect()
    }

    fn warnings(text: &str, lang: &str) -> Vec<String> {
        found(text, lang)
            .into_iter()
            .filter(|(s, _)| *s != Severity::Info)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn the_odd_figure_is_named_once_and_its_neighbours_are_not() {
        let t = "Le seuil des 5.000 cas a été franchi (5.996 jeudi), contre 2,4 millions \
                 ailleurs. Le taux de positivité est de 11.76%.";
        assert_eq!(warnings(t, "fr"), vec!["11.76"]);
    }

    #[test]
    fn a_figure_against_the_language_and_one_of_its_own_is_a_clear_majority() {
        let t = "En novembre, 1,3 million de téléspectateurs; en mars, 1.37 million.";
        assert_eq!(warnings(t, "fr"), vec!["1.37 million"]);
        let t = "The fund reached 3,4 billion dollars, and 350,000 people voted.";
        assert_eq!(warnings(t, "en"), vec!["3,4 billion"]);
    }

    #[test]
    fn a_balanced_document_gives_information_only() {
        let t = "Les ventes ont progressé de 1.2% en juin et de 1.8% en mai, \
                 après une baisse de 8,4% en avril.";
        assert!(warnings(t, "fr").is_empty());
        assert!(!found(t, "fr").is_empty());
    }

    #[test]
    fn names_codes_and_round_versions_are_no_convention() {
        let t = "Le bloc V8 3.9 litres, le 1.8 Turbo, le bloc 1.2 et le 2.0 diesel \
                 consomment 4,6 litres.";
        assert!(found(t, "fr").is_empty(), "{:?}", found(t, "fr"));
        let t = "Its 1,6 litre engine and the E-Tech 1.6 hybrid.";
        assert!(warnings(t, "en").is_empty());
    }

    #[test]
    fn times_are_no_convention() {
        let t = "Le conseil se réunit à 20.30 et vote un budget de 2,5 millions.";
        assert!(found(t, "fr").is_empty(), "{:?}", found(t, "fr"));
        let t = "The vote opens at 20.00 horas local time; turnout was 2,5 percent.";
        assert!(warnings(t, "en").iter().all(|w| w != "20.00"));
        let t = "Mis à jour le 15/02/2019 21.12 : la commune a reçu 2,5 millions d'euros.";
        assert!(found(t, "fr").is_empty(), "{:?}", found(t, "fr"));
    }

    #[test]
    fn a_text_in_a_language_of_the_other_system_is_no_evidence() {
        // Spanish, labelled English: its comma decimals and point groups are
        // its own convention, not a mix.
        let t = "El Gobierno aprobó ayer un plan de 2,5 millones de euros para las \
                 familias, y el año pasado 1.500.000 personas recibieron la ayuda, \
                 según los datos de la Comunidad, que fue de 3.5 millones.";
        assert!(found(t, "en").is_empty(), "{:?}", found(t, "en"));
        assert!(!found(t, "es").is_empty());
    }

    #[test]
    fn one_figure_off_an_english_convention_is_the_only_finding() {
        let t = "The park covers 1,250 acres, of which 6,2 ha are wetland; visits rose \
                 3.5 percent to 12,400 in 2019, and the budget is 2.8 million dollars.";
        assert_eq!(warnings(t, "en"), vec!["6,2"]);
    }

    #[test]
    fn chemical_and_product_names_are_no_convention() {
        let t = "Levels of 1,2-dichloroethane and of the herbicide 2,4-D were low; \
                 PM2.5 rose by 3.5 percent and 1,200 samples were taken.";
        assert!(found(t, "en").is_empty(), "{:?}", found(t, "en"));
        let t = "Le PM2.5 a augmenté de 3,5 % et 1,2-dichloroéthane de 2,5 %.";
        assert!(found(t, "fr").is_empty(), "{:?}", found(t, "fr"));
    }

    #[test]
    fn lists_without_spaces_are_no_convention() {
        let t = "In rounds 6,7 and 8 he landed 1,200 punches before 21,965 fans.";
        assert!(found(t, "en").is_empty(), "{:?}", found(t, "en"));
        // Not in increasing order: a decimal comma, against the document.
        let t = "The film scored 18,5 and 3 critics gave it full marks; 1,250,000 people saw it.";
        assert_eq!(warnings(t, "en"), vec!["18,5"]);
    }

    #[test]
    fn an_ambiguous_figure_read_against_the_document_is_information() {
        // A count keeps the language's grouping, which the document's
        // decimal point puts in doubt: a note, not a warning.
        let t = "Devant 2.500 spectateurs, la voiture a fait le 0 à 100 en 6.6 secondes.";
        let f = found(t, "fr");
        assert_eq!(f, vec![(Severity::Info, "2.500".to_string())]);
        // A measure is read with the document's decimal point: nothing to say.
        let t = "La voiture a atteint 490.484 km/h, en 6.6 secondes de 0 à 100.";
        assert!(found(t, "fr").is_empty(), "{:?}", found(t, "fr"));
    }

    #[test]
    fn a_scrambled_figure_is_still_reported() {
        let t = "Le virus a fait près de 290.0000 morts, dont 1,2 million en Europe.";
        assert_eq!(warnings(t, "fr"), vec!["290.0000"]);
    }
}
