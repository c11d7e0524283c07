//! What the vocabularies find in a sentence, and which of it is about a
//! given figure: its role, side, places, period and whether it is a change.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::vocabulary::{Match, Vocabulary};
use super::{first_bit, Meanings, Places, Span, FIRST_BITS, RANKED, SPAN};
use crate::claims::tokens::{Tok, Tokens};
use crate::model::Figure;

impl Meanings {
    /// Everything the vocabularies and the gazetteer find in one sentence
    /// (`toks`, the tokens of a sentence of `text`); `labels` holds the
    /// byte starts of the numbers the text reads as labels of a name
    /// ("Europe 1"), in order.
    pub(crate) fn sentence(&self, text: &str, toks: &Tokens, labels: &[usize]) -> SentenceMeaning {
        let vocabs = self.vocabularies();
        let mut found: [Vec<Match>; 9] = Default::default();
        // Where each vocabulary may match next (matches do not overlap).
        let mut free = [0usize; 9];
        for i in 0..toks.toks.len() {
            // One look-up tells which vocabularies have a phrase starting
            // with this word; most words start none.
            let h = toks.toks[i].hash;
            let (w, b) = first_bit(h);
            if self.first_bits.get(w).is_none_or(|&x| x & b == 0) {
                continue;
            }
            let Some(&mask) = self.firsts.get(&h) else {
                continue;
            };
            for (v, vocab) in vocabs.iter().enumerate() {
                if mask & (1 << v) == 0 || i < free[v] {
                    continue;
                }
                if let Some(m) = vocab.match_at(toks, i) {
                    free[v] = m.te;
                    found[v].push(m);
                }
            }
        }
        let [deltas, roles, sides, names, adjectives, periods, excluded, extents, authorities] =
            found;
        let mut places: Vec<(Match, bool)> = names.into_iter().map(|m| (m, true)).collect();
        for m in self.gazetteer_names(text, toks, &periods, &excluded, labels) {
            if !places.iter().any(|(p, _)| m.ts < p.te && p.ts < m.te) {
                places.push((m, true));
            }
        }
        for m in adjectives {
            if !places.iter().any(|(p, _)| m.ts < p.te && p.ts < m.te) {
                places.push((m, false));
            }
        }
        places.sort_by_key(|(m, _)| m.ts);
        // A dateline names where the story was written, not what its
        // figures are about.
        if places
            .first()
            .is_some_and(|(m, name)| *name && is_dateline(text, toks, m))
        {
            places.remove(0);
        }
        let place_groups = self.place_groups(&places, toks);
        SentenceMeaning {
            deltas,
            roles,
            sides,
            authorities,
            places,
            place_groups,
            periods,
            excluded,
            extents,
        }
    }

