// The pack catalogue: each pack with its metadata, sources and a switch; each rule with
// a switch and a severity override. Search filters rules by id, message and pack.
'use strict';
const LGCatalog = (() => {
  const { t, el, send, pick } = LGUI;

  function ruleOn(settings, pack, rule) {
    const explicit = settings.rules[rule.id];
    return explicit === undefined ? true : explicit;
  }

  function render(root, packs, settings, onChange) {
    root.replaceChildren();
    for (const p of packs) {
      const packOn = settings.packs[p.id] ?? p.default_enabled;
      const toggle = el('input', { type: 'checkbox', checked: packOn, id: `pack-${p.id}`, dataset: { pack: p.id },
        onchange: (e) => onChange({ op: 'toggle-pack', pack: p.id, on: e.target.checked }) });
      const markets = p.marketplaces.length ? p.marketplaces.join(', ') : t('options_all_marketplaces');
      const sources = el('div', { class: 'meta' }, `${t('options_sources')} `);
      p.sources.forEach((s, i) => {
        if (i) sources.append('; ');
        sources.append(/^https:\/\//.test(s.url) ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.name) : s.name,
          ` (${s.license})`);
      });
      const head = el('div', { class: 'pack-head' }, toggle,
        el('div', { class: 'grow' },
          el('h3', {}, el('label', { htmlFor: `pack-${p.id}` }, pick(p.name) || p.id)),
          el('div', {}, pick(p.description)),
          el('div', { class: 'meta' }, t('options_pack_meta', [p.id, p.version, String(p.rule_count), p.languages.join(', '), markets])),
          p.sources.length ? sources : null),
        p.imported ? el('button', { type: 'button', dataset: { removePack: p.id },
          onclick: () => onChange({ op: 'remove-pack', pack: p.id }) }, t('options_remove')) : null);
      const rules = el('ul', { class: 'rules' });
      for (const r of p.rules) {
        const sev = el('select', { dataset: { severityFor: r.id }, 'aria-label': t('options_severity_for', [r.id]),
          onchange: (e) => onChange({ op: 'set-severity', rule: r.id, severity: e.target.value || null }) },
        el('option', { value: '' }, t('options_severity_default', [t(`severity_${r.severity}`)])),
        ...['block', 'warn', 'info'].map((s) => el('option', { value: s }, t(`severity_${s}`))));
        sev.value = settings.severity[r.id] || '';
        rules.append(el('li', { class: 'rule', dataset: { search: `${r.id} ${pick(r.message)} ${pick(p.name)}`.toLowerCase() } },
          el('input', { type: 'checkbox', checked: ruleOn(settings, p, r), dataset: { rule: r.id }, id: `rule-${r.id}`,
            onchange: (e) => onChange({ op: 'set-rule', rule: r.id, on: e.target.checked }) }),
          el('div', {}, el('label', { htmlFor: `rule-${r.id}` }, el('code', {}, r.id), ` · ${r.kind}`),
            el('div', { class: 'meta' }, pick(r.message).replace(/\{[a-z]+\}/g, '…'))),
          sev));
      }
      root.append(el('article', { class: 'pack', dataset: { packCard: p.id } }, head, rules));
    }
  }

  function filter(root, query) {
    const q = query.trim().toLowerCase();
    for (const card of root.querySelectorAll('.pack')) {
      let any = false;
      for (const li of card.querySelectorAll('.rule')) {
        li.hidden = Boolean(q) && !li.dataset.search.includes(q) && !card.dataset.packCard.includes(q);
        any ||= !li.hidden;
      }
      card.hidden = !any;
    }
  }

  return { render, filter, send };
})();
