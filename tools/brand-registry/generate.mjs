#!/usr/bin/env node
// Generates crate/core/packs/brand-registry.toml from the brand data of
// name-suggestion-index (BSD-3-Clause), pinned in package.json / package-lock.json.
//
//   cd tools/brand-registry && npm ci && node generate.mjs [--corpus CSV] [--out TOML]
//
// What it keeps: brands of shops that sell goods (OSM `shop=*`, plus pharmacies), with their
// Latin names, `matchNames` and Chinese names (`name:zh`, `brand:zh` and their -Hans/-Hant
// forms), merged per Wikidata id. What it drops, so the pack stays quiet on ordinary text:
// food service, fuel and service shops; names under 4 letters; common English words and
// NSI's generic words; and any name that appears in more than 0.3% of the titles of the
// Walmart-Amazon corpus (tableB_amazon.csv) as a plain lower-case word or phrase. Names that
// are ordinary words (seen in a few corpus titles, or made only of common words) are marked
// strict case: they fire only when written with a capital.
//
// The output is deterministic for a given package version, corpus and RETRIEVED date.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const CORPUS = opt('--corpus', join(root, '..', 'shared', 'corpus', 'walmart-amazon', 'tableB_amazon.csv'));
const OUT = opt('--out', join(root, 'crate', 'core', 'packs', 'brand-registry.toml'));
const RETRIEVED = opt('--retrieved', '2026-11-27');
const PACK_VERSION = '2026.11.0';
const CAP = 10000;
const MAX_TITLE_SHARE = 0.003; // a name in more than 0.3% of corpus titles is a word, not a brand
const STRICT_MIN_TITLES = 1; // a single-word name seen in any non-brand corpus title is strict case

const pkgDir = join(here, 'node_modules', 'name-suggestion-index');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const nsi = JSON.parse(readFileSync(join(pkgDir, 'dist', 'json', 'nsi.json'), 'utf8')).nsi;
const generic = JSON.parse(readFileSync(join(pkgDir, 'dist', 'json', 'genericWords.json'), 'utf8'))
  .genericWords.map((re) => new RegExp(re, 'i'));