    /// The gazetteer's names in a sentence that are read as places (see
    /// [`super::places::Gazetteer`] for the rule).
    fn gazetteer_names(
        &self,
        text: &str,
        toks: &Tokens,
        periods: &[Match],
        excluded: &[Match],
        labels: &[usize],
    ) -> Vec<Match> {
        let mut out = Vec::new();
        let n = toks.toks.len();
        let mut i = 0;
        while i < n {
            let t = toks.toks[i];
            if !titlecase(&text[t.start..t.end]) {
                i += 1;
                continue;
            }
            let Some(g) = self.gazetteer.match_at(toks, i) else {
                i += 1;
                continue;
            };
            let j = i + g.len;
            let first_letter = |k: usize, is: fn(char) -> bool| {
                let t = toks.toks[k];
                text[t.start..t.end].chars().next().is_some_and(is)
            };
            let capital = |k: usize| first_letter(k, char::is_uppercase);
            let word_in = |k: usize, list: &[String]| list.iter().any(|w| w == toks.key(k..k + 1));
            // The genitive right before token `k`, or before the article
            // there ("de", "de l'", "of"): its token.
            let genitive_before = |k: usize| {
                if k >= 1 && word_in(k - 1, &self.place_genitives) {
                    Some(k - 1)
                } else if k >= 2
                    && word_in(k - 1, &self.place_articles)
                    && word_in(k - 2, &self.place_genitives)
                {
                    Some(k - 2)
                } else {
                    None
                }
            };
            // A capitalised word before the name joins it, unless it
            // introduces a place ("En France", "Le Brésil", "In London",
            // "Excluding Hubei").
            let introduces = |k: usize| {
                let key = toks.key(k..k + 1);
                self.place_prepositions.iter().any(|p| p == key)
                    || self.place_articles.iter().any(|p| p == key)
                    || self.place_links.iter().any(|p| p == key)
                    || excluded.iter().any(|x| x.te == k + 1)
            };
            // Words of one name are apart by blanks or a hyphen only: a
            // point or a quote between ("France\".Selon") ends it; a hyphen
            // alone makes one compound name of any words
            // ("Montoir-de-Bretagne", "Paris-Saclay"; not "--Pays-Bas").
            let gap = |k: usize| &text[toks.toks[k - 1].end..toks.toks[k].start];
            let hyphen = |k: usize| matches!(gap(k), "-" | "‐" | "‑");
            let spaced = |k: usize| gap(k).chars().all(char::is_whitespace);
            let joined_before =
                i > 0 && (hyphen(i) || (spaced(i) && capital(i - 1) && !introduces(i - 1)));
            let joined_after = j < n
                && spaced(j)
                && ((capital(j) && !periods.iter().any(|p| p.ts == j))
                    || labels.binary_search(&toks.toks[j].start).is_ok());
            // A part of a country ("l'Etat de New York", "la province de
            // l'Equateur", "Hubei province") is the region of that name; a
            // country after one ("cette région de Birmanie", "the Algarve
            // region of Portugal") is no place the gazetteer knows (the
            // figure is about a part of it), unless the noun also names a
            // sovereign state ("l'Etat d'Israël"); a city after one with no
            // region of its name stays the city ("la région de Houston").
            let lead = genitive_before(i)
                .and_then(|k| k.checked_sub(1))
                .filter(|&k| word_in(k, &self.place_subdivisions));
            // After the name, a lowercase noun only ("Hubei province", "New
            // York state"; not "Michigan State", a university, nor a name
            // that is also a common word: "the West region").
            let after = lead.is_none()
                && !g.common
                && j < n
                && spaced(j)
                && first_letter(j, char::is_lowercase)
                && word_in(j, &self.place_subdivisions);
            // A name joined to the words around it ("la région des West
            // Midlands") is another name.
            if (lead.is_some() || after) && !joined_before && !joined_after {
                // The region of that name in the country of the place the
                // name alone reads as, or the only region of that name
                // ("l'Etat de Géorgie"); for a name that is also a common
                // word ("cet Etat du Sud"), only the one region of that
                // name ("l'Etat du Para").
                let named = self.gazetteer.regions_named(toks.key(i..j));
                let country = self.place_root(g.place);
                let only = (named.len() == 1).then(|| named[0]);
                let region = if g.common {
                    only
                } else {
                    named
                        .iter()
                        .copied()
                        .find(|&r| self.place_root(r) == country)
                        .or(only)
                };
                if let Some(id) = region {
                    let te = if after { j + 1 } else { j };
                    out.push(Match { ts: i, te, id });
                    i = te;
                    continue;
                }
                let sovereign = lead.is_some_and(|k| word_in(k, &self.place_sovereign));
                if lead.is_some() && self.gazetteer.named_alone(g.place) && !sovereign {
                    i = j;
                    continue;
                }
            }
            // "pays d'Europe", "de l'Asie": a continent qualifying a noun.
            let qualifies = self.gazetteer.is_continent(g.place) && genitive_before(i).is_some();
            let after_preposition = i > 0
                && self
                    .place_prepositions
                    .iter()
                    .any(|p| p == toks.key(i - 1..i));
            let placed = if g.common {
                after_preposition
            } else {
                self.gazetteer.named_alone(g.place)
                    || (i > 0 && introduces(i - 1))
                    // "Newport, Rhode Island": a place names the next.
                    || (t.comma && out.last().is_some_and(|m: &Match| m.te == i))
            };
            if joined_before || joined_after || qualifies || !placed {
                i += 1;
                continue;
            }
            out.push(Match {
                ts: i,
                te: j,
                id: g.place,
            });
            i = j;
        }
        out
    }

    /// The vocabularies read in a sentence, in the bit order of
    /// [`Meanings::firsts`].
    fn vocabularies(&self) -> [&Vocabulary; 9] {
        [
            &self.delta,
            &self.roles,
            &self.sides,
            &self.places,
            &self.place_adjectives,
            &self.periods,
            &self.place_exclusions,
            &self.place_extents,
            &self.authorities,
        ]
    }

    /// Recomputes [`Meanings::firsts`] after a file is added.
    pub(super) fn index_firsts(&mut self) {
        let mut firsts: HashMap<u64, u16> = HashMap::default();
        let mut bits = vec![0u64; FIRST_BITS / 64];
        for (v, vocab) in self.vocabularies().iter().enumerate() {
            for &h in vocab.firsts.keys() {
                *firsts.entry(h).or_insert(0) |= 1 << v;
                let (w, b) = first_bit(h);
                bits[w] |= b;
            }
        }
        self.firsts = firsts;
        self.first_bits = bits;
    }

    /// What happened to the counted, from the phrases nearest the figure in
    /// its clause. Only for measures that count people.
    pub(crate) fn role_near(
        &self,
        text: &str,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
        fig: &Figure,
    ) -> Option<u16> {
        if let Some((s, e)) = fig.entity() {
            match self.measure_of(&text[s..e]) {
                Some(m) if self.people.get(m as usize) == Some(&true) => {}
                Some(_) => return None,
                None => {}
            }
        }
        nearest(&sm.roles, at, toks, ROLE_BEFORE, ROLE_AFTER)
    }

    /// The side of the counted: right after the noun ("soldats américains",
    /// "militants de l'EI") or right before it ("US soldiers").
    pub(crate) fn side_near(
        &self,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
    ) -> Option<u16> {
        let after = sm
            .sides
            .iter()
            .find(|m| m.ts >= at.after && m.ts - at.after <= 3 && clear(toks, at.after, m.ts));
        if let Some(m) = after {
            return Some(m.id);
        }
        sm.sides
            .iter()
            .find(|m| {
                at.entity
                    .is_some_and(|e| m.te <= e && e - m.te <= 1 && m.ts >= at.end)
            })
            .map(|m| m.id)
    }

