// Export to a file, import settings or a rule pack from a file. Imports are validated by
// the background before anything is stored; a refused import changes nothing.
'use strict';
const LGIO = (() => {
  const { send } = LGUI;

  async function exportFile() {
    const { data } = await send({ type: 'export' });
    const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `listing-guard-settings-${data.exported.slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    return data;
  }

  async function readFile(input) {
    const file = input.files && input.files[0];
    if (!file) return null;
    const text = await file.text();
    input.value = '';
    return { name: file.name, text };
  }

  async function importSettings(file) {
    let data;
    try {
      data = JSON.parse(file.text);
    } catch (e) {
      throw new Error(`${file.name}: not JSON (${e.message})`);
    }
    await send({ type: 'settings-op', op: 'import-settings', data });
  }

  async function importPack(file) {
    try {
      await send({ type: 'settings-op', op: 'import-pack', source: file.text });
    } catch (e) {
      throw new Error(`${file.name}: ${e.message}`);
    }
  }

  return { exportFile, readFile, importSettings, importPack };
})();
