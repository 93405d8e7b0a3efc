/*
 * The build page's live views: one per element carrying data-sfn-view-url (set by index.jelly). A script file,
 * not inline script, so that Jenkins' Content-Security-Policy allows it; the URLs come from data attributes.
 * The view polls its data URL until the execution ends (a finished build's view is final on its first answer).
 */
(function () {
  function start() {
    document.querySelectorAll('[data-sfn-view-url]').forEach(function (root) {
      SfnView.live(root, root.getAttribute('data-sfn-view-url'), {
        historyUrl: root.getAttribute('data-sfn-history-url'),
        intervalMs: 1000
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
