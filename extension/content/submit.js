// "Before submit" (off unless the seller turns it on in the options): when a form is
// submitted while the listing has block findings, a prompt lets the seller go back to
// the first one or submit anyway. The page's own submit is only held, never changed:
// "Submit anyway" submits the same form with the same button.
'use strict';
(() => {
  const t = (key, subs) => ListingGuard.t(key, subs);
  let bypass = false;

  /**
   * Watches submits in `doc`. `state()` returns {on, blocks: [drawn findings of severity
   * block], root}; `goBack(drawn)` focuses a finding's field.
   */
  function watchSubmits(doc, state, goBack) {
    doc.addEventListener('submit', (e) => {
      if (bypass) return;
      const { on, blocks, root } = state();
      if (!on || !blocks.length || !root) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      ask(root, e.target, e.submitter, blocks, goBack);
    }, true);
  }

  function ask(root, form, submitter, blocks, goBack) {
    const doc = root.host.ownerDocument;
    root.prompt?.remove();
    const box = doc.createElement('div');
    box.className = 'card prompt';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'false');
    const title = doc.createElement('div');
    title.className = 'sev block';
    title.textContent = t('submit_title');
    const msg = doc.createElement('div');
    msg.className = 'msg';
    msg.textContent = t('submit_message', [String(blocks.length)]);
    const list = doc.createElement('div');
    list.className = 'meta';
    list.textContent = blocks.slice(0, 3).map((d) => `“${d.finding.text}” (${d.finding.rule})`).join(', ');
    const actions = doc.createElement('div');
    actions.className = 'actions';
    const back = doc.createElement('button');
    back.type = 'button';
    back.dataset.op = 'go-back';
    back.textContent = t('submit_back');
    back.addEventListener('click', () => { box.remove(); goBack(blocks[0]); });
    const anyway = doc.createElement('button');
    anyway.type = 'button';
    anyway.dataset.op = 'submit-anyway';
    anyway.textContent = t('submit_anyway');
    anyway.addEventListener('click', () => {
      box.remove();
      ListingGuard.api.runtime.sendMessage({ type: 'log', event: 'submitted-anyway', rules: blocks.map((d) => d.finding.rule) }).catch(() => {});
      bypass = true;
      try {
        if (submitter && submitter.form === form) form.requestSubmit(submitter);
        else form.requestSubmit();
      } finally {
        bypass = false;
      }
    });
    actions.append(back, anyway);
    box.append(title, msg, list, actions);
    const r = (submitter || form).getBoundingClientRect();
    Object.assign(box.style, { left: `${Math.max(8, r.left + window.scrollX)}px`, top: `${r.bottom + window.scrollY + 6}px` });
    root.shadow.append(box);
    root.prompt = box;
    back.focus();
  }

  const submit = { watchSubmits };
  if (typeof ListingGuard !== 'undefined') ListingGuard.submit = submit;
})();
