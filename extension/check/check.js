// The "check a whole listing" page: fields for a listing pasted from a spreadsheet or a
// supplier page. The content scripts run on this page as on a seller center (they are
// loaded after this file), so highlights, cards and fixes are the same; the marketplace
// chosen here is what the cards and rules use. *Copy fixed text* copies every field as
// it now stands, one "Field: text" line each.
'use strict';
(() => {
  const { t } = LGUI;
  const $ = (sel) => document.querySelector(sel);
  LGUI.localize();
  const { MARKETPLACES, marketplaceName } = LGUI;
  const select = $('#marketplace');
  const asked = new URLSearchParams(location.search).get('marketplace');
  for (const m of MARKETPLACES) select.append(new Option(marketplaceName(m), m));
  select.value = MARKETPLACES.includes(asked) ? asked : 'amazon';
  const setMarketplace = () => { document.documentElement.dataset.marketplace = select.value; };
  setMarketplace();
  // Without ?marketplace=, the first marketplace the seller sells on (settings.marketplaces).
  if (!MARKETPLACES.includes(asked)) {
    LGUI.send({ type: 'packs' }).then(({ settings }) => {
      const first = (settings.marketplaces || [])[0];
      if (first && select.value !== first) {
        select.value = first;
        select.dispatchEvent(new Event('change'));
      }
    }).catch(() => {}).finally(() => { document.body.dataset.marketplaceReady = 'true'; });
  } else {
    document.body.dataset.marketplaceReady = 'true';
  }
  select.addEventListener('change', () => {
    setMarketplace();
    // The content script re-checks on an edit: tell it the listing's context changed.
    $('#title').dispatchEvent(new Event('change', { bubbles: true }));
  });

  function fixedText() {
    const lines = [];
    for (const el of document.querySelectorAll('#listing input, #listing textarea')) {
      const label = document.querySelector(`label[for="${el.id}"]`);
      if (el.value.trim()) lines.push(`${label ? label.textContent : el.name}: ${el.value}`);
    }
    return lines.join('\n');
  }

  $('#copy').addEventListener('click', async () => {
    const text = fixedText();
    $('#fixed-text').value = text;
    try {
      await navigator.clipboard.writeText(text);
      $('#copied').textContent = t('check_copied');
    } catch (e) {
      // No clipboard access: the text is selected in the box below to copy by hand.
      $('#fixed-text').select();
      $('#copied').textContent = t('check_copy_by_hand');
    }
    document.body.dataset.copied = 'true';
  });
})();
