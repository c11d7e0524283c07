//! Helpers for the extraction tests: the built-in configuration, loaded
//! once, and short ways to get the figures of a text.

pub(crate) use std::str::FromStr;

pub(crate) use rust_decimal::Decimal;

pub(crate) use crate::config::Config;
pub(crate) use crate::extract::{extract, Figure, Kind};
pub(crate) use crate::model::Lang;

pub(crate) type Interval = (Option<Decimal>, Option<Decimal>);

pub(crate) fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The built-in configuration, loaded once for all tests.
pub(crate) fn config() -> &'static Config {
    static CFG: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    CFG.get_or_init(|| Config::builtin().unwrap())
}

pub(crate) fn figs(text: &str, lang: Lang) -> Vec<(String, Figure)> {
    let cfg = config();
    extract(text, lang, &cfg.lexicon)
        .into_iter()
        .map(|f| (text[f.start..f.end].to_string(), f))
        .collect()
}

/// The only figure of `text`: its literal, value, interval and kind.
pub(crate) fn one(text: &str, lang: Lang) -> (String, Option<Decimal>, Interval, Kind) {
    let v = figs(text, lang);
    assert_eq!(
        v.len(),
        1,
        "{text:?} gave {:?}",
        v.iter().map(|x| &x.0).collect::<Vec<_>>()
    );
    let (t, f) = &v[0];
    (t.clone(), f.value, (f.low, f.high), f.kind)
}

pub(crate) fn entity<'a>(text: &'a str, f: &Figure) -> Option<&'a str> {
    f.entity.map(|(s, e)| &text[s..e])
}

/// The figures of `text` as (literal, value, low, high, kind).
pub(crate) fn all(text: &str, lang: Lang) -> Vec<(String, Option<Decimal>, Interval, Kind)> {
    figs(text, lang)
        .into_iter()
        .map(|(t, f)| (t, f.value.map(|v| v.normalize()), (f.low, f.high), f.kind))
        .collect()
}

/// The figure whose literal is `lit`.
pub(crate) fn find(text: &str, lang: Lang, lit: &str) -> (Option<Decimal>, Interval, Kind) {
    let v = all(text, lang);
    let hit = v.iter().find(|x| x.0 == lit);
    let (_, value, iv, k) = hit.unwrap_or_else(|| panic!("{lit:?} not in {v:?}"));
    (*value, *iv, *k)
}

/// The whole figure whose literal is `lit`.
pub(crate) fn figure(text: &str, lang: Lang, lit: &str) -> Figure {
    let f = figs(text, lang);
    let hit = f.iter().find(|x| x.0 == lit);
    hit.unwrap_or_else(|| panic!("{lit:?} not in {text:?}: {f:?}"))
        .1
}

pub(crate) fn val(text: &str, lang: Lang, lit: &str) -> Decimal {
    find(text, lang, lit)
        .0
        .unwrap_or_else(|| panic!("{lit:?} has no value"))
}
