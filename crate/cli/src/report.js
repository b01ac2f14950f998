// Filters the report by severity, rule, field and text. Reads only this page's DOM.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var sev = $('f-severity'), rule = $('f-rule'), field = $('f-field'), text = $('f-text'), count = $('f-count');
  function apply() {
    var s = sev.value, r = rule.value, f = field.value, q = text.value.trim().toLowerCase();
    var shown = 0;
    document.querySelectorAll('.finding').forEach(function (el) {
      var ok = (!s || el.dataset.severity === s) && (!r || el.dataset.rule === r) && (!f || el.dataset.field === f);
      el.classList.toggle('hidden', !ok);
    });
    document.querySelectorAll('section.sku').forEach(function (el) {
      var any = el.querySelector('.finding:not(.hidden)') !== null;
      var hit = !q || el.textContent.toLowerCase().indexOf(q) >= 0;
      el.classList.toggle('hidden', !(any && hit));
    });
    document.querySelectorAll('tr.sku-row').forEach(function (tr) {
      var filtering = s || r || f;
      var ok = (!s || tr.dataset.severities.indexOf(' ' + s + ' ') >= 0) &&
        (!r || tr.dataset.rules.indexOf(' ' + r + ' ') >= 0) &&
        (!f || tr.dataset.fields.indexOf(' ' + f + ' ') >= 0) &&
        (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
      if (!filtering && !q) ok = true;
      tr.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    count.textContent = shown + ' / ' + document.querySelectorAll('tr.sku-row').length;
  }
  // A filter can come in the address: report.html#severity=block&rule=…&field=…&q=…
  location.hash.slice(1).split('&').forEach(function (kv) {
    var p = kv.split('='), v = decodeURIComponent(p[1] || '');
    var el = { severity: sev, rule: rule, field: field, q: text }[p[0]];
    if (el) el.value = v;
  });
  [sev, rule, field].forEach(function (el) { el.addEventListener('change', apply); });
  text.addEventListener('input', apply);
  apply();
})();