const licenseText = readFileSync(join(pkgDir, 'LICENSE.md'), 'utf8')
  .replace(/^## .*\n+/, '')
  .trim();

// ---------------------------------------------------------------------------------------
// Which categories. Each kept category goes to one rule (a group sellers can turn off).

const GROUPS = {
  fashion: ['clothes', 'shoes', 'bag', 'jewelry', 'watches', 'fashion_accessories', 'leather',
    'boutique', 'sports', 'outdoor', 'optician', 'baby_goods', 'fabric'],
  electronics: ['electronics', 'mobile_phone', 'mobile_phone_accessories', 'computer', 'hifi',
    'appliance', 'camera', 'video_games', 'telecommunication', 'photo', 'printer_ink',
    'vacuum_cleaner', 'electrical', 'games', 'music', 'video'],
  'beauty-health': ['cosmetics', 'perfumery', 'chemist', 'hearing_aids', 'medical_supply',
    'nutrition_supplements', 'health_food', 'herbalist', 'hairdresser_supply', 'pharmacy'],
  home: ['furniture', 'doityourself', 'hardware', 'houseware', 'kitchen', 'bed',
    'interior_decoration', 'garden_centre', 'paint', 'tiles', 'bathroom_furnishing', 'flooring',
    'carpet', 'curtain', 'window_blind', 'lighting', 'doors', 'household_linen', 'candles',
    'frame', 'trade', 'agrarian', 'pet', 'craft', 'stationery', 'books', 'toys', 'gift', 'party',
    'art', 'anime', 'model', 'musical_instrument', 'bicycle', 'fishing', 'swimming_pool', 'bbq',
    'power_tools', 'pottery', 'florist', 'groundskeeping', 'glaziery', 'electrical'],
  grocery: ['supermarket', 'convenience', 'bakery', 'pastry', 'confectionery', 'chocolate',
    'alcohol', 'wine', 'beverages', 'tea', 'coffee', 'butcher', 'deli', 'dairy', 'frozen_food',
    'greengrocer', 'nuts', 'seafood', 'spices', 'cheese', 'tobacco'],
  vehicles: ['car', 'car_parts', 'tyres', 'motorcycle', 'truck', 'tractor', 'boat', 'caravan'],
  // Everything else under shop=* that sells goods lands in `retail`.
};
// shop=* values that are services, venues or money, not goods: skipped.
const SERVICE_SHOPS = new Set(['car_repair', 'hairdresser', 'travel_agency', 'money_lender',
  'dry_cleaning', 'laundry', 'funeral_directors', 'pawnbroker', 'bookmaker', 'lottery', 'massage',
  'tattoo', 'storage_rental', 'rental', 'tool_hire', 'plant_hire', 'copyshop', 'ticket',
  'shoe_repair', 'tailor', 'motorcycle_repair', 'truck_repair', 'tractor_repair', 'repair',
  'gold_buyer', 'mall', 'outpost', 'charity', 'beauty', 'gas', 'pest_control', 'locksmith',
  'cannabis', 'kiosk']);
// Outside shop=*, only these carry goods sellers name in listings.
const OTHER_PATHS = new Set(['brands/amenity/pharmacy']);

const groupOf = new Map();
for (const [group, values] of Object.entries(GROUPS)) {
  for (const v of values) if (!groupOf.has(v)) groupOf.set(v, group);
}

// ---------------------------------------------------------------------------------------
// Words that are never brands on their own (the brief's examples, then common English words
// that shop chains are named after). Checked on single-word names, after lower-casing.

const STOP = new Set(`
target shell apple subway coach next boots express orange gap sun best total sky three post city
metro action bonus spar coop co-op hema zeeman game games target jumbo plus extra super smart mobile
`.split(/\s+/).filter(Boolean));

const COMMON = new Set(`
able about above accent access ace action active adventure advance agent aim air alpha always amber
anchor angel answer apex aqua arch area arena arrow art artist ask atlas atom aura auto autumn avenue
award baby back balance ball bank bar barn base basic basics bay beach bean bear beauty bee bell belle
berry best beyond big bird bite black blade blank bliss block bloom blue board body bold bolt bond bone
book boost boot boss boulevard box boy brand brave bread breeze brick bridge bright brilliant brother
brown buck buddy budget build bull bunny burger butter buy cabin cafe cake call camel camp candy cane
canvas cap capital captain car card care cargo carpet carry cart case cash castle cat center central
centre champion chance change charm chase cheap check cheers chef cherry chest chic chicken child chip
choice circle city civil class classic clean clear clever click climb clock cloud club coast coat code
coffee coin cold color colour comfort common compass complete concept connect connection contact cook
cool copper coral core corner cosmos cottage country courier cove cover craft crazy cream create creative
crest crown crystal cube culture cup curve custom cut cycle daily dairy dance dash data dawn day deal
dear deep delight delta denim depot desert design desire diamond digital direct discount discovery dock
dollar domain dot double dove dragon dream dress drive drop duck dune dynamic eagle earth east easy echo
eco edge element elite ember emerald empire energy enjoy epic equal essential ever every evolution exotic
expert express extra eye fabric face factory fair faith falcon family famous fancy farm fashion fast
father feather feel fiber field fine fire first fish fit five flag flame flash fleet flex flight flip
flow flower fly focus fold folk food foot force forest forever form fortune forum forward fountain four
fox frame free fresh friend friends frog front frost fruit fuel fun fusion future galaxy gallery game
garage garden gate gear gem general genius giant gift ginger glam glass global glory glow goal gold
golden good goods grace grand grape graphic grass great green grey grid grill ground group grove grow
guard guide gulf habit hair half hall hand handy happy harbor harbour harmony harvest haven hawk head
health heart heat heaven hello help here hero high hill hive hobby holiday home honey hope horizon horse
host hot house hub human hunter icon idea image impact inch infinity inn inside insight iron island ivory
jack jade jam jet jewel journey joy judge jump jungle just keen key kids kind king kingdom kiss kitchen
kite lab lady lake land lane laser last lead leader leaf legacy legend lemon level liberty life light
lime line link lion liquid little live living local lock loft logic long look loop lotus love lucky
lumber luna lunar luxe luxury magic magnet main major maker mall mama man maple marble marine mark market
mart master match max maxi meadow mega melody memory mercury meridian metal metro micro mid mile milk mill
mind mini mint mirror mission mix mode model modern moment money monkey moon more mother motion motor
mountain mouse move movie music mystic native nature navy neat nest net network new news night noble
north nova oak ocean office old olive omega one online open optima optimum orbit orchid origin original
outdoor outlet owl oxford pace pacific page palace palm panda paper paradise park party path peak pearl
pen penny people pepper perfect pet phoenix piano pick pilot pine pink pioneer pixel place planet plant
platinum play plaza plum plus pocket point polar pop port power premier premium press pride prime prince
princess pro pulse pure purple quality queen quest quick quiet rabbit radio rain rainbow ranch range
rapid raven ray real rebel red reef regal relax rest retro rich ride right ring rise river road rock
rocket rose round royal ruby run rush safe safari saga sage sail saint sale salt sand save scale school
scout sea seal season second secret select sense seven shadow shape share sharp sheep shine ship shoe
shop shore shot show sierra signal silk silver simple single sister site six sky smart smile snap snow
soft solar solid solo sonic soul sound south space spark special speed sphere spice spirit spot spring
square stage standard star start state station steel step stone store storm story street strong studio
style sugar summit sun sunny sunrise sunset super supply supreme sure swan sweet swift table tag tail
tango taste team tech ten terra thread three thrift tiger time tiny titan today token top total touch
tower town toy toys trade trail train treasure tree trend tribe trio triple tropic true trust turbo
twin ultra union unique unit united unity universal urban valley value vanilla velvet venture venus
vertex via victory view villa village vintage vision vista vital vivid voice volt voyage wave way wealth
web well west whale wheel white wild willow win wind wing winner winter wise wish wolf wonder wood word
work works world xpress yard year yellow yes young zen zero zone
archive diverse fresco discounter unleashed comfy mustang natura diamant bonds fuego tigre partner
public normal brothers glitter blackout swiss august alta libre olympic marathon corona beta gamma
cactus aroma relay citrus spectrum saturn solaris minimax baton xtra proxim dusk lids mango ecru
speedway liverpool windsor oxford cambridge london paris milano roma berlin tokyo manhattan brooklyn
george paul laura jules evans ross james john mary anna maria jack lucy emma sophie max leo victoria
albert charles henry louis marie rose grace lily daisy ruby olivia alice julia elena sofia nina
monica carmen paula martin thomas peter simon david daniel michael frank oscar hugo felix bruno
natural naturals organic fit fitness sport sports active outdoor trend trends store stores shop shops
market markets mart express discount outlet outlets factory warehouse depot centre center direct
world international global national local family friends kids baby mama papa home house living
sense spirit luxe chic glamour elegance elegant beauty pretty lovely charm charming grace
guess converse bonds apollo atlas orion titan zeus hermes mercury jupiter neptune pluto venus mars nova stella luna sol
`.split(/\s+/).filter(Boolean));

// Everyday words that are also well-known brands: kept, but strict case.
const STRICT_WORDS = new Set('lush mango monki nautica swatch clarks vans fossil'.split(' '));

// ---------------------------------------------------------------------------------------
// Dictionary words of the supported languages, from maintained word lists (Debian packages,
// see README): a brand whose name is such a word, or made only of such words, is written
// `?` (needs evidence): it fires only when written with a capital and followed by a model
// name (a word of letters and digits: "Comet X200"). A name of two words counts
// when both are English words. Only entries written in
// lower case count (the lists also hold proper nouns). Missing lists are skipped, and the
// run says which were read.

const DICTS = [
  ['en', '/usr/share/dict/american-english'], ['en', '/usr/share/dict/british-english'],
  ['de', '/usr/share/dict/ngerman'], ['fr', '/usr/share/dict/french'],
  ['it', '/usr/share/dict/italian'], ['es', '/usr/share/dict/spanish'],
  ['pt', '/usr/share/dict/portuguese'],
  ['id', '/usr/share/hunspell/id_ID.dic'], ['vi', '/usr/share/hunspell/vi_VN.dic'],
];
// Occasions, greetings, sounds and colours sellers put in titles ("Christmas gift",
// "Hello Kitty-free baby card", "Echo chamber", "Blush pink"). The word lists have the
// colours and sounds; occasions are proper nouns there, so they are listed here.
const EVERYDAY = new Set(`
christmas xmas easter halloween thanksgiving valentine valentines hanukkah diwali ramadan eid
lunar newyear mothers fathers birthday wedding anniversary graduation babyshower
hello hola bonjour ciao halo salam aloha welcome thanks merci gracias danke
`.split(/\s+/).filter(Boolean));
const dictWords = new Set(EVERYDAY);
const enWords = new Set(EVERYDAY);
const dictsRead = [];
for (const [lang, file] of DICTS) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  let n = 0;
  for (let line of text.split('\n')) {
    line = line.split('/')[0].trim(); // hunspell: word/FLAGS
    if (!line || !/^\p{Ll}/u.test(line) || /^\d+$/.test(line)) continue;
    for (const w of norm(line).split(' ')) {
      if (w.length < 3) continue;
      dictWords.add(w);
      if (lang === 'en') enWords.add(w);
    }
    n++;
  }
  dictsRead.push(`${lang} ${file.split('/').pop()} (${n})`);
}
/** Whether a one-word name is two English words of 3+ letters run together. */
const joinsTwoWords = (n) => {
  for (let i = 3; i <= n.length - 2; i++) {
    const [a, b] = [n.slice(0, i), n.slice(i)];
    if (enWords.has(a) && (enWords.has(b) || b === 'us')) return true;
  }
  return false;
};
/**
 * Whether a (normalised) name is a dictionary word of any supported language, or a pair of
 * English words ("cool blue", "boost mobile"); longer phrases are rarely written by chance.
 */