    /// The place mentions of a sentence (`places`, in order) in groups
    /// joined by coordination words ("en Irak et en Syrie"), as ranges of
    /// `places`: the same for every figure of the sentence.
    fn place_groups(&self, places: &[Mention], toks: &Tokens) -> Vec<Range<usize>> {
        let mut groups: Vec<Range<usize>> = Vec::new();
        for (i, &(m, _)) in places.iter().enumerate() {
            if let Some(g) = groups.last_mut() {
                let prev = places[g.end - 1].0;
                let joined = m.ts >= prev.te
                    && m.ts - prev.te <= 3
                    && (prev.te..m.ts).all(|k| {
                        let key = toks.key(k..k + 1);
                        self.place_links.iter().any(|l| l == key)
                    })
                    && !toks.toks[m.ts].clause_break;
                if joined {
                    g.end = i + 1;
                    continue;
                }
            }
            groups.push(i..i + 1);
        }
        groups
    }

    /// The places a figure is about: the place named nearest to it in its
    /// sentence, or, when that mention is coordinated with others ("en Irak
    /// et en Syrie", "irakiennes et syriennes"), all of them together.
    pub(crate) fn places_near(
        &self,
        text: &str,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
    ) -> Places {
        // A sentence that names no place (most sentences of a long run of
        // figures) gives none, with no look back for a list's head.
        if sm.place_groups.is_empty() {
            return Places::default();
        }
        // The mentions joined by coordination words, grouped once per
        // sentence.
        let groups = sm.place_groups.iter().map(|r| &sm.places[r.clone()]);
        // The nearest group with a place name (adjectives alone name sides),
        // or a coordination of adjectives. A group after an exclusion ("hors
        // de Chine", "outside China") is not the figure's place: when it is
        // the nearest, the figure has none.
        // The figure's item of a list names its place, or a name of its
        // own, before it.
        // Both look back no further than a place is looked for, so that a
        // long sentence of figures costs no scan of it per figure.
        // Read only for a place after the figure, once.
        let reach = at.start.saturating_sub(PLACE_BEFORE);
        let mut headed_memo = None;
        let mut headed = || {
            *headed_memo.get_or_insert_with(|| {
                sm.places.iter().any(|&(m, name)| {
                    name && m.te <= at.start
                        && m.te >= reach
                        && (m.te..=at.start).all(|k| !toks.toks.get(k).is_some_and(|t| t.comma))
                }) || (reach.max(1)..=at.start)
                    .rev()
                    .find(|&k| toks.toks.get(k).is_some_and(|t| t.comma))
                    .is_some_and(|c| self.named_head(text, toks, c, at.start))
            })
        };
        // A phrase fronted before the subject of its sentence ("Avec 41.828
        // décès recensés depuis le début de l'épidémie, le Brésil a
        // dépassé…"): its figures are about the place that opens the
        // clause after its comma (an article or a title between: "l'Etat
        // de New York").
        // The phrase is short ([`FRONTED_REACH`] tokens to the figure and
        // from its noun to the place), so that a long sentence of figures
        // costs no scan of it per figure.
        let fronted_subject = |gs: usize| {
            if at.start > FRONTED_REACH
                || gs > at.after + FRONTED_REACH
                || !self.opens_fronted(toks)
            {
                return false;
            }
            let Some(c) = (at.after..=gs).find(|&k| toks.toks.get(k).is_some_and(|t| t.comma))
            else {
                return false;
            };
            gs - c <= FRONTED_SUBJECT
                && !toks.toks[c].clause_break
                && (c + 1..=gs).all(|k| !toks.toks[k].comma)
                && (1..=at.start).all(|k| toks.toks.get(k).is_some_and(|t| !t.comma))
        };
        let mut best: Option<(usize, &[Mention])> = None;
        for g in groups {
            let names = g.iter().filter(|m| m.1).count();
            if names == 0 && g.len() < 2 {
                continue;
            }
            let (gs, ge) = (g[0].0.ts, g[g.len() - 1].0.te);
            // A place too far from the figure is skipped before the
            // exclusions below are read (they change nothing for it).
            let dist = if ge <= at.start {
                // Far back in a long sentence, a place names something
                // else, unless it frames the sentence ("En Syrie, ...").
                if at.start - ge > PLACE_BEFORE && gs > 2 {
                    continue;
                }
                // A place that follows its figures ("dans le monde") names
                // the scope of a ranking before them ("deuxième pays le
                // plus endeuillé dans le monde avec 36.793 morts"), unless
                // it opens the sentence ("Dans le monde, …").
                if gs > 0
                    && g.iter()
                        .all(|m| self.place_follows.get(m.0.id as usize) == Some(&true))
                {
                    continue;
                }
                // In a list ("l'Europe 183.338 décès, l'Asie 19.244
                // décès"), a place names its own item's figure, not the
                // next item's.
                if self.own_item_after(text, toks, ge, at.start) {
                    continue;
                }
                // A place in a relative clause set off by commas before the
                // figure ("L'Etat de Sao Paulo, où le premier cas au Brésil
                // est apparu, a franchi … 10.000 morts") is about that
                // clause, not the figure.
                if self.in_closed_relative(toks, gs, ge, at.start) {
                    continue;
                }
                at.start - ge
            } else if gs >= at.after && fronted_subject(gs) {
                gs - at.after
            } else if gs >= at.after {
                // After the figure: only close ones ("1 400 soldats déployés
                // en Irak"), within the clause; a place right after the noun
                // ("killed in Iraq") wins over any before it.
                // "dans toute la France", "across France" scope the whole
                // clause.
                // and every figure in it.
                let extent = sm.extents.iter().any(|x| x.te == gs);
                let reach = if extent { EXTENT_AFTER } else { 8 };
                let open = if extent {
                    one_clause(toks, at.after, gs)
                } else {
                    clear(toks, at.after, gs)
                };
                // In a list whose items name their place before their
                // figure ("l'Italie avec 32.955 morts, la France avec
                // 28.530 morts", "le Brésil avec 41.828 morts, le
                // Royaume-Uni (41.481 morts)"), a place after a comma, or
                // one without a preposition that a figure of its own
                // follows ("33.689 morts et la France avec 29.065"), heads
                // the next item. Not so after an opening phrase ("Pays de
                // 127 millions d'habitants, le Mexique compte 208.392
                // cas").
                let next_item = headed()
                    && (toks.toks.get(at.after).is_some_and(|t| t.comma)
                        || (!self.introduced_by_preposition(toks, gs)
                            && item_has_figure(toks, ge)));
                if gs - at.after > reach
                    || !open
                    || next_item
                    || (at.after + 1..=gs).any(|k| toks.toks.get(k).is_some_and(|t| t.comma))
                {
                    continue;
                }
                if gs - at.after <= 4 {
                    0
                } else {
                    gs - at.after
                }
            } else {
                0
            };
            // A place excluded ("hors de Chine") or ranked against ("après
            // les Etats-Unis") is not the figure's: the next nearest is
            // ("Le Brésil est le deuxième pays le plus touché, après les
            // Etats-Unis, avec 52.000 morts").
            if self.excluded(gs, ge, at.start, sm, toks) || self.superlative_scope(gs, toks) {
                continue;
            }
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, g));
            }
        }
        let mut out = Places::default();
        if let Some((_, g)) = best {
            // "en Irak, à Bagdad et à Erbil" is Iraq: a place within
            // another of the group adds nothing.
            for (k, m) in g.iter().enumerate() {
                if g.iter()
                    .any(|o| o.0.id != m.0.id && self.place_within(m.0.id, o.0.id))
                    || g.get(k + 1).is_some_and(|o| self.homonym(m.0, o.0, toks))
                {
                    continue;
                }
                out.insert(m.0.id);
            }
        }
        out
    }

    /// True when the place at tokens `gs..ge` stands in a relative clause
    /// (its first word one of `[places] relatives`, after a comma) that a
    /// comma closes before token `figure`.
    fn in_closed_relative(&self, toks: &Tokens, gs: usize, ge: usize, figure: usize) -> bool {
        let comma = |k: usize| toks.toks.get(k).is_some_and(|t| t.comma);
        let from = gs.saturating_sub(PLACE_BEFORE).max(1);
        let Some(open) = (from..=gs).rev().find(|&k| comma(k)) else {
            return false;
        };
        let relative = self
            .place_relatives
            .iter()
            .any(|r| r == toks.key(open..open + 1));
        relative && (ge..=figure).any(comma)
    }

    /// True when the sentence of `toks` opens with a phrase of
    /// `place_fronted` ("Avec", "With").
    fn opens_fronted(&self, toks: &Tokens) -> bool {
        (1..=FRONTED_WORDS.min(toks.toks.len()))
            .any(|n| self.place_fronted.iter().any(|p| p == toks.key(0..n)))
    }

    /// True when a place preposition stands right before token `i`, or
    /// before the article there ("en France", "au Brésil", "dans la
    /// province").
    fn introduced_by_preposition(&self, toks: &Tokens, i: usize) -> bool {
        let prep = |k: usize| {
            self.place_prepositions
                .iter()
                .any(|p| p == toks.key(k..k + 1))
        };
        i > 0
            && (prep(i - 1)
                || (i > 1
                    && self.place_articles.iter().any(|a| a == toks.key(i - 1..i))
                    && prep(i - 2)))
    }

    /// True when a figure stands between tokens `from` and `to` (a place
    /// ending at `from`, a figure starting at `to`), and after it a comma
    /// opens an item of a list headed by a name of its own, first or after
    /// an article: "l'Europe 183.338 décès, l'Asie 19.244 décès", "the
    /// United States with 98,875 deaths, Britain with 37,048". A figure
    /// right after the comma has no head and stays in the item before
    /// ("50.000 morts, 1 million de cas").
    fn own_item_after(&self, text: &str, toks: &Tokens, from: usize, to: usize) -> bool {
        let Some(g) = (from..to)
            .rev()
            .find(|&k| toks.toks.get(k).is_some_and(|t| t.digits))
        else {
            return false;
        };
        let Some(c) = (g + 1..=to)
            .rev()
            .find(|&k| toks.toks.get(k).is_some_and(|t| t.comma))
        else {
            return false;
        };
        self.named_head(text, toks, c, to)
    }

    /// True when the item of a list that starts at token `c` is headed,
    /// before token `to`, by a capitalised word, first or after an article
    /// ("l'Asie 19.244 décès").
    fn named_head(&self, text: &str, toks: &Tokens, c: usize, to: usize) -> bool {
        let head = if c < to && self.place_articles.iter().any(|a| a == toks.key(c..c + 1)) {
            c + 1
        } else {
            c
        };
        head < to
            && toks
                .toks
                .get(head)
                .is_some_and(|t| titlecase(&text[t.start..t.end]))
    }

    /// True when city `m` is followed, after a comma, by the region or
    /// country `o` it should lie in, and lies in another country ("Newport,
    /// Rhode Island" is no Newport of Wales).
    fn homonym(&self, m: Match, o: Match, toks: &Tokens) -> bool {
        self.gazetteer.is_city(m.id)
            && !self.gazetteer.is_city(o.id)
            && o.id < self.gazetteer.len
            && toks.toks.get(m.te).is_some_and(|t| t.comma)
            && self.place_root(m.id) != self.place_root(o.id)
    }

    /// True when an exclusion ("hors de", "outside") stands before token
    /// `ts`, with at most two linking words between ("en dehors de la
    /// France").
    ///
    /// A place a figure is ranked against ("dépassant le Royaume-Uni",
    /// "suivis du Brésil"), ending at token `te`, is excluded for every
    /// figure but the one right after it, its own ("suivis du Brésil
    /// (50.617)").
    fn excluded(
        &self,
        ts: usize,
        te: usize,
        figure: usize,
        sm: &SentenceMeaning,
        toks: &Tokens,
    ) -> bool {
        let ranked = self.place_exclusions.ids.iter().position(|x| x == RANKED);
        let span = self.place_exclusions.ids.iter().position(|x| x == SPAN);
        // A relative pronoun after the place (its comma aside) opens a
        // clause about it.
        let relative = |k: usize| {
            toks.toks.get(k).is_some_and(|t| {
                let key = toks.key(k..k + 1);
                !t.digits && self.place_relatives.iter().any(|r| r == key)
            })
        };
        sm.excluded.iter().any(|x| {
            let is_ranked = ranked == Some(x.id as usize);
            // Only articles stand between a ranking phrase and its place
            // ("après les Etats-Unis"; not "peu après, la Chine a
            // proposé", "soon after in the Albany").
            let link = |k: usize| {
                let key = toks.key(k..k + 1);
                if is_ranked {
                    self.place_articles.iter().any(|l| l == key)
                } else {
                    self.place_links.iter().any(|l| l == key)
                }
            };
            // An exclusion reaches the places coordinated after its own,
            // with no comma between ("venues de Bulgarie et de
            // Roumanie").
            let in_place = |k: usize| sm.places.iter().any(|(m, _)| m.ts <= k && k < m.te);
            // A span reaches its other end too ("du Mexique à la Terre de
            // Feu").
            let is_span = span == Some(x.id as usize);
            let chained = |k: usize| {
                let key = toks.key(k..k + 1);
                !toks.toks[k].comma
                    && (link(k)
                        || in_place(k)
                        || self.place_articles.iter().any(|l| l == key)
                        || (is_span && self.place_span_links.iter().any(|l| l == key)))
            };
            (!is_ranked || (figure != te && !relative(te)))
                && x.te <= ts
                && !toks.toks.get(x.te).is_some_and(|t| t.comma)
                && ((ts - x.te <= 2 && (x.te..ts).all(link))
                    || (!is_ranked && (x.te..ts).any(in_place) && (x.te..ts).all(chained)))
        })
    }

    /// True when the place starting at token `gs` follows a genitive (and
    /// an article) that closes a superlative of a few words: the place is
    /// the scope of a ranking ("L'Etat de Sao Paulo est le plus peuplé du
    /// Brésil, … avec 10.581 décès", "la plus grande ville du pays"), not
    /// where the figure was counted.
    fn superlative_scope(&self, gs: usize, toks: &Tokens) -> bool {
        if self.place_superlatives.is_empty() {
            return false;
        }
        let genitive = |k: usize| self.place_genitives.iter().any(|g| g == toks.key(k..k + 1));
        let article = |k: usize| self.place_articles.iter().any(|a| a == toks.key(k..k + 1));
        let g = if gs >= 1 && genitive(gs - 1) {
            gs - 1
        } else if gs >= 2 && article(gs - 1) && genitive(gs - 2) {
            gs - 2
        } else {
            return false;
        };
        // The superlative ends at most SUPERLATIVE_WORDS tokens before the
        // genitive, with no comma between.
        (g.saturating_sub(SUPERLATIVE_WORDS + 2)..g).any(|k| {
            self.place_superlatives.iter().any(|s| {
                let n = s.matches(' ').count() + 1;
                k + n <= g
                    && g - (k + n) <= SUPERLATIVE_WORDS
                    && toks.key(k..k + n) == s
                    && !(k + 1..=g).any(|i| toks.toks.get(i).is_some_and(|t| t.comma))
            })
        })
    }

    /// The change the figure states, if any: a delta word right before or
    /// after its noun ("13 nouveaux décès", "72 décès supplémentaires"), a
    /// window of time or a rate that bounds its count; [`Change::Yearly`]
    /// when every such word is a rate per year ("55.000 euros par an").
    pub(crate) fn change_of(
        &self,
        text: &str,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
    ) -> Option<Change> {
        // Before the figure, the word must touch it ("a further 20"): in
        // "un nouveau bilan, 166.000" the word qualifies the toll, not a
        // change.
        let mut found = None;
        for m in &sm.deltas {
            let hit = if Some(m.id) == self.delta_window {
                window_of(text, m, at, toks)
            } else {
                (m.ts >= at.end && m.ts <= at.after + 1)
                    || m.te == at.start
                    || (Some(m.id) == self.delta_rate
                        && (self.rate_frame(m, at, toks) || bounds_after(text, m, at, toks)))
            };
            if !hit {
                continue;
            }
            // A rate per year is steady only when no other change word
            // makes the figure a day's change too.
            if Some(m.id) != self.delta_yearly {
                return Some(Change::Any);
            }
            found = Some(Change::Yearly);
        }
        found
    }

    /// True when a rate per head opens the sentence in a clause of its own
    /// before the figure, with no comma and no number before it ("Calculé
    /// en morts par million d'habitants, le Brésil enregistre 199 décès",
    /// "Per capita, …"): every figure after it is a rate.
    fn rate_frame(&self, m: &Match, at: &FigureTokens, toks: &Tokens) -> bool {
        m.te <= at.start
            && m.ts <= RATE_FRAME_HEAD
            && (m.te..=at.start).any(|k| toks.toks.get(k).is_some_and(|t| t.comma))
            && !(0..m.ts).any(|k| toks.toks.get(k).is_some_and(|t| t.comma || t.digits))
    }

    /// The period named in words nearest the figure in its sentence: any
    /// before it, or one close after it; with the mention's tokens.
    ///
    /// `clock` is the time of the figure's count when it is written right
    /// after it (its first and last tokens): a period named right after
    /// the clock time dates the count ("205 interpellations à 18 h
    /// samedi"), its digits no other count between them.
    pub(crate) fn period_word(
        &self,
        text: &str,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
        clock: Option<(usize, usize)>,
    ) -> Option<(Span, Match)> {
        let m = nearest_match(&sm.periods, at, toks, usize::MAX, 8, false)
            .map(|m| self.past_coordinator(m, at, sm, toks))
            .or_else(|| self.period_past_window(text, at, sm, toks))
            .or_else(|| {
                let (ts, te) = clock?;
                (ts >= at.after && ts - at.after <= PAST_WINDOW && clear(toks, at.after, ts))
                    .then(|| period_right_after(sm, toks, te))
                    .flatten()
            })?;
        self.period_spans.get(m.id as usize).map(|&s| (s, m))
    }

    /// The period after the figure instead of `m`, the one before it, when
    /// both stand as near and only a coordinator (`gapping` of
    /// [comparison_leads]) stands between `m` and the figure: "205 arrests
    /// on Saturday and 224 on Sunday" (Saturday dates the 205).
    fn past_coordinator(
        &self,
        m: Match,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
    ) -> Match {
        if m.te > at.start {
            return m;
        }
        let gap = at.start - m.te;
        // A coordinator is a word or two.
        if gap == 0 || gap > 3 {
            return m;
        }
        let between: Vec<&str> = (m.te..at.start)
            .filter_map(|k| toks.toks.get(k))
            .map(|t| &toks.folded[t.fs..t.fe])
            .collect();
        if !self.gapping_leads.iter().any(|l| *l == between) {
            return m;
        }
        sm.periods
            .iter()
            .find(|p| p.ts >= at.after && p.ts - at.after <= gap && clear(toks, at.after, p.ts))
            .copied()
            .unwrap_or(m)
    }

    /// The period named right after the window of time that bounds the
    /// figure's count ("1.349 morts du coronavirus en 24 heures
    /// mercredi"): the window's digits are no other count between them.
    fn period_past_window(
        &self,
        text: &str,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
    ) -> Option<Match> {
        let w = sm.deltas.iter().find(|w| {
            Some(w.id) == self.delta_window && w.ts >= at.end && bounds_after(text, w, at, toks)
        })?;
        period_right_after(sm, toks, w.te)
    }
}

