/* sfn local's console: lists state machines and executions, shows the live view of the chosen one, answers approvals. */
(function () {
  'use strict';
  var list = document.getElementById('console-list');
  var viewRoot = document.getElementById('console-view');
  var current = null, live = null;

  function el(tag, attrs, text, parent) {
    return SfnView.element(tag, attrs, text, parent);
  }

  function executionFromHash() {
    var m = /^#execution=(.+)$/.exec(location.hash);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function refreshList() {
    fetch('/console/api/state-machines', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (data) {
      while (list.firstChild) list.removeChild(list.firstChild);
      if (!data.stateMachines.length) el('p', { 'class': 'console-empty' }, 'No state machines yet.', list);
      data.stateMachines.forEach(function (m) {
        el('h3', { title: m.arn }, m.name, list);
        var ul = el('ul', null, null, list);
        if (!m.executions.length) el('li', { 'class': 'console-empty' }, 'no executions', ul);
        m.executions.forEach(function (x) {
          var a = el('a', { href: '#execution=' + encodeURIComponent(x.arn), 'data-execution': x.arn,
            'class': x.arn === current ? 'current' : '' }, x.name, el('li', null, null, ul));
          el('span', { 'class': 'console-status es-' + x.status }, x.status, a);
        });
      });
    }).catch(function () { /* the engine stopped; the next refresh tries again */ });
  }

  function approvalActions(box, state) {
    var comment = el('textarea', { rows: 2, placeholder: 'Comment', 'aria-label': 'comment' }, null, box);
    var buttons = el('div', null, null, box);
    var result = el('p', { 'class': 'console-answer' }, null, box);
    [['Approve', true], ['Reject', false]].forEach(function (b) {
      var button = el('button', { type: 'button', 'class': 'sfn-button', 'data-answer': b[0].toLowerCase() }, b[0], buttons);
      button.addEventListener('click', function () {
        button.disabled = true;
        fetch('/console/api/answer', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Sfn-Console': '1' },
          body: JSON.stringify({ execution: current, scheduledEventId: state.approval.scheduledEventId,
            approve: b[1], comment: comment.value })
        }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); }).then(function (r) {
          result.textContent = r.ok ? (r.body.answered === 'approved' ? 'Approved.' : 'Rejected.') : r.body.message;
        }).catch(function (e) { result.textContent = String(e); button.disabled = false; });
      });
    });
  }

  function show() {
    var arn = executionFromHash();
    if (arn === current) return;
    current = arn;
    if (live) live.stop();
    live = null;
    while (viewRoot.firstChild) viewRoot.removeChild(viewRoot.firstChild);
    if (!arn) { el('p', { 'class': 'console-empty' }, 'Choose an execution on the left.', viewRoot); return; }
    var root = el('div', { id: 'sfn-view' }, null, viewRoot);
    var q = '?execution=' + encodeURIComponent(arn);
    live = SfnView.live(root, '/console/api/view' + q, { historyUrl: '/console/api/history' + q, intervalMs: 500,
      approvalActions: approvalActions });
    refreshList();
  }

  window.addEventListener('hashchange', show);
  refreshList();
  setInterval(refreshList, 2000);
  show();
})();
