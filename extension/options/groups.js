// The first thing on the settings page: what to check, in plain groups a seller knows
// (fake wording, other companies' brands, health claims ...), each one switch and one
// sentence. A group switches the packs and rules it is made of; the packs and rules
// themselves, with ids, message templates and severities, are under *Advanced*.
'use strict';
const LGGroups = (() => {
  const { t, el } = LGUI;
  // Which packs and rules make up each group (pack ids, `pack.rule` ids, or a pack prefix).
  const GROUPS = [
    { id: 'fake', packs: ['counterfeit'] },
    { id: 'brands', packs: ['brands', 'brand-registry'] },
    { id: 'health', rules: ['claims.medical', 'claims.pesticide', 'claims.weight-loss'] },
    { id: 'contact', rules: ['claims.contact-details'] },
    { id: 'prices', packs: ['price'] },
    { id: 'restricted', prefix: 'restricted-' },
    { id: 'title', packs: ['listing-format'], rules: ['claims.absolute-terms', 'claims.absolute-terms-zh'] },
  ];

  function members(g, packs) {
    const ids = new Set(packs.map((p) => p.id));
    const ps = [...(g.packs || []), ...(g.prefix ? packs.filter((p) => p.id.startsWith(g.prefix)).map((p) => p.id) : [])].filter((id) => ids.has(id));
    const rules = (g.rules || []).filter((r) => ids.has(r.split('.')[0]));
    return { packs: ps, rules };
  }

  function isOn(m, packs, settings) {
    const packOn = (id) => settings.packs[id] ?? (packs.find((p) => p.id === id) || {}).default_enabled;
    const all = [...m.packs.map(packOn), ...m.rules.map((r) => packOn(r.split('.')[0]) && settings.rules[r] !== false)];
    return all.length > 0 && all.some(Boolean);
  }

  function render(root, packs, settings, change) {
    root.replaceChildren(...GROUPS.map((g) => {
      const m = members(g, packs);
      if (!m.packs.length && !m.rules.length) return null;
      const box = el('input', { type: 'checkbox', id: `group-${g.id}`, checked: isOn(m, packs, settings), dataset: { group: g.id },
        onchange: async (e) => {
          const on = e.target.checked;
          for (const p of m.packs) await change({ op: 'toggle-pack', pack: p, on });
          for (const r of m.rules) {
            if (on) await change({ op: 'toggle-pack', pack: r.split('.')[0], on: true });
            await change({ op: 'set-rule', rule: r, on });
          }
        } });
      return el('li', { class: 'group' }, box, el('div', {},
        el('label', { htmlFor: `group-${g.id}` }, el('strong', {}, t(`group_${g.id}`))),
        el('div', { class: 'meta' }, t(`group_${g.id}_help`))));
    }).filter(Boolean));
  }

  return { render, GROUPS };
})();