/// The period named right after token `from` (at most [`PAST_WINDOW`]
/// tokens on, no number between): after a window of time or a clock time
/// that bounds a figure's count, whose digits are no other count.
fn period_right_after(sm: &SentenceMeaning, toks: &Tokens, from: usize) -> Option<Match> {
    sm.periods
        .iter()
        .filter(|p| p.ts >= from && p.ts - from <= PAST_WINDOW && clear(toks, from, p.ts))
        .min_by_key(|p| p.ts)
        .copied()
}

/// True when a window of time (`m`: "en 24 heures") bounds the count of
/// the figure at `at`: after it in its clause, with no other number
/// between ("1.349 morts du coronavirus en 24 heures mercredi"), right
/// before it ("en 24 heures 1.349 morts"), or opening the sentence in a
/// clause of its own with no number before the figure ("En 24 heures, le
/// Brésil a enregistré 1.349 morts"; not "Mille morts en 24 heures - Le
/// Brésil a enregistré 32.548 morts", a heading glued to a sentence).
fn window_of(text: &str, m: &Match, at: &FigureTokens, toks: &Tokens) -> bool {
    let any = |from: usize, to: usize, f: fn(&Tok) -> bool| {
        (from..to).any(|k| toks.toks.get(k).is_some_and(f))
    };
    if m.ts >= at.end {
        bounds_after(text, m, at, toks)
    } else {
        (m.te == at.start && !toks.toks.get(at.start).is_some_and(|t| t.comma || t.stop))
            || (m.ts == 0
                && m.te < at.start
                && toks.toks.get(m.te).is_some_and(|t| t.comma)
                && !any(m.te, at.start, |t| t.digits))
    }
}

