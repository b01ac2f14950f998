// Variation tables: a table or grid with one row per SKU (a size, a colour) and a price
// and a cost input in each row, as 9 of the 10 seller centers have. The columns are told
// by their header texts (roles.js words, English and Chinese: "Price", "Supply price",
// 价格, 供货价, 成本); the row's label is its SKU/variant cell (an input's value or the
// cell's text). Each row becomes one entry of `listing.variants` ({label, price, cost})
// and its inputs are drawn on when a finding names that variant. A table without a price
// or cost column is not a variation table and is left to the ordinary label reading.
'use strict';
(() => {
  const LABEL = /(sku|variant|variation|option|model|size|colou?r|规格|变体|款式|颜色|尺码|型号|属性|货号)/i;
  const CELL = 'td, th, [role=cell], [role=gridcell], [role=rowheader], [role=columnheader]';
  const TABLES = 'table, [role=grid], [role=table], [role=treegrid]';
  const INPUT = 'input, textarea, [contenteditable=""], [contenteditable=true]';

  const ownTable = (el) => el.parentElement && el.parentElement.closest(TABLES);

  function rowsOf(table) {
    const rows = table.localName === 'table' ? [...table.rows] : [...table.querySelectorAll('[role=row]')];
    return rows.filter((r) => (r.localName === 'tr' ? r.closest('table') === table : ownTable(r) === table));
  }

  function cellsOf(row) {
    return [...row.children].filter((c) => c.matches(CELL));
  }

  const isHeader = (row) => {
    const cells = cellsOf(row);
    return cells.length > 0 && !row.querySelector(INPUT)
      && (cells.every((c) => c.localName === 'th' || c.getAttribute('role') === 'columnheader') || row.closest('thead'));
  };

  /** Column roles from a header row: {price, cost, label} column indexes (-1: none). */
  function columns(headers, roleFromText) {
    const cols = { price: -1, cost: -1, label: -1 };
    headers.forEach((text, i) => {
      const role = roleFromText(text);
      if (role === 'price' && cols.price < 0) cols.price = i;
      else if (role === 'cost' && cols.cost < 0) cols.cost = i;
      else if (cols.label < 0 && LABEL.test(text)) cols.label = i;
    });
    if (cols.label < 0) cols.label = [0, 1, 2].find((i) => i !== cols.price && i !== cols.cost);
    return cols;
  }

  function inputIn(cell) {
    return cell ? cell.querySelector(INPUT) : null;
  }

  function labelOf(cell) {
    if (!cell) return '';
    const input = cell.querySelector('input, select, textarea');
    const text = input ? (input.value || '') : (cell.textContent || '');
    return text.replace(/\s+/g, ' ').trim();
  }

  /**
   * The variation tables under `roots` (documents and shadow roots): a Map from each
   * price or cost input to {variant, role, label}, variants numbered across the page
   * in document order.
   */
  function scan(roots, roleFromText) {
    const out = new Map();
    let next = 0;
    for (const root of roots) {
      for (const table of root.querySelectorAll(TABLES)) {
        const rows = rowsOf(table);
        const head = rows.find(isHeader);
        if (!head) continue;
        const cols = columns(cellsOf(head).map((c) => c.textContent || ''), roleFromText);
        if (cols.price < 0 && cols.cost < 0) continue;
        for (const row of rows) {
          if (row === head || isHeader(row)) continue;
          const cells = cellsOf(row);
          const price = cols.price >= 0 ? inputIn(cells[cols.price]) : null;
          const cost = cols.cost >= 0 ? inputIn(cells[cols.cost]) : null;
          if (!price && !cost) continue;
          const variant = next++;
          const label = labelOf(cells[cols.label]);
          if (price) out.set(price, { variant, role: 'price', label });
          if (cost) out.set(cost, { variant, role: 'cost', label });
        }
      }
    }
    return out;
  }

  const variants = { scan, columns };
  if (typeof ListingGuard !== 'undefined') ListingGuard.variants = variants;
  if (typeof module !== 'undefined') module.exports = variants;
})();
