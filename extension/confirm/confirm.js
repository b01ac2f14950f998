// Asks the seller to confirm a global change a card on a listing page asked for (see
// background/confirm.js). Only this extension page can send the answer.
'use strict';
(async () => {
  const { t, send, status, error } = LGUI;
  const $ = (id) => document.getElementById(id);
  LGUI.localize();
  const id = new URLSearchParams(location.search).get('id') || '';
  // A brand declaration may take a note of where the proof is kept (typed here only).
  const QUESTIONS = { 'allow-brand': 'confirm_allow_brand', 'resell-brand': 'confirm_resell_brand' };
  const answer = (accept) => send({ type: 'confirm', id, accept, ...($('note-row').hidden ? {} : { note: $('note').value }) }).then((r) => {
    $('yes').disabled = true;
    $('no').disabled = true;
    $('note').disabled = true;
    status(t(r.applied ? 'confirm_done' : 'confirm_cancelled'));
    document.body.dataset.answered = r.applied ? 'yes' : 'no';
  }, error);
  try {
    const { pending } = await send({ type: 'pending', id });
    if (!pending) {
      $('question').textContent = t('confirm_gone');
      $('yes').disabled = true;
      $('no').disabled = true;
    } else {
      const brandOp = Object.hasOwn(QUESTIONS, pending.op.op);
      $('question').textContent = brandOp
        ? t(QUESTIONS[pending.op.op], [pending.op.brand]) : t('confirm_disable_rule', [pending.op.rule]);
      $('note-row').hidden = !brandOp;
      $('from').textContent = t('confirm_from', [pending.host]);
      $('yes').addEventListener('click', () => answer(true));
      $('no').addEventListener('click', () => answer(false));
    }
  } catch (e) {
    error(e);
  }
  document.body.dataset.ready = 'true';
})();