const isDictionary = (n) => {
  const w = n.split(' ');
  return w.length === 1 ? dictWords.has(n) : w.length === 2 && w.every((x) => enWords.has(x));
};

// ---------------------------------------------------------------------------------------
// The corpus: how often each lower-case word or phrase appears in its titles.

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Lower case, no diacritics, words of letters and digits separated by single spaces. */
function norm(s) {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const corpusRows = parseCsv(readFileSync(CORPUS, 'utf8')).filter((r) => r.length > 1);
const header = corpusRows.shift().map((h) => h.trim());
const titleCol = header.indexOf('title');
const brandCol = header.indexOf('brand');
const titles = corpusRows.map((r) => ` ${norm(r[titleCol] ?? '')} `);
const titleBrands = corpusRows.map((r) => norm(r[brandCol] ?? ''));
const corpusBrands = new Set(titleBrands.filter(Boolean));
const byWord = new Map(); // word -> list of title indexes
titles.forEach((t, i) => {
  for (const w of new Set(t.trim().split(' '))) {
    if (!w) continue;
    let list = byWord.get(w);
    if (!list) byWord.set(w, (list = []));
    list.push(i);
  }
});

// The other store's titles (tableA) add to the vocabulary used to spot dictionary words.
const vocab = new Set();
try {
  const other = parseCsv(readFileSync(CORPUS.replace(/tableB_amazon\.csv$/, 'tableA_walmart.csv'), 'utf8'));
  const h = other.shift() ?? [];
  const tc = h.indexOf('title');
  const bc = h.indexOf('brand');
  const counts = new Map();
  for (const r of other) {
    const b = norm(r[bc] ?? '');
    for (const w of new Set(norm(r[tc] ?? '').split(' '))) {
      if (w && w !== b && !corpusBrands.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  for (const [w, c] of counts) if (c >= 2) vocab.add(w);
} catch {
  // tableA is optional: without it the vocabulary is tableB's alone.
}

/**
 * Corpus hits of a name as the engine reads text: it takes an `l` inside a word for the `i`
 * it may imitate (so `Fiat` is seen in "flat"), hence every i/l spelling of the name counts.
 */
function corpusHits(phrase) {
  const spots = [...phrase].flatMap((c, i) => (c === 'i' ? [i] : [])).slice(0, 4);
  let all = 0;
  let foreign = 0;
  for (let mask = 0; mask < 1 << spots.length; mask++) {
    const chars = [...phrase];
    spots.forEach((at, bit) => {
      if (mask & (1 << bit)) chars[at] = 'l';
    });
    const h = plainHits(chars.join(''));
    all += h.all;
    foreign += mask === 0 ? h.foreign : h.all;
  }
  return { all, foreign };
}

/** Titles containing the normalised phrase as whole words, and those not of that brand. */
function plainHits(phrase) {
  const words = phrase.split(' ');
  let candidates = null;
  for (const w of words) {
    const list = byWord.get(w) ?? [];
    if (candidates === null || list.length < candidates.length) candidates = list;
  }
  let all = 0;
  let foreign = 0;
  for (const i of candidates ?? []) {
    if (titles[i].includes(` ${phrase} `)) {
      all++;
      if (titleBrands[i] !== phrase) foreign++;
    }
  }
  return { all, foreign };
}

// ---------------------------------------------------------------------------------------
// Names: which to keep, which strict case.

const HAN = /^[\p{Script=Han}·・]+$/u;
const LATIN = /^[\p{Script=Latin}\p{N} &'’.,+\-!/]+$/u;
const letters = (s) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;
const ZH_TAGS = ['name:zh', 'brand:zh', 'name:zh-Hans', 'brand:zh-Hans', 'name:zh-Hant', 'brand:zh-Hant'];
const ZH_PLACES = new Set(['cn', 'tw', 'hk', 'mo', 'sg']);
// Two-character Chinese names are kept only for goods whose names are rarely everyday words.
const SHORT_HAN_GROUPS = new Set(['fashion', 'electronics', 'beauty-health']);

const dropped = { short: 0, stop: 0, generic: 0, corpus: 0, word: 0, script: 0 };

/** `{ keep, strict }` for one Latin name, or null when it is dropped. */
function judgeLatin(name) {
  if (/[|#]|'''/.test(name) || name.startsWith('!')) return null;
  if (!LATIN.test(name)) {
    dropped.script++;
    return null;
  }
  const n = norm(name);
  if (!n || letters(n) < 4) {
    dropped.short++;
    return null;
  }
  if (generic.some((re) => re.test(name) || re.test(n))) {
    dropped.generic++;
    return null;
  }
  const words = n.split(' ');
  const hits = corpusHits(n);
  if (hits.all > MAX_TITLE_SHARE * titles.length) {
    dropped.corpus++;
    return null;
  }
  const isCorpusBrand = corpusBrands.has(n);
  if (words.length === 1) {
    if (STRICT_WORDS.has(n)) return { strict: true, dict: isDictionary(n) };
    if (STOP.has(n) || COMMON.has(n)) {
      dropped.stop++;
      return null;
    }
    // A word the corpus uses in several titles of other brands is a dictionary word.
    if (!isCorpusBrand && (hits.foreign >= 2 || vocab.has(n))) {
      dropped.word++;
      return null;
    }
    // Two English words run together ("Coolblue"): the engine joins "cool blue" into the
    // name, so it is strict case.
    if (joinsTwoWords(n)) return { strict: true, dict: isDictionary(n) };
    // A corpus brand that other titles use as a plain word (zebra, eclipse) is strict case.
    return { strict: isCorpusBrand ? hits.foreign >= 3 : hits.foreign >= STRICT_MIN_TITLES, dict: isDictionary(n) };
  }
  const commonWords = words.every((w) => COMMON.has(w) || STOP.has(w) || (byWord.get(w)?.length ?? 0) >= 3 || /^\d+$/.test(w) || w.length < 3);
  return { strict: commonWords && !isCorpusBrand, dict: isDictionary(n) };
}

function judgeHan(name, group) {
  const n = name.replace(/[·・]/g, '');
  if (!HAN.test(name) || n.length < 2) return false;
  if (n.length === 2 && !SHORT_HAN_GROUPS.has(group)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Collect: one entry per brand (Wikidata id, else the name), its names from every item.

// Brands that are (also) fuel stations or food service are not product brands: skipped.
const NOT_GOODS = new Set(['brands/amenity/fuel', 'brands/amenity/fast_food', 'brands/amenity/restaurant',
  'brands/amenity/cafe', 'brands/amenity/ice_cream', 'brands/amenity/pub', 'brands/amenity/bar',
  'brands/amenity/charging_station', 'brands/waterway/fuel']);
// A brand is skipped when it has at least as many fuel and food-service entries as shop
// entries (Chevron, Sunoco); a chain that also runs a few fuel stations (Carrefour) stays.
const notGoodsCount = new Map();
const shopCount = new Map();
const goodsShop = new Set(); // brands with a shop other than a (fuel station) convenience store
for (const [path, cat] of Object.entries(nsi)) {
  const counts = NOT_GOODS.has(path) ? notGoodsCount : path.startsWith('brands/shop/') ? shopCount : null;
  if (!counts) continue;
  for (const item of cat.items ?? []) {
    const qid = item.tags?.['brand:wikidata'];
    if (qid) counts.set(qid, (counts.get(qid) ?? 0) + 1);
    if (qid && counts === shopCount && !/\/(convenience|kiosk)$/.test(path)) goodsShop.add(qid);
  }
}
const notGoodsIds = new Set(
  [...notGoodsCount]
    .filter(([qid, n]) => !goodsShop.has(qid) && n >= (shopCount.get(qid) ?? 0))
    .map(([qid]) => qid),
);

const brands = new Map();
for (const [path, cat] of Object.entries(nsi)) {
  const m = /^brands\/([^/]+)\/(.+)$/.exec(path);
  if (!m) continue;
  const [, key, value] = m;
  let group;
  if (key === 'shop') {
    if (SERVICE_SHOPS.has(value)) continue;
    group = groupOf.get(value) ?? 'retail';
  } else if (OTHER_PATHS.has(path)) {
    group = groupOf.get(value) ?? 'retail';
  } else continue;
  for (const item of cat.items ?? []) {
    const tags = item.tags ?? {};
    const id = tags['brand:wikidata'] ?? `name:${norm(tags.brand ?? item.displayName ?? '')}`;
    if (notGoodsIds.has(id)) continue;
    let b = brands.get(id);
    if (!b) {
      b = { id, group, latin: [], han: [], worldwide: false, places: new Set(), items: 0 };
      brands.set(id, b);
    }
    b.items++;
    const include = item.locationSet?.include ?? [];
    for (const p of include) b.places.add(String(p).toLowerCase());
    if (include.includes('001')) b.worldwide = true;
    const zhPlace = include.some((p) => ZH_PLACES.has(String(p).toLowerCase()));
    const names = [tags.brand, tags.name, tags['brand:en'], tags['name:en'], item.displayName, ...(item.matchNames ?? [])];
    for (const raw of names) {
      if (!raw) continue;
      const name = String(raw).replace(/\s+/g, ' ').trim();
      if (HAN.test(name)) {
        if (zhPlace) b.han.push(name);
      } else b.latin.push(name);
    }
    for (const t of ZH_TAGS) if (tags[t]) b.han.push(String(tags[t]).trim());
  }
}

// Brands the curated pack (brands.toml) knows are left to it: it decides their case and
// product rules, and a second, looser entry here would undo them (Puma, the animal).
const curated = new Set();
const curatedToml = readFileSync(new URL('../../crate/core/packs/brands.toml', import.meta.url), 'utf8');
for (const m of curatedToml.matchAll(/\{\s*name\s*=\s*"([^"]+)"(?:\s*,\s*aliases\s*=\s*\[([^\]]*)\])?/g)) {
  curated.add(norm(m[1]));
  for (const a of (m[2] || '').matchAll(/"([^"]+)"/g)) curated.add(HAN.test(a[1]) ? a[1] : norm(a[1]));
}
dropped.curated = 0;

const seenNorm = new Map(); // normalised name -> brand id that has it
const entries = [];
for (const b of brands.values()) {
  const names = [];
  let strict = false;
  let dict = false;
  const seen = new Set();
  for (const name of b.latin) {
    const n = norm(name);
    if (seen.has(n)) continue;
    seen.add(n);
    if (curated.has(n)) { dropped.curated++; continue; }
    const verdict = judgeLatin(name);
    if (!verdict) continue;
    strict ||= verdict.strict;
    dict ||= verdict.dict;
    names.push(name);
  }
  for (const name of b.han) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (curated.has(name)) { dropped.curated++; continue; }
    if (judgeHan(name, b.group)) names.push(name);
  }
  // A name already taken by another brand is ambiguous: the first (by order) keeps it.
  const own = names.filter((name) => {
    const n = HAN.test(name) ? name : norm(name);
    const holder = seenNorm.get(n);
    if (holder && holder !== b.id) return false;
    seenNorm.set(n, b.id);
    return true;
  });
  // An alias that merely contains another of the brand's names adds nothing ("Costco
  // Pharmacy" next to "Costco"): left out.
  const normOf = (name) => (HAN.test(name) ? name : ` ${norm(name)} `);
  const pruned = own.filter(
    (name) => !own.some((other) => other !== name && normOf(name).includes(normOf(other)) && normOf(name) !== normOf(other)),
  );
  own.length = 0;
  own.push(...pruned);
  if (!own.length) continue;
  // Prefer a Latin display name; keep the rest as aliases.
  own.sort((x, y) => Number(HAN.test(x)) - Number(HAN.test(y)));
  entries.push({ ...b, names: own, strict, dict, rank: (b.worldwide ? 1000 : 0) + b.places.size * 10 + b.items });
}

entries.sort((a, b) => b.rank - a.rank || a.names[0].localeCompare(b.names[0], 'en'));
const kept = entries.slice(0, CAP);

// ---------------------------------------------------------------------------------------
// Write the pack.

const RULES = {
  fashion: { en: 'Fashion, shoes, sports and jewellery retailers', zh: '服饰、鞋、运动与珠宝零售品牌', example: ['Decathlon', 'Uniqlo', 'Zara'], product: 'hiking backpack', productZh: '运动背包' },
  electronics: { en: 'Electronics and phone retailers', zh: '电子与手机零售品牌', example: ['MediaMarkt', 'Currys'], product: 'phone charger', productZh: '手机充电器' },
  'beauty-health': { en: 'Beauty, pharmacy and health retailers', zh: '美妆、药房与健康零售品牌', example: ['Sephora', 'Watsons'], product: 'face cream', productZh: '面霜' },
  home: { en: 'Home, furniture, DIY, books and toy retailers', zh: '家居、家具、建材、图书与玩具零售品牌', example: ['IKEA', 'Leroy Merlin'], product: 'bookshelf', productZh: '书架' },
  grocery: { en: 'Supermarkets, grocery and drink retailers', zh: '超市、食品与饮品零售品牌', example: ['Carrefour', 'Tesco'], product: 'shopping bag', productZh: '购物袋' },
  vehicles: { en: 'Car, motorcycle and parts makers and dealers', zh: '汽车、摩托车及配件品牌', example: ['Toyota', 'Harley-Davidson'], product: 'seat covers', productZh: '座套' },
  retail: { en: 'Department stores and other retail chains', zh: '百货与其他零售连锁品牌', example: ['Primark', 'Walmart', 'Costco'], product: 'gift card holder', productZh: '礼品卡套' },
};

const q = (s) => JSON.stringify(s);
const out = [];
out.push('# GENERATED by tools/brand-registry/generate.mjs: do not edit by hand; run the script.');
out.push(`# Brand data from name-suggestion-index ${pkg.version} (npm), https://github.com/osmlab/name-suggestion-index`);
out.push('# It is distributed under the following license:');
out.push('#');
for (const line of licenseText.split('\n')) out.push(line ? `# ${line}` : '#');
out.push('#');
out.push('# Selection, filtering and rule wording are Listing Guard\'s own (MIT OR Apache-2.0).');
out.push('');
out.push('[pack]');
out.push('id = "brand-registry"');
out.push(`version = ${q(PACK_VERSION)}`);
out.push('name = { en = "Brand registry", zh = "品牌名录" }');
out.push(`description = { en = ${q(`About ${kept.length.toLocaleString('en')} retail and product brands from name-suggestion-index, in English and Chinese. Naming one that is not yours gets a note; common words are left out.`)}, zh = ${q(`来自 name-suggestion-index 的约 ${kept.length} 个零售与商品品牌（中英文）。提到非本店的品牌时给出提示；常用词已排除。`)} }`);
out.push('languages = ["en", "zh"]');
out.push('marketplaces = ["all"]');
out.push('default_enabled = true');
out.push('');
out.push('[[pack.sources]]');
out.push(`name = ${q(`name-suggestion-index ${pkg.version} (npm package name-suggestion-index@${pkg.version})`)}`);
out.push('url = "https://github.com/osmlab/name-suggestion-index"');
out.push('license = "BSD-3-Clause"');
out.push(`retrieved = ${q(RETRIEVED)}`);

const byGroup = new Map(Object.keys(RULES).map((g) => [g, []]));
for (const e of kept) byGroup.get(e.group).push(e);
const summary = [];
// Examples must fire from this pack: a brand another built-in pack names (a stricter rule
// there would speak instead) is not used as an example.
const packsDir = dirname(OUT);
const otherPacks = readdirSync(packsDir)
  .filter((f) => f.endsWith('.toml') && join(packsDir, f) !== OUT)
  .map((f) => readFileSync(join(packsDir, f), 'utf8').toLowerCase())
  .join('\n');
const elsewhere = (name) => otherPacks.includes(name.toLowerCase());
const allHan = kept.flatMap((e) => e.names.filter((n) => HAN.test(n)).map((n) => [n, e]));
for (const [group, list] of byGroup) {
  if (!list.length) continue;
  list.sort((a, b) => a.names[0].localeCompare(b.names[0], 'en'));
  const r = RULES[group];
  // The fire example: a preferred brand if kept and not strict, else the first plain one.
  const plain = (e) => !e.strict && !e.dict && /^[A-Za-z][A-Za-z-]{3,}$/.test(e.names[0]) && !elsewhere(e.names[0]);
  const pick = list.find((e) => r.example.includes(e.names[0]) && plain(e)) ?? list.find(plain) ?? list[0];
  const ex = pick.names[0];
  // A Chinese example whose name holds no other brand's Chinese name (which would speak instead).
  const clean = (n, e) => HAN.test(n) && n.length >= 3 && !elsewhere(n) && !allHan.some(([h, owner]) => owner !== e && h !== n && n.includes(h));
  const zhEx = list.find((e) => e.names.some((n) => clean(n, e)));
  const zhName = zhEx?.names.find((n) => clean(n, zhEx));
  const strictEx = list.find((e) => e.strict && !e.dict && e.names.length === 1 && /^[A-Z][a-z]{4,}$/.test(e.names[0]) && !elsewhere(e.names[0]));
  const fire = [`${ex} ${r.product}`, `${r.product} like ${ex}`];
  if (zhName) fire.push(`${zhName} ${r.productZh}`);
  if (strictEx) fire.push(`${strictEx.names[0]} ${r.product}`);
  const pass = [
    `${r.product}, plain, no brand`,
    `{ title = ${q(`${ex} ${r.product}`)}, brand = ${q(ex)}, allow_brands = [${q(ex)}] }`,
  ];
  if (strictEx) pass.push(`${strictEx.names[0].toLowerCase()} ${r.product}`);
  // A dictionary-word brand: without a model name after it, it is the word; written with
  // a capital before a model name, it is the brand.
  const dictEx = list.find((e) => e.dict && e.names.length === 1 && /^[A-Z][a-z]{3,}$/.test(e.names[0]) && !elsewhere(e.names[0]));
  if (dictEx) {
    const d = dictEx.names[0];
    pass.push(`${d} ${r.product}`, `${r.product}, ${d} edition`, `${r.product} ${d.toLowerCase()} X200`);
    fire.push(`${d} X200 ${r.product}`, `${r.product} by ${d} GT-7`);
  }
  if (group === 'retail') pass.push('Target practice foam darts, pack of 50');
  if (group === 'fashion') pass.push('Coach bag for next trip, boots and a sun hat');
  // Strict case needs a capital letter, which Chinese has not: a strict brand's Chinese
  // names go on a line of their own.
  const lines = list.flatMap((e) => {
    if (!e.strict && !e.dict) return [e.names.join(' | ')];
    const latin = e.names.filter((n) => !HAN.test(n));
    const han = e.names.filter((n) => HAN.test(n));
    return [latin.length ? `${e.dict ? '?' : '!'}${latin.join(' | ')}` : null, han.length ? han.join(' | ') : null].filter(Boolean);
  });
  summary.push(`${group}: ${list.length}`);
  out.push('');
  out.push('[[rule]]');
  out.push(`id = ${q(group)}`);
  out.push('kind = "brand"');
  out.push('severity = "info"');
  out.push('compatible = true');
  out.push('fields = ["title", "bullets", "description", "keywords"]');
  out.push(`message = { en = ${q(`{brand} is a registered brand (${r.en.toLowerCase()}). If this item is not {brand}'s, leave the name out, or say only what it fits (“for {brand}”).`)}, zh = ${q(`{brand}是已登记的品牌（${r.zh}）。如本商品并非{brand}出品，请删除该名称，或只说明适配关系（“适用于{brand}”）。`)} }`);
  out.push('policy = { name = "eBay search manipulation policy (brand names not relevant to the item)", url = "https://www.ebay.com/help/policies/listing-policies/search-manipulation-policy?id=4243" }');
  out.push("brand_lines = '''");
  out.push(...lines);
  out.push("'''");
  out.push('[rule.examples]');
  out.push(`fire = [${fire.map(q).join(', ')}]`);
  out.push(`pass = [${pass.map((p) => (p.startsWith('{') ? p : q(p))).join(', ')}]`);
}
out.push('');
writeFileSync(OUT, out.join('\n'));
const strictCount = kept.filter((e) => e.strict).length;
const dictCount = kept.filter((e) => e.dict).length;
const literalCount = kept.reduce((n, e) => n + e.names.length, 0);
console.log(`${OUT}: ${kept.length} brands (${literalCount} names, ${strictCount} strict case, ${dictCount} dictionary words) of ${entries.length} candidates; ${summary.join(', ')}`);
console.log(`word lists: ${dictsRead.join(', ')}`);
console.log(`dropped names: ${Object.entries(dropped).map(([k, v]) => `${k} ${v}`).join(', ')}`);
