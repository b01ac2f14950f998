// What a field is for (title, bullets, description...), read from its labels in
// English and Chinese. Site adapters (per seller center) can answer first.
'use strict';
(() => {
  // Checked in order: "purchase price" is a cost, "search terms" are keywords.
  const ROLES = [
    ['cost', ['cost', 'purchase price', 'supplier price', 'supply price', 'unit cost', '成本', '采购价', '进货价', '进价', '供货价']],
    ['keywords', ['keyword', 'search term', 'generic keyword', 'tags', 'tag', '关键词', '关键字', '标签', '搜索词']],
    ['bullets', ['bullet', 'key feature', 'key product feature', 'selling point', '要点', '五点描述', '卖点']],
    ['title', ['title', 'item name', 'product name', '商品标题', '标题', '产品名称', '商品名称', '宝贝标题', '商品名']],
    ['description', ['description', 'details', 'product detail', '描述', '详情', '商品详情', '产品描述', '详细描述']],
    ['brand', ['brand', '品牌']],
    ['category', ['category', 'product type', 'item type', '类目', '分类', '商品类型']],
    ['price', ['price', 'your price', 'sale price', 'retail price', '价格', '售价', '零售价', '销售价格', '价钱']],
  ];

  /** The role a label text names, or null. */
  function roleFromText(text) {
    const t = String(text || '').toLowerCase().replace(/[_\-]+/g, ' ');
    if (!t.trim()) return null;
    for (const [role, words] of ROLES) {
      for (const w of words) {
        if (/[a-z]/.test(w) ? new RegExp(`(^|[^a-z])${w}s?([^a-z]|$)`).test(t) : t.includes(w)) return role;
      }
    }
    return null;
  }

  /** Label-like texts of a field, most specific first. */
  function labelTexts(el) {
    const out = [];
    const root = el.getRootNode();
    const add = (s) => { if (s && String(s).trim()) out.push(String(s).trim()); };
    if (el.id && root.querySelectorAll) {
      for (const l of root.querySelectorAll('label[for]')) if (l.htmlFor === el.id) add(l.textContent);
    }
    const wrap = el.closest && el.closest('label');
    if (wrap) add(wrap.textContent);
    add(el.getAttribute('aria-label'));
    const by = el.getAttribute('aria-labelledby');
    if (by && root.getElementById) for (const id of by.split(/\s+/)) add(root.getElementById(id)?.textContent);
    const host = root.host;
    if (host) {
      add(host.getAttribute('label'));
      add(host.getAttribute('aria-label'));
      add(host.getAttribute('name'));
      add(host.id);
      add(host.getAttribute('placeholder'));
      if (host.id && host.getRootNode().querySelectorAll) {
        for (const l of host.getRootNode().querySelectorAll('label[for]')) if (l.htmlFor === host.id) add(l.textContent);
      }
    }
    add(el.getAttribute('placeholder'));
    add(el.getAttribute('name'));
    add(el.id);
    const frame = el.ownerDocument.defaultView && el.ownerDocument.defaultView.frameElement;
    if (frame && (el === el.ownerDocument.body || el.ownerDocument.designMode === 'on')) {
      add(frame.title);
      add(frame.getAttribute('aria-label'));
      add(frame.id);
      if (frame.id) for (const l of frame.ownerDocument.querySelectorAll('label[for]')) if (l.htmlFor === frame.id) add(l.textContent);
    }
    if (el.isContentEditable || (frame && el === el.ownerDocument.body)) {
      const replaced = replacedControl(host || (frame && el === el.ownerDocument.body ? frame : el));
      if (replaced) for (const t of labelTexts(replaced)) add(t);
    }
    add(precedingLabel(host || (frame && el === el.ownerDocument.body ? frame : el)));
    return out;
  }

  const CONTROLS = new Set(['textarea', 'input', 'select']);
  const isToolbar = (el) => el.getAttribute('role') === 'toolbar' || el.getAttribute('role') === 'menubar'
    || /(^|[\s_-])(toolbar|tool-bar|menubar)([\s_-]|$)/i.test(el.className && el.className.baseVal === undefined ? el.className : '');
  const hasToolbar = (el) => isToolbar(el) || Boolean(el.querySelector && el.querySelector('[role=toolbar], [role=menubar], [class*=toolbar]'));

  function hidden(el) {
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
    if (!el.ownerDocument || !el.ownerDocument.defaultView || !el.getClientRects) return false;
    if (el.getClientRects().length === 0) return true;
    const cs = el.ownerDocument.defaultView.getComputedStyle(el);
    return cs.visibility === 'hidden' || cs.display === 'none';
  }

  /**
   * The control an editor replaced: a hidden textarea or input just before the editor's
   * wrapper (CKEditor 5, TinyMCE and the like keep the labelled original, hidden).
   */
  function replacedControl(el) {
    let node = el;
    for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
      for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
        if (CONTROLS.has(sib.localName) && hidden(sib)) return sib;
        if (!hidden(sib) && !hasToolbar(sib)) break;
      }
    }
    return null;
  }

  /**
   * The nearest text before the field in its row: the label of label-driven forms.
   * Toolbars (an editor's buttons) and hidden elements are skipped, not read as labels.
   */
  function precedingLabel(el) {
    let node = el;
    for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
      let sib = node.previousElementSibling;
      while (sib) {
        if (!hidden(sib) && !isToolbar(sib) && !hasToolbar(sib)) {
          const text = sib.textContent && sib.textContent.trim();
          if (text && text.length <= 60) return text;
        }
        sib = sib.previousElementSibling;
      }
    }
    return null;
  }

  function roleOf(el, adapter) {
    const fromAdapter = adapter && adapter(el);
    if (fromAdapter) return fromAdapter;
    for (const t of labelTexts(el)) {
      const r = roleFromText(t);
      if (r) return r;
    }
    return 'other';
  }

  const roles = { roleFromText, labelTexts, roleOf, replacedControl };
  if (typeof ListingGuard !== 'undefined') ListingGuard.roles = roles;
  if (typeof module !== 'undefined') module.exports = roles;
})();
