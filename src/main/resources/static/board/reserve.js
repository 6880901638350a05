/* 储备项目落地计划图：各县区各节点年内完成数对照年度目标；市重点办在此设定目标。 */
(function () {
  'use strict';
  var B = Board, el = B.el;
  B.header('reserve.html');
  var yearSelect = document.getElementById('year');
  var charts = document.getElementById('charts');
  var tablePanel = document.getElementById('table');
  var targetsPanel = document.getElementById('targets');
  var saved = null;
  var NODE_COLORS = { RESERVE: '#9ecae1', NEGOTIATING: '#6baed6', SIGNED: '#4292c6', LANDED: '#2b8a57' };

  B.me().then(function (me) {
    var thisYear = Number(me.today.substring(0, 4));
    for (var y = thisYear + 1; y >= thisYear - 3; y--) {
      yearSelect.appendChild(el('option', { value: y }, y + ' 年'));
    }
    yearSelect.value = B.params().year || thisYear;
    yearSelect.addEventListener('change', function () {
      history.replaceState(null, '', '?year=' + yearSelect.value);
      load();
    });
    load();
  }).catch(function (e) { B.fail(charts, e); });

  function rate(cell) {
    if (cell.target === null || cell.target === 0) { return null; }
    return Math.round(cell.reached * 1000 / cell.target) / 10;
  }

  function load() {
    var year = yearSelect.value;
    document.getElementById('excel').href = '/api/board/reserve.xlsx' + B.query({ year: year });
    B.api('/api/board/reserve' + B.query({ year: year })).then(function (m) {
      document.getElementById('title').textContent = m.year + ' 年储备项目落地计划图';
      charts.textContent = '';
      tablePanel.textContent = '';
      charts.appendChild(el('h2', null, m.year + ' 年各县区节点完成与目标'));
      if (!m.counties.length) {
        charts.appendChild(el('p', { class: 'muted', id: 'empty' }, '没有可查看的县区。'));
      } else {
        chart(m);
      }
      table(m);
      if (m.editable) { targetForm(m); } else { targetsPanel.hidden = true; }
    }).catch(function (e) { B.fail(charts, e); });
  }

  function chart(m) {
    var names = m.counties.map(function (c) { return c.countyName; });
    var series = [];
    m.nodes.forEach(function (n, i) {
      var name = n.name.replace('（土地摘牌）', '');
      series.push({ type: 'bar', name: name + '（完成）', itemStyle: { color: NODE_COLORS[n.node] },
        label: { show: true, position: 'top', fontSize: 10,
          formatter: function (p) { return p.value ? String(p.value) : ''; } },
        data: m.counties.map(function (c) { return c.cells[i].reached; }) });
    });
    m.nodes.forEach(function (n, i) {
      var name = n.name.replace('（土地摘牌）', '');
      series.push({ type: 'scatter', name: name + '（目标）', symbol: 'rect', symbolSize: [18, 4],
        symbolOffset: [(i - 1.5) * 22, 0], itemStyle: { color: '#d9534f' },
        data: m.counties.map(function (c) { return c.cells[i].target; }) });
    });
    var instance = B.chart(charts, {
      title: { text: m.year + ' 年储备项目落地计划图', left: 10, textStyle: { fontSize: 15 },
        subtext: '柱：年内到达该节点的项目数；红色短横：县区年度目标' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 45, data: series.filter(function (s) { return s.type === 'bar'; }).map(function (s) { return s.name; })
        .concat(['谋划（目标）']) },
      grid: { left: 50, right: 20, top: 90, bottom: 50 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 20 : 0 } },
      yAxis: { type: 'value', name: '项目数', minInterval: 1 },
      series: series.map(function (s) { s.barGap = '10%'; s.barWidth = 18; return s; })
    }, m.year + '年储备项目落地计划图', 420);
    instance.on('click', function (e) {
      var c = m.counties[e.dataIndex];
      if (c) { location.href = '/board/list.html' + B.query({ county: c.county, node: m.nodes[e.seriesIndex % 4].node }); }
    });
  }

  function table(m) {
    tablePanel.appendChild(el('h2', null, '各县区节点完成、目标与当前项目（表）'));
    var columns = [{ title: '县区', value: function (c) { return c.countyName; } }];
    m.nodes.forEach(function (n, i) {
      var name = n.name.replace('（土地摘牌）', '');
      columns.push({ title: name + ' 完成 / 目标', num: true, value: function (c) {
        var cell = c.cells[i];
        var r = rate(cell);
        return [String(cell.reached), ' / ', cell.target === null ? '未定' : String(cell.target),
          r === null ? '' : el('span', { class: 'light ' + (r >= 100 ? 'GREEN' : r >= 60 ? 'YELLOW' : 'RED') }, r + '%')];
      } });
      columns.push({ title: name + ' 当前', num: true, value: function (c) {
        return B.link('/board/list.html' + B.query({ county: c.county, node: n.node }), c.cells[i].current);
      } });
    });
    var t = B.table(columns, m.counties, { caption: m.year + ' 年各县区（完成率：绿 ≥ 100%，黄 ≥ 60%，红 < 60%）', empty: '没有可查看的县区' });
    t.id = 'reserve-table';
    tablePanel.appendChild(t);
  }

  /** The key projects office sets each county's target per node for the year. */
  function targetForm(m) {
    targetsPanel.hidden = false;
    targetsPanel.textContent = '';
    targetsPanel.appendChild(el('h2', null, '设定 ' + m.year + ' 年各县区目标（市重点项目建设服务中心）'));
    var message = el('div', { role: 'status', id: 'targets-message', class: saved ? 'notice' : null }, saved);
    saved = null;
    var inputs = {};
    var columns = [{ title: '县区', value: function (c) { return c.countyName; } }].concat(m.nodes.map(function (n, i) {
      return { title: n.name.replace('（土地摘牌）', ''), value: function (c) {
        var input = el('input', { type: 'number', min: 0, max: 10000, step: 1, class: 'target',
          name: c.county + '.' + n.node, 'aria-label': c.countyName + n.name + '目标',
          value: c.cells[i].target === null ? '' : c.cells[i].target });
        inputs[c.county + '.' + n.node] = input;
        return input;
      } };
    }));
    targetsPanel.appendChild(B.table(columns, m.counties));
    targetsPanel.appendChild(el('div', { class: 'tools' }, el('button', { type: 'button', class: 'primary', id: 'save-targets',
      onclick: function () {
        var body = {};
        Object.keys(inputs).forEach(function (key) {
          var value = inputs[key].value.trim();
          if (value === '') { return; }
          var parts = key.split('.');
          body[parts[0]] = body[parts[0]] || {};
          body[parts[0]][parts[1]] = Number(value) === Math.floor(Number(value)) ? Number(value) : value;
        });
        B.api('/api/board/targets/' + m.year, { method: 'PUT', body: body }).then(function () {
          saved = '已保存 ' + m.year + ' 年目标。';
          load();
        }).catch(function (e) {
          message.className = 'error';
          message.textContent = '未保存：' + e.message;
        });
      } }, '保存目标'), message));
  }
})();
