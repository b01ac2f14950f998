// Asks the seller to confirm a global change a card on a listing page asked for (see
// background/confirm.js). Only this extension page can send the answer.
'use strict';
(async () => {
  const { t, send, status, error } = LGUI;
  const $ = (id) => document.getElementById(id);
  LGUI.localize();
  const id = new URLSearchParams(location.search).get('id') || '';
  const answer = (accept) => send({ type: 'confirm', id, accept }).then((r) => {
    $('yes').disabled = true;
    $('no').disabled = true;
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
      $('question').textContent = pending.op.op === 'allow-brand'
        ? t('confirm_allow_brand', [pending.op.brand]) : t('confirm_disable_rule', [pending.op.rule]);
      $('from').textContent = t('confirm_from', [pending.host]);
      $('yes').addEventListener('click', () => answer(true));
      $('no').addEventListener('click', () => answer(false));
    }
  } catch (e) {
    error(e);
  }
  document.body.dataset.ready = 'true';
})();
