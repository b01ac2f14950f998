// The settings page's "Record of checks": the switch (off by default), the number of
// entries, export as CSV or JSON (a file saved by the browser) and clear.
'use strict';
(() => {
  const { t, send } = LGUI;
  const $ = (sel) => document.querySelector(sel);

  function save(text, type, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  async function render() {
    const { on, count } = await send({ type: 'log-get' });
    $('#log-on').checked = on;
    $('#log-count').dataset.count = String(count);
    $('#log-count').textContent = t('options_log_count', [String(count)]);
    document.body.dataset.logReady = 'true';
  }

  const day = () => new Date().toISOString().slice(0, 10);
  $('#log-on').addEventListener('change', () => send({ type: 'log-set', on: $('#log-on').checked }).then(render).catch((e) => LGUI.error(e)));
  $('#log-csv').addEventListener('click', async () => {
    const { csv } = await send({ type: 'log-get', csv: true });
    save(csv, 'text/csv', `listing-guard-checks-${day()}.csv`);
  });
  $('#log-json').addEventListener('click', async () => {
    const { entries } = await send({ type: 'log-get', entries: true });
    save(`${JSON.stringify({ format: 'listing-guard-checks', version: 1, exported: new Date().toISOString(), entries }, null, 2)}\n`,
      'application/json', `listing-guard-checks-${day()}.json`);
  });
  $('#log-clear').addEventListener('click', () => send({ type: 'log-clear' }).then(render).catch((e) => LGUI.error(e)));
  (globalThis.browser ?? globalThis.chrome).storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.checkLog) render().catch(() => {});
  });
  render().catch((e) => LGUI.error(e));
})();
