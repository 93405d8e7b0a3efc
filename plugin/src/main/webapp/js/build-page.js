/*
 * The build page's live views: one per element carrying data-sfn-view-url (set by index.jelly). A script file,
 * not inline script, so that Jenkins' Content-Security-Policy allows it; the URLs come from data attributes.
 * The view polls its data URL until the execution ends or the build stops following it (the data says "final";
 * a finished build's view is final on its first answer).
 *
 * A pending approval's details offer Approve and Reject, through the view's own approvalActions hook (as in
 * sfn local's console), when the data's "answers" say the signed-in user may answer it; else they say why not.
 * The buttons POST to the page's approve/reject endpoints (the ones the forms below the view use) with Jenkins'
 * crumb from the page's <head>; the server checks who may answer again. Every text goes in with textContent.
 */
(function () {
  'use strict';

  function el(tag, attrs, text, parent) {
    return SfnView.element(tag, attrs, text, parent);
  }

  /** Jenkins' CSRF crumb as its layout puts it on <head> (data-crumb-header, data-crumb-value). */
  function crumb() {
    var d = document.head.dataset;
    var headers = {};
    if (d.crumbHeader && d.crumbValue) headers[d.crumbHeader] = d.crumbValue;
    return headers;
  }

  /**
   * Approve/Reject for one view. A details panel is drawn again on every change of the data, so what was typed
   * and what the last answer said are kept here, by approval, and put back.
   */
  function approvalActions(root) {
    var approveUrl = root.getAttribute('data-sfn-approve-url');
    var rejectUrl = root.getAttribute('data-sfn-reject-url');
    var drafts = {};

    return function (box, state, view) {
      var key = String(state.approval.scheduledEventId);
      var offer = ((view.data && view.data.answers) || {})[key];
      var draft = drafts[key] || (drafts[key] = { comment: '', parameters: null, result: null, refused: false, sent: false });
      if (!offer || !approveUrl || !rejectUrl) {
        el('p', { 'class': 'sfn-answer-refusal', 'data-answer-refusal': 'not-here' },
          view.data && view.data.final ? 'The build no longer follows this execution: answer it where it runs'
            + ' (the AWS console, sfn approve).' : 'This approval cannot be answered on this page.', box);
        return;
      }
      if (!offer.allowed) {
        el('p', { 'class': 'sfn-answer-refusal', 'data-answer-refusal': 'not-allowed' }, offer.refusal, box);
        return;
      }
      var form = el('div', { 'class': 'sfn-answer', 'data-approval': offer.approval }, null, box);
      var commentId = root.id + '-comment-' + key;
      el('label', { 'for': commentId }, 'Comment (optional)', form);
      var comment = el('textarea', { id: commentId, rows: 2, name: 'comment' }, null, form);
      comment.value = draft.comment;
      comment.addEventListener('input', function () { draft.comment = comment.value; });
      var parameters = null;
      if (offer.parameters) {
        var parametersId = root.id + '-parameters-' + key;
        el('label', { 'for': parametersId }, 'Parameters (JSON, sent with Approve)', form);
        parameters = el('textarea', { id: parametersId, rows: 4, name: 'parameters' }, null, form);
        parameters.value = draft.parameters !== null ? draft.parameters : offer.parameters;
        parameters.addEventListener('input', function () { draft.parameters = parameters.value; });
      }
      var buttons = el('div', { 'class': 'sfn-approval-buttons' }, null, form);
      var result = el('p', { 'class': 'sfn-answer-result' + (draft.refused ? ' sfn-refused' : ''), role: 'status' },
        draft.result, form);
      var all = [];
      [['Approve', true, approveUrl], ['Reject', false, rejectUrl]].forEach(function (b) {
        var button = el('button', { type: 'button', 'class': 'sfn-button jenkins-button', 'data-answer': b[0].toLowerCase() },
          b[0], buttons);
        button.disabled = draft.sent;
        all.push(button);
        button.addEventListener('click', function () {
          all.forEach(function (x) { x.disabled = true; });
          draft.sent = true;
          var body = new URLSearchParams();
          body.set('execution', offer.execution);
          body.set('approval', offer.approval);
          body.set('comment', comment.value);
          if (b[1] && parameters) body.set('parameters', parameters.value);
          var headers = crumb();
          headers.Accept = 'application/json';
          fetch(b[2], { method: 'POST', headers: headers, body: body, credentials: 'same-origin' }).then(function (r) {
            return r.json().catch(function () { return { message: 'HTTP ' + r.status }; })
              .then(function (j) { return { ok: r.ok, body: j }; });
          }).then(function (r) {
            draft.result = r.body.message || (r.ok ? 'Answered.' : 'Not answered.');
            draft.refused = !r.ok;
            // refused (not allowed, bad parameters, not taken by Step Functions): the person may try again
            draft.sent = r.ok;
            result.textContent = draft.result;
            result.classList.toggle('sfn-refused', !r.ok);
            all.forEach(function (x) { x.disabled = r.ok; });
          }).catch(function (e) {
            draft.result = String(e);
            draft.refused = true;
            draft.sent = false;
            result.textContent = draft.result;
            result.classList.add('sfn-refused');
            all.forEach(function (x) { x.disabled = false; });
          });
        });
      });
    };
  }

  function start() {
    document.querySelectorAll('[data-sfn-view-url]').forEach(function (root) {
      SfnView.live(root, root.getAttribute('data-sfn-view-url'), {
        historyUrl: root.getAttribute('data-sfn-history-url'),
        intervalMs: 1000,
        approvalActions: approvalActions(root)
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
