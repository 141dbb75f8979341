/* global document, location, window */
// Starts the board's read while the app's code is still loading: a classic script in index.html
// runs before any module, and the board's first paint waits on this read. The request is the one
// the board's query makes (same URL, filters in the same order, same headers); the query takes
// the response once, and only when the URL matches and the answer is a 200 (src/lib/early-fetch.ts).
(function () {
  if (location.pathname !== '/board' || typeof fetch !== 'function') return;
  // Read while this script runs: the build names the board route's code on its tag (board-preload.ts).
  var script = document.currentScript;
  var code = script && script.getAttribute('data-board-code');
  // Only for a person who has read the board in this browser since signing in (src/lib/early-fetch.ts,
  // boardReaderKey): a signed-out visitor or a requester would get a 401/403 printed in the console.
  try {
    if (localStorage.getItem('altitude.boardReader') !== '1') return;
  } catch {
    return;
  }
  var params = new URLSearchParams(location.search);
  var query = new URLSearchParams();
  // The filters of src/features/board/hooks/use-board-filters.ts, in its order.
  ['q', 'department', 'type', 'assignee', 'classification', 'overdue', 'sla'].forEach(function (key) {
    var value = params.get(key);
    if (value) query.set(key, value);
  });
  var search = query.toString();
  var url = '/api/board' + (search ? '?' + search : '');
  var response = fetch(url, { method: 'GET', credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(function () {
    return null;
  });
  window.__altitudeEarly = { url: url, at: Date.now(), response: response };
  // Then preload that code beside the entry's, instead of once the app has evaluated, checked the
  // session and rendered its shell. Links like those Vite's loader makes, so it skips the scripts
  // and each file is fetched once.
  (code ? code.split(' ') : []).forEach(function (href) {
    var link = document.createElement('link');
    // Styles are only fetched here: Vite's loader adds the stylesheet in its usual place in the cascade.
    link.rel = /\.css$/.test(href) ? 'preload' : 'modulepreload';
    link.as = /\.css$/.test(href) ? 'style' : 'script';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  });
})();
