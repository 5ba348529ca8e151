// FleetManager dashboard: lights up a field's evidence in the message while the field has focus.
// A file of its own (the Content-Security-Policy allows no inline script); the page works without it.
(function () {
  'use strict';
  function marksOf(field) {
    return document.querySelectorAll('#message-text mark[data-fields~="' + CSS.escape(field) + '"]');
  }
  function clear() {
    document.querySelectorAll('#message-text mark.active').forEach(function (m) { m.classList.remove('active'); });
  }
  document.addEventListener('focusin', function (event) {
    var field = event.target && event.target.getAttribute && event.target.getAttribute('data-field');
    if (!field) { return; }
    clear();
    var marks = marksOf(field);
    marks.forEach(function (m) { m.classList.add('active'); });
    if (marks.length > 0) { marks[0].scrollIntoView({ block: 'nearest' }); }
  });
  document.addEventListener('focusout', function (event) {
    if (event.target && event.target.getAttribute && event.target.getAttribute('data-field')) { clear(); }
  });
})();