/// True when words after a figure's noun (`m`: a window of time, a rate
/// per head) bound its count: in its clause, at most [`WINDOW_AFTER`]
/// tokens on, with no other number between ("195 morts du Covid-19 par
/// million d'habitants": the digits of a name do not count).
fn bounds_after(text: &str, m: &Match, at: &FigureTokens, toks: &Tokens) -> bool {
    m.ts >= at.end
        && m.ts <= at.after + WINDOW_AFTER
        && !(at.after..m.ts).any(|k| number_at(text, toks, k))
        && !(at.end..=m.ts).any(|k| toks.toks.get(k).is_some_and(|t| t.comma))
}

/// True when the token at `k` is a number: made of digits, and not joined
/// by a hyphen to the word before it as part of a name ("Covid-19").
fn number_at(text: &str, toks: &Tokens, k: usize) -> bool {
    let Some(t) = toks.toks.get(k) else {
        return false;
    };
    let named = k > 0
        && t.start > 0
        && text.as_bytes().get(t.start - 1) == Some(&b'-')
        && toks
            .toks
            .get(k - 1)
            .is_some_and(|p| !p.digits && p.end + 1 == t.start);
    t.digits && !named
}

/// Most tokens between the end of a figure's noun and a window of time
/// that bounds its count ("morts du coronavirus en 24 heures").
const WINDOW_AFTER: usize = 6;

