// The settings as the background uses them: the document (settings-schema.js), its one
// writer (settings-store.js), and the extra packs the engine is built with.
'use strict';
const LGSettings = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const S = typeof LGSchema !== 'undefined' ? LGSchema : require('./settings-schema.js');
  const Store = typeof LGStore !== 'undefined' ? LGStore : require('./settings-store.js');

  /** The seller's custom rules as one pack file the engine compiles like any other. */
  function customPack(custom) {
    if (!custom.length) return null;
    const q = (s) => JSON.stringify(String(s));
    const lines = [
      '[pack]', 'id = "custom"', 'version = "1"', 'name = { en = "My rules", zh = "我的规则" }',
      'description = { en = "Terms and patterns you added.", zh = "你添加的词语和模式。" }',
      'languages = ["en", "zh"]', 'marketplaces = ["all"]', '',
    ];
    custom.forEach((c, i) => {
      lines.push('[[rule]]', `id = "${c.kind}-${i + 1}"`, `kind = "${c.kind}"`,
        c.kind === 'term' ? `terms = [${q(c.value)}]` : `patterns = [${q(c.value)}]`,
        `severity = ${q(c.severity)}`,
        'message = { en = "“{match}” is on your own list of words to avoid.", zh = "“{match}”在你自己的禁用词列表中。" }',
        'policy = { name = "Your own rule" }', '');
    });
    return lines.join('\n');
  }

  const extraMemo = new WeakMap();

  /** Every extra pack the engine is built with: imported packs, then custom rules. The
   * same settings object gives the same array (the engine compares it by identity). */
  function extraPacks(s) {
    let out = extraMemo.get(s);
    if (!out) {
      const custom = customPack(s.custom);
      out = custom ? [...s.userPacks, custom] : [...s.userPacks];
      extraMemo.set(s, out);
    }
    return out;
  }

  const store = api && api.storage ? Store.createStore({ storage: api.storage.local, schema: S }) : null;
  const get = () => store.get();
  const update = (change) => store.update(change);

  return { ...S, get, update, customPack, extraPacks };
})();
if (typeof module !== 'undefined') module.exports = LGSettings;
