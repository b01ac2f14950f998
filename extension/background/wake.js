// What this background's wake cost, phase by phase (issue 16): when the worker or event
// page was created, when its scripts ran, when the wasm was fetched, compiled and
// instantiated, when the settings and the engine were ready, when the first lint came
// and was answered. Times are absolute (ms since the epoch, sub-millisecond), so the page
// can set them beside its own; each mark keeps its first time only. The first lint
// answered after a wake carries them once (`wake` in the reply); the speed spec prints
// them. It measures; it changes nothing about how the background works.
'use strict';
const LGWake = (() => {
  const now = () => performance.timeOrigin + performance.now();
  // `start`: the worker (or event page) was created; `scripts`: its first script ran.
  const marks = { start: performance.timeOrigin, scripts: now() };
  let told = false;

  /** Marks phase `name` now (or at `at`), unless it was marked already. */
  function mark(name, at = now()) {
    if (!Object.hasOwn(marks, name)) marks[name] = at;
  }

  /** The marks, once per wake (later answers get undefined), `reply` marked now. */
  function take() {
    if (told) return undefined;
    told = true;
    mark('reply');
    return { ...marks };
  }

  return { now, mark, take };
})();
if (typeof module !== 'undefined') module.exports = LGWake;