/// The first words of a sentence in which a rate per head frames it.
const RATE_FRAME_HEAD: usize = 6;

/// Most words between a superlative and the genitive before the scope of
/// its ranking ("le plus peuplé du", "la plus grande ville du").
const SUPERLATIVE_WORDS: usize = 3;

/// How far back, in tokens, a place is looked for.
const PLACE_BEFORE: usize = 25;

/// How far, in tokens, a role is looked for before and after a figure.
const ROLE_BEFORE: usize = 8;
const ROLE_AFTER: usize = 10;

/// What kind of change a figure states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// A change over a day or a window of its own ("13 nouveaux décès",
    /// "en 24 heures"), or a rate per head.
    Any,
    /// A rate per year ("55.000 euros par an"), steady from day to day.
    Yearly,
}

/// Where a figure stands among the tokens of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FigureTokens {
    /// First token of the figure.
    pub(crate) start: usize,
    /// First token after the figure.
    pub(crate) end: usize,
    /// First token of the counted noun, if any.
    pub(crate) entity: Option<usize>,
    /// First token after the figure and its noun.
    pub(crate) after: usize,
}

impl FigureTokens {
    /// Where `fig` stands among `toks`, knowing that every token before
    /// `lo` ends at or before the figure's start (0, or the first token of
    /// a figure before it): the tokens are looked for from there on.
    pub(crate) fn new_from(toks: &Tokens, fig: &Figure, lo: usize) -> FigureTokens {
        // Every token before `start` ends before the figure's start, and
        // so before its end and its noun: each search goes on from it.
        let start = toks.first_after_from(fig.start(), lo);
        let end = toks.first_from_from(fig.end(), start).max(start);
        let entity = fig.entity().map(|(s, _)| toks.first_after_from(s, start));
        let after = fig
            .entity()
            .map_or(end, |(_, e)| toks.first_from_from(e, start))
            .max(end);
        FigureTokens {
            start,
            end,
            entity,
            after,
        }
    }
}

