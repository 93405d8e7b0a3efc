/*
 * The Step Functions live view: draws a state machine (laid out by dagre) coloured by what its execution did.
 * Every piece of user data (state names, inputs, errors...) reaches the page through textContent or
 * setAttribute, never as markup. The layout is computed once per graph; live updates only recolour.
 */
(function (global) {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var NODE_H = 46;
  var CHAR_W = 7.2;
  var PAD = 14;
  var HEADER = 46;
  var STATUS_TEXT = {
    NOT_REACHED: 'not reached', RUNNING: 'running', RETRYING: 'retrying', WAITING: 'waiting',
    APPROVAL_PENDING: 'approval pending', SUCCEEDED: 'succeeded', CAUGHT: 'caught', FAILED: 'failed', ABORTED: 'aborted'
  };

  function svg(tag, attrs, parent) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) { if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, String(attrs[k])); }
    if (parent) parent.appendChild(e);
    return e;
  }

  function html(tag, attrs, text, parent) {
    var e = document.createElement(tag);
    for (var k in (attrs || {})) { if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, String(attrs[k])); }
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }

  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }

  function duration(ms) {
    if (ms === undefined || ms === null) return '';
    if (ms < 1000) return ms + ' ms';
    var s = Math.round(ms / 100) / 10;
    if (s < 60) return s + ' s';
    var m = Math.floor(s / 60);
    if (m < 60) return m + ' min ' + Math.round(s - m * 60) + ' s';
    return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  function time(ms) { return ms === undefined || ms === null ? '' : new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC'); }

  function pretty(text) {
    if (text === undefined || text === null) return '';
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return String(text); }
  }

  function textWidth(s) { return Math.max(120, Math.min(340, String(s).length * (CHAR_W + 0.6) + 2 * PAD + 8)); }

  /* ---------- layout: each graph level laid out by dagre, nested boxes sized from their insides ---------- */

  function layoutGraph(graph, path) {
    var g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, edgesep: 12, marginx: 12, marginy: 12 });
    g.setDefaultEdgeLabel(function () { return {}; });
    var start = path + '\u0001start', end = path + '\u0001end';
    var items = {};
    g.setNode(start, { width: 18, height: 18 });
    (graph.nodes || []).forEach(function (n) {
      var inner = null, w = textWidth(n.name), h = NODE_H;
      if (n.children && n.children.length) {
        inner = n.children.map(function (c, i) { return layoutGraph(c, path + '/' + n.name + '#' + i); });
        var iw = 0, ih = 0;
        inner.forEach(function (l) { iw += l.width; ih = Math.max(ih, l.height); });
        iw += (inner.length - 1) * 16;
        w = Math.max(w, iw + 2 * PAD);
        h = ih + HEADER + PAD;
      }
      items[n.name] = { node: n, width: w, height: h, inner: inner };
      g.setNode(n.name, { width: w, height: h });
    });
    var hasEnd = false;
    if (graph.startAt && items[graph.startAt]) g.setEdge(start, graph.startAt, { kind: 'START' }, 'start');
    (graph.nodes || []).forEach(function (n) {
      if (n.end) { hasEnd = true; }
    });
    if (hasEnd) g.setNode(end, { width: 18, height: 18 });
    (graph.nodes || []).forEach(function (n) { if (n.end) g.setEdge(n.name, end, { kind: 'END' }, 'end'); });
    var retries = {};
    (graph.edges || []).forEach(function (e, i) {
      if (e.kind === 'RETRY') { (retries[e.from] = retries[e.from] || []).push(e.label); return; }
      if (!items[e.from] || !items[e.to]) return;
      var label = e.label ? { width: Math.min(e.label.length, 40) * 6.2 + 8, height: 16, labelpos: 'c' } : {};
      label.edge = e;
      g.setEdge(e.from, e.to, label, 'e' + i);
    });
    dagre.layout(g);
    var out = { width: g.graph().width, height: g.graph().height, nodes: [], edges: [], marks: [] };
    [start, end].forEach(function (id, i) {
      var p = g.node(id);
      if (p && p.x !== undefined) out.marks.push({ x: p.x, y: p.y, end: i === 1 });
    });
    Object.keys(items).forEach(function (name) {
      var p = g.node(name), it = items[name];
      out.nodes.push({ node: it.node, x: p.x - it.width / 2, y: p.y - it.height / 2, width: it.width, height: it.height,
        inner: it.inner, retries: retries[name] || null });
    });
    g.edges().forEach(function (ref) {
      var e = g.edge(ref);
      out.edges.push({ edge: e.edge || { from: ref.v, to: ref.w, kind: e.kind }, points: e.points, x: e.x, y: e.y });
    });
    return out;
  }

  /* ---------- drawing ---------- */

  function View(root, data, options) {
    this.root = root;
    this.options = options || {};
    this.nodes = {};
    this.edges = [];
    this.selected = null;
    this.data = null;
    clear(root);
    root.classList.add('sfn-view');
    this.header = html('div', { 'class': 'sfn-header' }, null, root);
    this.toolbar = html('div', { 'class': 'sfn-toolbar' }, null, root);
    this.legend(this.toolbar);
    var body = html('div', { 'class': 'sfn-body' }, null, root);
    this.canvas = html('div', { 'class': 'sfn-canvas' }, null, body);
    this.details = html('div', { 'class': 'sfn-details' }, null, body);
    html('p', { 'class': 'sfn-hint' }, 'Click a state to see its input, output, error and events.', this.details);
    this.layoutMs = 0;
    this.update(data);
    var self = this;
    this.timer = setInterval(function () { self.tick(); }, 1000);
  }

  View.prototype.legend = function (parent) {
    var l = html('div', { 'class': 'sfn-legend' }, null, parent);
    Object.keys(STATUS_TEXT).forEach(function (s) {
      var item = html('span', { 'class': 'sfn-legend-item' }, null, l);
      html('span', { 'class': 'sfn-swatch st-' + s }, null, item);
      html('span', null, STATUS_TEXT[s], item);
    });
    var zoom = html('span', { 'class': 'sfn-zoom' }, null, parent);
    var self = this;
    [['Fit', 'fit'], ['100%', 'full']].forEach(function (z) {
      var b = html('button', { type: 'button', 'class': 'sfn-button' }, z[0], zoom);
      b.addEventListener('click', function () { self.zoom(z[1]); });
    });
  };

  View.prototype.zoom = function (mode) {
    if (!this.svg) return;
    this.zoomMode = mode;
    // fit: never wider than the canvas, never scaled up; 100%: natural size, the canvas scrolls
    this.svg.setAttribute('width', this.size.width);
    if (mode === 'fit') {
      this.svg.style.maxWidth = '100%';
      this.svg.style.height = 'auto';
      this.svg.removeAttribute('height');
    } else {
      this.svg.style.maxWidth = 'none';
      this.svg.setAttribute('height', this.size.height);
    }
  };

  View.prototype.draw = function (graph) {
    var t0 = performance.now();
    var layout = layoutGraph(graph, '');
    clear(this.canvas);
    this.nodes = {};
    this.edges = [];
    var W = Math.max(layout.width, 200), H = Math.max(layout.height, 60);
    this.size = { width: W, height: H };
    var s = svg('svg', { xmlns: SVG, viewBox: '0 0 ' + W + ' ' + H, 'class': 'sfn-graph', role: 'img',
      'aria-label': 'state machine graph' }, this.canvas);
    var defs = svg('defs', {}, s);
    ['NEXT', 'CHOICE', 'DEFAULT', 'CATCH', 'RETRY', 'START', 'END', 'TAKEN'].forEach(function (k) {
      var m = svg('marker', { id: 'sfn-arrow-' + k, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
        markerHeight: 7, orient: 'auto-start-reverse' }, defs);
      svg('path', { d: 'M0,0 L10,5 L0,10 z', 'class': 'sfn-arrow k-' + k }, m);
    });
    this.svg = s;
    this.drawLevel(s, layout, 0, 0);
    this.zoom(this.zoomMode || (W > 1400 ? 'full' : 'fit'));
    this.layoutMs = Math.round(performance.now() - t0);
    this.root.setAttribute('data-layout-ms', String(this.layoutMs));
  };

  View.prototype.drawLevel = function (parent, layout, dx, dy) {
    var self = this;
    var g = svg('g', { transform: 'translate(' + dx + ',' + dy + ')' }, parent);
    layout.edges.forEach(function (e) {
      if (!e.points || !e.points.length) return;
      var d = 'M' + e.points.map(function (p) { return p.x.toFixed(1) + ',' + p.y.toFixed(1); }).join(' L');
      var kind = e.edge.kind || 'NEXT';
      var path = svg('path', { d: d, 'class': 'sfn-edge k-' + kind, 'marker-end': 'url(#sfn-arrow-' + kind + ')' }, g);
      self.edges.push({ el: path, from: e.edge.from, to: e.edge.to, kind: kind });
      if (e.edge.label && e.x !== undefined) {
        var lg = svg('g', { 'class': 'sfn-edge-label k-' + kind }, g);
        var text = e.edge.label.length > 40 ? e.edge.label.substring(0, 39) + '\u2026' : e.edge.label;
        var w = text.length * 6.2 + 8;
        svg('rect', { x: e.x - w / 2, y: e.y - 8, width: w, height: 16, rx: 3 }, lg);
        var t = svg('text', { x: e.x, y: e.y + 4, 'text-anchor': 'middle' }, lg);
        t.textContent = text;
        svg('title', {}, lg).textContent = e.edge.label;
      }
    });
    layout.marks.forEach(function (m) {
      svg('circle', { cx: m.x, cy: m.y, r: m.end ? 8 : 7, 'class': m.end ? 'sfn-end' : 'sfn-start' }, g);
      if (m.end) svg('circle', { cx: m.x, cy: m.y, r: 4, 'class': 'sfn-end-dot' }, g);
    });
    layout.nodes.forEach(function (n) { self.drawNode(g, n); });
  };

  View.prototype.drawNode = function (parent, n) {
    var self = this, name = n.node.name;
    var g = svg('g', { 'class': 'sfn-node st-NOT_REACHED' + (n.inner ? ' sfn-container' : ''), 'data-state': name,
      'data-status': 'NOT_REACHED', tabindex: 0, role: 'button' }, parent);
    svg('rect', { x: n.x, y: n.y, width: n.width, height: n.height, rx: n.inner ? 8 : 6, 'class': 'sfn-box' }, g);
    var title = svg('text', { x: n.x + PAD, y: n.y + 18, 'class': 'sfn-name' }, g);
    var maxChars = Math.floor((n.width - 2 * PAD) / (CHAR_W + 0.6));
    title.textContent = name.length > maxChars ? name.substring(0, maxChars - 1) + '\u2026' : name;
    svg('title', {}, g).textContent = name + ' (' + n.node.type + ')';
    var badge = svg('text', { x: n.x + PAD, y: n.y + 36, 'class': 'sfn-badge' }, g);
    badge.textContent = n.node.type;
    if (n.retries) {
      var rx = n.x + n.width, ry = n.y + Math.min(n.height, NODE_H) / 2;
      svg('path', { d: 'M' + rx + ',' + (ry - 9) + ' C' + (rx + 26) + ',' + (ry - 22) + ' ' + (rx + 26) + ',' + (ry + 22)
        + ' ' + rx + ',' + (ry + 9), 'class': 'sfn-edge k-RETRY', 'marker-end': 'url(#sfn-arrow-RETRY)' }, g);
      var rt = svg('title', {}, g);
      rt.textContent = 'Retry: ' + n.retries.join('; ');
    }
    if (n.inner) {
      var x = n.x + PAD;
      n.inner.forEach(function (l) {
        svg('rect', { x: x, y: n.y + HEADER, width: l.width, height: l.height, rx: 6, 'class': 'sfn-branch' }, g);
        self.drawLevel(g, l, x, n.y + HEADER);
        x += l.width + 16;
      });
    }
    g.addEventListener('click', function (ev) { ev.stopPropagation(); self.select(name); });
    g.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') self.select(name); });
    this.nodes[name] = { g: g, badge: badge, type: n.node.type };
  };

  function badgeText(s, now) {
    var t = s.type || '';
    switch (s.status) {
      case 'NOT_REACHED': return t;
      case 'WAITING':
        if (s.waitUntil) {
          var left = Math.max(0, s.waitUntil - now);
          return 'waiting, ' + duration(Math.round(left / 1000) * 1000) + ' left';
        }
        return 'waiting';
      case 'APPROVAL_PENDING': return 'approval pending';
      case 'RETRYING': return 'retrying, attempt ' + s.attempts;
      default: break;
    }
    var parts = [STATUS_TEXT[s.status] || s.status];
    if (s.iterations) {
      var it = s.iterations;
      parts = [(it.succeeded + it.failed + it.aborted) + '/' + (it.items || it.started) + ' items'];
      if (it.failed) parts.push(it.failed + ' failed');
      var running = it.started - it.succeeded - it.failed - it.aborted;
      if (running > 0) parts.push(running + ' running');
    }
    if (s.attempts > 1) parts.push('attempt ' + s.attempts);
    else if (s.retries > 0) parts.push(s.retries + ' retries');
    if (s.entries > 1) parts.push('\u00d7' + s.entries);
    if (s.durationMs !== undefined && s.status !== 'RUNNING' && !s.iterations) parts.push(duration(s.durationMs));
    return parts.join(' \u00b7 ');
  }

  View.prototype.update = function (data) {
    var graphChanged = !this.data || JSON.stringify(this.data.graph) !== JSON.stringify(data.graph);
    this.data = data;
    if (graphChanged) this.draw(data.graph);
    this.drawHeader();
    var now = Date.now();
    var states = data.states || {};
    for (var name in this.nodes) {
      var n = this.nodes[name], s = states[name] || { status: 'NOT_REACHED', type: n.type };
      if (n.g.getAttribute('data-status') !== s.status) {
        n.g.setAttribute('class', 'sfn-node st-' + s.status + (n.g.classList.contains('sfn-container') ? ' sfn-container' : '')
          + (this.selected === name ? ' sfn-selected' : ''));
        n.g.setAttribute('data-status', s.status);
      }
      n.badge.textContent = badgeText(s, now);
    }
    var taken = {};
    (data.transitions || []).forEach(function (t) { taken[t.from + '\u0000' + t.to] = true; });
    this.edges.forEach(function (e) {
      var on = taken[e.from + '\u0000' + e.to] === true;
      e.el.classList.toggle('sfn-taken', on);
    });
    if (this.selected) this.showDetails(this.selected);
  };

  View.prototype.tick = function () {
    if (!this.data) return;
    var now = Date.now(), states = this.data.states || {};
    for (var name in states) {
      if (states[name].status === 'WAITING' && this.nodes[name]) this.nodes[name].badge.textContent = badgeText(states[name], now);
    }
  };

  View.prototype.drawHeader = function () {
    var e = this.data.execution || {};
    clear(this.header);
    var h = html('h2', { 'class': 'sfn-title' }, null, this.header);
    html('span', null, e.name || 'Execution', h);
    html('span', { 'class': 'sfn-exec-status es-' + (e.status || 'NONE'), 'data-execution-status': e.status || '' },
      e.status || 'no events yet', h);
    var facts = html('div', { 'class': 'sfn-facts' }, null, this.header);
    if (e.startDate) html('span', null, 'started ' + time(e.startDate), facts);
    if (e.stopDate) html('span', null, 'took ' + duration(e.stopDate - e.startDate), facts);
    html('span', null, this.data.eventCount + ' events', facts);
    if (e.error) {
      var err = html('div', { 'class': 'sfn-error' }, null, this.header);
      html('strong', null, e.error, err);
      if (e.cause) html('span', null, ': ' + e.cause, err);
    }
    var fin = this.data.final;
    if (fin && (!e.status || e.status === 'RUNNING')) {
      // the source stopped reading the history while the execution went on: say where the picture ends
      html('p', { 'class': 'sfn-final', role: 'status' }, 'Not followed any more'
        + (fin.reason ? ' (' + fin.reason + ')' : '') + ': this view shows the history up to '
        + (fin.historyUntil ? time(fin.historyUntil) : 'the last event the build kept') + '.', this.header);
    }
  };

  View.prototype.select = function (name) {
    if (this.selected && this.nodes[this.selected]) this.nodes[this.selected].g.classList.remove('sfn-selected');
    this.selected = name;
    if (this.nodes[name]) this.nodes[name].g.classList.add('sfn-selected');
    this.showDetails(name);
  };

  function section(parent, title, text) {
    if (text === undefined || text === null || text === '') return;
    html('h4', null, title, parent);
    html('pre', { 'class': 'sfn-pre' }, text, parent);
  }

  View.prototype.showDetails = function (name) {
    var d = this.details, s = (this.data.states || {})[name] || { name: name, status: 'NOT_REACHED' };
    clear(d);
    d.setAttribute('data-state', name);
    html('h3', null, name, d);
    html('span', { 'class': 'sfn-exec-status st-' + s.status }, STATUS_TEXT[s.status] || s.status, d);
    var dl = html('dl', { 'class': 'sfn-dl' }, null, d);
    function fact(k, v) { if (v === undefined || v === null || v === '') return; html('dt', null, k, dl); html('dd', null, v, dl); }
    fact('Type', s.type);
    fact('Entered', s.entries ? s.entries + (s.entries > 1 ? ' times' : ' time') : 'never');
    fact('Attempts', s.attempts > 1 ? s.attempts + ' (retried)' : null);
    fact('Retries in all', s.retries > 0 ? s.retries : null);
    fact('Entered at', time(s.enteredAt));
    fact('Left at', time(s.exitedAt));
    fact('Duration', duration(s.durationMs));
    if (s.waitUntil) fact('Wakes up', time(s.waitUntil));
    if (s.iterations) {
      var it = s.iterations;
      fact('Items', it.items);
      fact('Iterations', it.started + ' started, ' + it.succeeded + ' succeeded, ' + it.failed + ' failed, ' + it.aborted + ' aborted');
    }
    if (s.approval) {
      var a = html('div', { 'class': 'sfn-approval' }, null, d);
      html('h4', null, 'Waiting for approval', a);
      if (s.approval.message) html('p', null, s.approval.message, a);
      if (s.approval.submitters && s.approval.submitters.length) html('p', null, 'May be answered by: ' + s.approval.submitters.join(', '), a);
      if (s.approval.deadline) html('p', null, 'Times out at ' + time(s.approval.deadline), a);
      if (this.options.approvalActions) this.options.approvalActions(a, s, this);
    }
    if (s.error || s.cause) {
      html('h4', null, 'Error', d);
      html('pre', { 'class': 'sfn-pre sfn-error-text' }, (s.error || '') + (s.cause ? '\n' + pretty(s.cause) : ''), d);
    }
    section(d, 'Input', pretty(s.input));
    section(d, 'Output', pretty(s.output));
    var ev = html('div', { 'class': 'sfn-events' }, null, d);
    this.showEvents(ev, s.eventIds || []);
  };

  View.prototype.showEvents = function (parent, ids) {
    if (!ids.length) return;
    html('h4', null, 'Events (' + ids.length + (ids.length >= 200 ? ', latest' : '') + ')', parent);
    var fill = function (history) {
      var byId = {};
      history.forEach(function (e) { byId[e.id] = e; });
      var table = html('table', { 'class': 'sfn-table' }, null, parent);
      ids.forEach(function (id) {
        var e = byId[id];
        var tr = html('tr', null, null, table);
        html('td', null, id, tr);
        html('td', null, e ? e.type : '', tr);
        html('td', null, e ? time(typeof e.timestamp === 'number' ? e.timestamp * 1000 : Date.parse(e.timestamp)) : '', tr);
      });
    };
    if (this.options.history) { fill(this.options.history); return; }
    if (this.options.loadHistory) {
      this.options.loadHistory().then(fill, function () { html('p', null, 'Events could not be loaded.', parent); });
    }
  };

  /* ---------- the history table (reports): pages of rows, so 25,000 events stay quick ---------- */

  function historyTable(parent, events) {
    var PAGE = 500;
    html('h3', null, 'History (' + events.length + ' events)', parent);
    var table = html('table', { 'class': 'sfn-table sfn-history', id: 'sfn-history' }, null, parent);
    var head = html('tr', null, null, html('thead', null, null, table));
    ['Id', 'Time', 'Type', 'Previous', 'Details'].forEach(function (h) { html('th', null, h, head); });
    var body = html('tbody', null, null, table);
    var shown = 0;
    var more = html('button', { type: 'button', 'class': 'sfn-button' }, null, parent);
    function page() {
      var end = Math.min(events.length, shown + PAGE);
      for (var i = shown; i < end; i++) {
        var e = events[i], tr = html('tr', null, null, body), details = '';
        for (var k in e) { if (/EventDetails$/.test(k)) details = JSON.stringify(e[k]); }
        html('td', null, e.id, tr);
        html('td', null, time(typeof e.timestamp === 'number' ? e.timestamp * 1000 : Date.parse(e.timestamp)), tr);
        html('td', null, e.type, tr);
        html('td', null, e.previousEventId === undefined ? '' : e.previousEventId, tr);
        html('td', { 'class': 'sfn-cell-details' }, details.length > 300 ? details.substring(0, 299) + '\u2026' : details, tr);
      }
      shown = end;
      more.textContent = 'Show ' + Math.min(PAGE, events.length - shown) + ' more of ' + (events.length - shown);
      more.style.display = shown < events.length ? '' : 'none';
    }
    more.addEventListener('click', page);
    page();
  }

  /* ---------- entry points ---------- */

  var SfnView = {
    /**
     * An HTML element with attributes and text (always as textContent, never parsed as markup), appended to
     * parent when given: the one helper the view, sfn local's console and the Jenkins build page build with.
     */
    element: html,

    /** Draws data once; returns the view, whose update(data) recolours it. */
    render: function (root, data, options) { return new View(root, data, options); },

    /** A report: the final view, then the history. */
    report: function (root, data, history) {
      var view = new View(root, data, { history: history });
      historyTable(html('div', { 'class': 'sfn-history-box' }, null, root), history);
      return view;
    },

    /**
     * A live view: polls dataUrl (adding since=<cursor>: the answer's "cursor" when it has one, else its
     * lastEventId; an answer {"unchanged": true} changes nothing) until the execution ends, or until an answer
     * carries "final" ({"reason", "historyUntil"}: the source stopped following the execution, so the data
     * will not change however long the execution goes on; the header says so while it shows it running).
     * The root element counts its requests in data-polls and says data-live="polling", "ended" or "final".
     * options: historyUrl, intervalMs, headers, approvalActions (function (box, state, view), called where a
     * state's details show its pending approval).
     */
    live: function (root, dataUrl, options) {
      options = options || {};
      var view = null, last = -1, stopped = false, historyCache = null, polls = 0;
      var headers = options.headers || {};
      var loadHistory = options.historyUrl ? function () {
        if (historyCache && view && historyCache.at === view.data.lastEventId) return Promise.resolve(historyCache.events);
        return fetch(options.historyUrl, { headers: headers, credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        }).then(function (j) { historyCache = { at: view ? view.data.lastEventId : -1, events: j.events || [] }; return historyCache.events; });
      } : null;
      root.setAttribute('data-live', 'polling');
      function poll() {
        if (stopped) return;
        var sep = dataUrl.indexOf('?') < 0 ? '?' : '&';
        root.setAttribute('data-polls', String(++polls));
        fetch(dataUrl + sep + 'since=' + encodeURIComponent(last), { headers: headers, credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        }).then(function (data) {
          if (!data.unchanged) {
            last = data.cursor !== undefined ? data.cursor : data.lastEventId;
            if (!view) view = new View(root, data, { loadHistory: loadHistory, approvalActions: options.approvalActions });
            else view.update(data);
            root.setAttribute('data-last-event-id', String(data.lastEventId));
          }
          root.removeAttribute('data-error');
          if (view && view.data.final) { stopped = true; root.setAttribute('data-live', 'final'); return; }
          var st = view && view.data.execution && view.data.execution.status;
          if (st && st !== 'RUNNING') { stopped = true; root.setAttribute('data-live', 'ended'); return; }
          setTimeout(poll, options.intervalMs || 1000);
        }).catch(function (err) {
          root.setAttribute('data-error', String(err));
          setTimeout(poll, (options.intervalMs || 1000) * 3);
        });
      }
      poll();
      return { stop: function () { stopped = true; }, view: function () { return view; },
        refresh: function () { last = -1; } };
    }
  };
  global.SfnView = SfnView;
})(window);
