use hashbrown::HashMap;
use std::sync::OnceLock;

use super::utils::{get_trigrams_with_positions, TrigramsWithPositions};
use super::{LangProfile, LangProfileList};
use super::{Trigram, MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE};
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use crate::core::{calculate_confidence, FilterList, Info, InternalQuery, Text};
use crate::scripts::grouping::MultiLangScript;
use crate::Lang;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, iquery.multi_lang_script)
}

fn script_to_lang_profile_list(script: MultiLangScript) -> LangProfileList {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => LATIN_LANGS,
        MLS::Cyrillic => CYRILLIC_LANGS,
        MLS::Arabic => ARABIC_LANGS,
        MLS::Devanagari => DEVANAGARI_LANGS,
        MLS::Hebrew => HEBREW_LANGS,
    }
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    script: MultiLangScript,
) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(script);
    let mut lang_distances: Vec<(Lang, u32)> = vec![];

    let TrigramsWithPositions {
        trigram_positions, ..
    } = get_trigrams_with_positions(&text.lowercase());
    let unique_trigrams_count = trigram_positions.len();

    // Listing Guard: the distances summed over the text's trigrams through an index of the
    // profiles (`ProfileIndex`), not over each profile's 300 trigrams with a look-up each.
    let sums = ProfileIndex::of(script).sums(&trigram_positions);
    for (p, &(lang, lang_trigrams)) in lang_profile_list.iter().enumerate() {
        if !filter_list.is_allowed(lang) {
            continue;
        }
        let dist = distance_from_sum(lang_trigrams.len(), sums[p], trigram_positions.len());
        lang_distances.push(((lang), dist));
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

#[inline]
fn calculate_distance(lang_trigrams: LangProfile, text_trigrams: &HashMap<Trigram, u32>) -> u32 {
    let mut total_dist = 0u32;

    for (i, &trigram) in lang_trigrams.iter().enumerate() {
        let dist = match text_trigrams.get(&trigram) {
            Some(&n) => (n as i32 - i as i32).unsigned_abs(),
            None => MAX_TRIGRAM_DISTANCE,
        };
        total_dist += dist;
    }

    let count = text_trigrams.len() as u32;

    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

/// Listing Guard's addition. Every trigram of a list of profiles, with each profile and
/// place it holds: a text's distance to every profile is then one look-up per trigram of
/// the text (a few dozen for a listing title), where `calculate_distance` looks up each of
/// every profile's 300 trigrams in the text's map (2,700 look-ups for nine profiles, a
/// tenth of a whole lint in the wasm). Built once per script, on its first text.
struct ProfileIndex {
    /// A trigram's places: `places[start..start + len]`.
    at: HashMap<Trigram, (u32, u32)>,
    /// (profile's place in the list, the trigram's position in that profile).
    places: Vec<(u32, u32)>,
    profiles: usize,
}

impl ProfileIndex {
    fn of(script: MultiLangScript) -> &'static ProfileIndex {
        static INDEXES: [OnceLock<ProfileIndex>; 5] = [const { OnceLock::new() }; 5];
        let slot = match script {
            MultiLangScript::Latin => 0,
            MultiLangScript::Cyrillic => 1,
            MultiLangScript::Arabic => 2,
            MultiLangScript::Devanagari => 3,
            MultiLangScript::Hebrew => 4,
        };
        INDEXES[slot].get_or_init(|| ProfileIndex::new(script_to_lang_profile_list(script)))
    }

    fn new(list: LangProfileList) -> ProfileIndex {
        // Every (trigram, profile, position), sorted by trigram: each trigram's places are
        // then one run, with no vector per trigram while they are gathered.
        let mut all: Vec<(Trigram, u32, u32)> =
            Vec::with_capacity(list.iter().map(|(_, p)| p.len()).sum());
        for (p, (_, profile)) in list.iter().enumerate() {
            for (i, &t) in profile.iter().enumerate() {
                all.push((t, p as u32, i as u32));
            }
        }
        all.sort_unstable();
        let mut ix = ProfileIndex {
            at: HashMap::with_capacity(all.len()),
            places: Vec::with_capacity(all.len()),
            profiles: list.len(),
        };
        for (k, &(t, p, i)) in all.iter().enumerate() {
            if k == 0 || all[k - 1].0 != t {
                ix.at.insert(t, (k as u32, 0));
            }
            ix.at.get_mut(&t).expect("inserted").1 += 1;
            ix.places.push((p, i));
        }
        ix
    }

    /// For each profile, the sum over its trigrams that the text has of (distance between
    /// the two positions) minus `MAX_TRIGRAM_DISTANCE`: what the text's trigrams take off
    /// the distance of a text that has none of them.
    fn sums(&self, text_trigrams: &HashMap<Trigram, u32>) -> Vec<i64> {
        let mut sums = vec![0i64; self.profiles];
        for (t, &n) in text_trigrams {
            let Some(&(start, len)) = self.at.get(t) else {
                continue;
            };
            for &(p, i) in &self.places[start as usize..(start + len) as usize] {
                let dist = (n as i32 - i as i32).unsigned_abs();
                sums[p as usize] += i64::from(dist) - i64::from(MAX_TRIGRAM_DISTANCE);
            }
        }
        sums
    }
}

/// `calculate_distance` of a profile of `profile_len` trigrams from its `sum` in
/// [`ProfileIndex::sums`]: the same value, with the same (release build) arithmetic.
fn distance_from_sum(profile_len: usize, sum: i64, text_trigrams: usize) -> u32 {
    let mut total_dist = (profile_len as i64 * i64::from(MAX_TRIGRAM_DISTANCE) + sum) as u32;
    let count = text_trigrams as u32;
    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist = total_dist.wrapping_sub(delta * MAX_TRIGRAM_DISTANCE);
    }
    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }
}