/// The vocabularies' phrases found in one sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceMeaning {
    pub(crate) deltas: Vec<Match>,
    pub(crate) roles: Vec<Match>,
    pub(crate) sides: Vec<Match>,
    /// Parties a count may be attributed to ("la préfecture").
    pub(crate) authorities: Vec<Match>,
    /// Place names (true) and place adjectives (false), in order.
    pub(crate) places: Vec<(Match, bool)>,
    /// `places` in groups joined by coordination words, as ranges of it.
    pub(crate) place_groups: Vec<Range<usize>>,
    pub(crate) periods: Vec<Match>,
    /// Phrases that exclude the place after them.
    pub(crate) excluded: Vec<Match>,
    /// Phrases that make the place after them a count's whole scope.
    pub(crate) extents: Vec<Match>,
}

/// Most tokens between a figure's noun and a place after it that an extent
/// phrase ("dans toute la") scopes, within the clause.
const EXTENT_AFTER: usize = 16;

/// True for a word written with a capital and lowercase letters.
fn titlecase(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// Longest run of text between a dateline's place and its dash: a date and
/// an agency ("Washington, 12 mars (Reuters) -").
const DATELINE_TAIL: usize = 48;

/// True when place mention `m`, the first words of a paragraph, is a
/// dateline: followed, on its line, by an optional date after a comma
/// (with a digit), an optional parenthesis (the agency), then a dash or a
/// bar ("Paris |", "PARIS (AFP) -", "Washington, 12 mars (Reuters) -").
fn is_dateline(text: &str, toks: &Tokens, m: &Match) -> bool {
    if m.ts != 0 || m.te == 0 {
        return false;
    }
    // Only blanks and markup since the start of the line.
    let start = toks.toks[0].start;
    let before = text[..start]
        .chars()
        .rev()
        .find(|&c| !(c == ' ' || c == '\t' || matches!(c, '#' | '*' | '_' | '>')));
    if before.is_some_and(|c| c != '\n' && c != '\r') {
        return false;
    }
    let end = toks.toks[m.te - 1].end;
    let mut stop = (end + 4 * DATELINE_TAIL).min(text.len());
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let line = text[end..stop].split('\n').next().unwrap_or("");
    let mut rest = line.trim_start();
    if let Some(r) = rest.strip_prefix(',') {
        let stop = r.find(['(', '|', '-', '–', '—']).unwrap_or(r.len());
        if stop > DATELINE_TAIL || !r[..stop].chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        rest = r[stop..].trim_start();
    }
    if let Some(r) = rest.strip_prefix('(') {
        match r.find(')') {
            Some(k) if k <= DATELINE_TAIL => rest = r[k + 1..].trim_start(),
            _ => return false,
        }
    }
    rest.starts_with(['|', '-', '–', '—'])
}

/// No clause break and no number between tokens `a` and `b`.
fn clear(toks: &Tokens, a: usize, b: usize) -> bool {
    (a..b.min(toks.toks.len()))
        .all(|k| !toks.toks[k].digits && (k == a || !toks.toks[k].clause_break))
        && toks.toks.get(b).is_none_or(|t| !t.clause_break || b == a)
}

/// True when a token made of digits follows token `from` closely, before
/// the next comma: a place heading an item of a list ("la France avec
/// 28.530", "le Royaume-Uni (41.481 morts)").
fn item_has_figure(toks: &Tokens, from: usize) -> bool {
    toks.toks[from..]
        .iter()
        .take(ITEM_HEAD)
        .take_while(|t| !t.comma || t.clause_break)
        .any(|t| t.digits)
}

/// Most tokens between a figure's window of time and the period named
/// after it ("en 24 heures, mercredi").
const PAST_WINDOW: usize = 2;

/// Most tokens between the comma closing a fronted phrase and the place
/// its figures are about ("…, l'Etat de New York").
const FRONTED_SUBJECT: usize = 3;

/// Most tokens from the start of a fronted phrase to its figure, and from
/// the figure's noun to the place after the phrase's comma.
const FRONTED_REACH: usize = 16;

/// Most words of a phrase of `place_fronted`.
const FRONTED_WORDS: usize = 3;

/// Most tokens between the place heading an item of a list and its figure.
const ITEM_HEAD: usize = 4;

/// True when no clause break stands between tokens `a` and `b` (figures
/// may).
fn one_clause(toks: &Tokens, a: usize, b: usize) -> bool {
    (a + 1..b.min(toks.toks.len())).all(|k| !toks.toks[k].clause_break)
        && toks.toks.get(b).is_none_or(|t| !t.clause_break || b == a)
}

/// The match nearest a figure: before it within `before` tokens, or after
/// its noun within `after` tokens in the same clause; the nearer wins, the
/// one before on a tie.
fn nearest(
    ms: &[Match],
    at: &FigureTokens,
    toks: &Tokens,
    before: usize,
    after: usize,
) -> Option<u16> {
    nearest_match(ms, at, toks, before, after, true).map(|m| m.id)
}

/// The mention nearest a figure, as [`nearest`] finds it, optionally
/// looking past other figures before the figure (periods: "les six
/// premiers mois de 2024, ... 153 attaques").
fn nearest_match(
    ms: &[Match],
    at: &FigureTokens,
    toks: &Tokens,
    before: usize,
    after: usize,
    strict_before: bool,
) -> Option<Match> {
    let b = ms
        .iter()
        .filter(|m| {
            m.te <= at.start
                && at.start - m.te <= before
                && (!strict_before || clear(toks, m.te, at.start))
        })
        .map(|m| (at.start - m.te, m.id, *m))
        .min_by_key(|x| (x.0, x.1));
    let a = ms
        .iter()
        .filter(|m| m.ts >= at.after && m.ts - at.after <= after && clear(toks, at.after, m.ts))
        .map(|m| (m.ts - at.after, m.id, *m))
        .min_by_key(|x| (x.0, x.1));
    match (b, a) {
        (Some(b), Some(a)) => Some(if a.0 < b.0 { a.2 } else { b.2 }),
        (Some(b), None) => Some(b.2),
        (None, Some(a)) => Some(a.2),
        (None, None) => None,
    }
}

/// A place mentioned in a sentence, and whether it is a name (true) or an
/// adjective (false).
type Mention = (Match, bool);
