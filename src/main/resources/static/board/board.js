/* 挂图作战：各页共用的脚本（导航、取数、表格、图表工具条）。不拼接 HTML：数据一律作为文本写入。 */
(function () {
  'use strict';

  var LIGHTS = { GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯' };
  var COLORS = { GREEN: '#3fa66b', YELLOW: '#e0a800', RED: '#d9534f', DONE: '#9aa5b1',
    PAUSE: '#b8c4d6', MATTER: '#7b61ff', ACCENT: '#2f6fb2' };
  var NODE_COLORS = ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#f4c542', '#3fa66b', '#2b8a57',
    '#1d5e3b'];
  var PAGES = [
    ['index.html', '全市总览'],
    ['approvals.html', '新开工项目联审联批图'],
    ['leaders.html', '领导分包节点推进图'],
    ['reserve.html', '储备项目落地计划图'],
    ['/board/reports/', '月度通报'],
    ['/camunda/app/tasklist/default/', '待办任务（Tasklist）']
  ];

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) { return; }
        if (key === 'text') { node.textContent = value; }
        else if (key === 'class') { node.className = value; }
        else if (key.indexOf('on') === 0) { node.addEventListener(key.substring(2), value); }
        else { node.setAttribute(key, value === true ? '' : value); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function params() {
    var out = {};
    new URLSearchParams(location.search).forEach(function (v, k) { out[k] = v; });
    return out;
  }

  function query(obj) {
    var q = new URLSearchParams();
    Object.keys(obj).forEach(function (k) {
      if (obj[k] !== null && obj[k] !== undefined && obj[k] !== '') { q.set(k, obj[k]); }
    });
    var s = q.toString();
    return s ? '?' + s : '';
  }

  /** JSON from /api with the webapps' session; no session: to the login page. */
  function api(path, options) {
    options = options || {};
    var headers = { 'Accept': 'application/json' };
    var prepare = Promise.resolve();
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      prepare = csrfToken().then(function (token) { headers['X-XSRF-TOKEN'] = token; });
    }
    return prepare.then(function () {
      return fetch(path, { method: options.method || 'GET', headers: headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    }).then(function (response) {
      if (response.status === 401) {
        location.href = '/camunda/app/welcome/default/';
        throw new Error('未登录');
      }
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var error = new Error(problemText(body, response.status));
          error.status = response.status;
          error.body = body;
          throw error;
        }
        return body;
      });
    });
  }

  function problemText(body, status) {
    var text = (body && (body.detail || body.title)) || ('请求失败（' + status + '）');
    if (body && body.errors) {
      var errors = body.errors;
      var parts = Array.isArray(errors)
        ? errors.map(function (e) { return (e.field || '') + '：' + (e.message || e.detail || ''); })
        : Object.keys(errors).map(function (k) { return k + '：' + errors[k]; });
      if (parts.length) { text += '（' + parts.join('；') + '）'; }
    }
    return text;
  }

  /** The webapps' CSRF token of this session, asked for as the webapps do ("Fetch"). */
  function csrfToken() {
    function ask() {
      return fetch('/api/board/me', { headers: { 'X-XSRF-TOKEN': 'Fetch', 'Accept': 'application/json' },
        credentials: 'same-origin' }).then(function (r) { return r.headers.get('X-XSRF-TOKEN'); });
    }
    return ask().then(function (token) {
      if (token) { return token; }
      // A session that has not talked to the webapps since its login has no token yet: any
      // request to their API gives it one, as Tasklist's first request does.
      return fetch('/camunda/api/engine/engine/', { credentials: 'same-origin' }).then(ask);
    });
  }

  var mePromise = null;
  function me() {
    if (!mePromise) { mePromise = api('/api/board/me'); }
    return mePromise;
  }

  /** The header: the maps, the monthly report, Tasklist, and who is logged in. */
  function header(active) {
    var nav = el('nav', { 'aria-label': '挂图作战导航' });
    PAGES.forEach(function (p) {
      var href = p[0].charAt(0) === '/' ? p[0] : '/board/' + p[0];
      nav.appendChild(el('a', { href: href, class: p[0] === active ? 'active' : null,
        'data-page': p[0] }, p[1]));
    });
    var user = el('span', { class: 'user' });
    var bar = el('header', { class: 'board-header' },
      el('div', { class: 'brand' }, '开封市重大项目挂图作战'), nav, user);
    document.body.insertBefore(bar, document.body.firstChild);
    me().then(function (m) { user.textContent = '当前用户：' + m.userId + '　' + roleName(m); })
      .catch(function () { /* 未登录时 api() 已转到登录页 */ });
  }

  function roleName(m) {
    if (m.cityWide) { return '（全市）'; }
    if (m.counties.length) { return '（' + m.counties.map(function (c) { return c.name; }).join('、') + '）'; }
    if (m.leader) { return '（分包市领导）'; }
    return '（本单位相关项目）';
  }

  function lightBadge(light) {
    if (!light) { return ''; }
    return el('span', { class: 'light ' + light }, LIGHTS[light] || light);
  }

  /**
   * A table: columns [{title, value(row) → text|Node, num, sort(row) → comparable}]. Sortable
   * columns sort on a click.
   */
  function table(columns, rows, options) {
    options = options || {};
    var tbody = el('tbody');
    var state = { rows: rows.slice(), by: null, asc: true };
    var head = el('tr');
    columns.forEach(function (c, i) {
      var th = el('th', { scope: 'col', class: (c.num ? 'num ' : '') + (c.sort ? 'sortable' : '') },
        c.title);
      if (c.sort) {
        th.addEventListener('click', function () {
          state.asc = state.by === i ? !state.asc : true;
          state.by = i;
          state.rows.sort(function (a, b) {
            var x = c.sort(a), y = c.sort(b);
            var r = x === y ? 0 : (x === null || x === undefined) ? 1
              : (y === null || y === undefined) ? -1 : x < y ? -1 : 1;
            return state.asc ? r : -r;
          });
          render();
        });
      }
      head.appendChild(th);
    });
    function render() {
      tbody.textContent = '';
      state.rows.forEach(function (row) {
        var tr = el('tr', { class: row.__class || null });
        columns.forEach(function (c) {
          tr.appendChild(el('td', { class: c.num ? 'num' : null }, c.value(row)));
        });
        tbody.appendChild(tr);
        if (options.after) { append(tbody, options.after(row)); }
      });
      if (!state.rows.length) {
        tbody.appendChild(el('tr', null, el('td', { colspan: columns.length, class: 'muted' },
          options.empty || '没有数据')));
      }
    }
    render();
    var t = el('table', { class: 'data' }, options.caption ? el('caption', null, options.caption) : null,
      el('thead', null, head), tbody);
    t.sortBy = function (index, asc) { state.by = null; head.children[index].click();
      if (asc === false) { head.children[index].click(); } };
    return t;
  }

  /** A chart with its tools: PNG download (ECharts getDataURL) and print. */
  function chart(container, option, name, height) {
    var holder = el('div', { class: 'chart', role: 'img', 'aria-label': name + '（数据见下表）' });
    if (height) { holder.style.height = height + 'px'; }
    var tools = el('div', { class: 'tools' },
      el('button', { type: 'button', class: 'png', onclick: function () { download(instance, name); } },
        '下载图片（PNG）'),
      el('button', { type: 'button', onclick: function () { window.print(); } }, '打印（A3 横向）'));
    container.appendChild(tools);
    container.appendChild(holder);
    var instance = echarts.init(holder, null, { renderer: 'canvas' });
    option.textStyle = option.textStyle || { fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, sans-serif' };
    option.animation = false;
    instance.setOption(option);
    window.addEventListener('resize', function () { instance.resize(); });
    window.addEventListener('beforeprint', function () { instance.resize(); });
    return instance;
  }

  function download(instance, name) {
    var a = el('a', { href: instance.getDataURL({ type: 'png', pixelRatio: 2,
      backgroundColor: '#ffffff' }), download: name + '.png' });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function link(href, text) { return el('a', { href: href }, String(text)); }

  function fail(container, error) {
    container.textContent = '';
    container.appendChild(el('div', { class: 'error', role: 'alert' }, '无法读取数据：' + error.message));
  }

  function number(n) { return n === null || n === undefined ? '—' : String(n); }

  window.Board = { el: el, params: params, query: query, api: api, me: me, header: header,
    table: table, chart: chart, link: link, lightBadge: lightBadge, fail: fail, number: number,
    LIGHTS: LIGHTS, COLORS: COLORS, NODE_COLORS: NODE_COLORS };
})();
