/* 全市总览：县区 × 灯色、节点分布、预警、问题与督办件；每个数字链接到它背后的清单。 */
(function () {
  'use strict';
  var B = Board, el = B.el;
  B.header('index.html');
  var content = document.getElementById('content');

  function list(params) { return '/board/list.html' + B.query(params); }

  B.api('/api/board/overview').then(function (o) {
    content.textContent = '';
    document.getElementById('subtitle').textContent = '截至 ' + o.today
      + '（北京时间）。各县区项目灯色、节点分布，应开未开、应竣未竣、未办结问题与逾期督办件；每个数字可点开查看清单。';
    var alerts = {};
    o.alerts.forEach(function (a) { alerts[a.code] = a; });
    var openProblems = o.problems.reduce(function (s, p) { return s + p.count; }, 0);
    var overdueCases = o.overdueCases.reduce(function (s, c) { return s + c.count; }, 0);
    function card(label, value, href, kind, id) {
      return el('a', { class: 'card ' + kind, href: href, id: id },
        el('div', { class: 'label' }, label), el('div', { class: 'value' }, String(value)));
    }
    content.appendChild(el('section', { class: 'cards', 'aria-label': '关键数字' },
      card('项目总数', o.projects, list({}), 'info', 'card-projects'),
      card('应开未开', alerts.START_OVERDUE.count, list({ alert: 'START_OVERDUE' }), 'alarm', 'card-start-overdue'),
      card('应竣未竣', alerts.COMPLETION_OVERDUE.count, list({ alert: 'COMPLETION_OVERDUE' }), 'alarm', 'card-completion-overdue'),
      card('节点滞后', alerts.NODE_LATE.count, list({ alert: 'NODE_LATE' }), 'warn', 'card-node-late'),
      card('未办结问题', openProblems, '#problems', 'warn', 'card-open-problems'),
      card('逾期问题', o.overdueProblems, list({ kind: 'problems', overdue: 'true' }), 'alarm', 'card-overdue-problems'),
      card('逾期督办件', overdueCases, '#cases', 'alarm', 'card-overdue-cases')));

    // 县区 × 灯色
    var countyPanel = el('section', { class: 'panel', id: 'county-lights' },
      el('h2', null, '各县区项目灯色'));
    content.appendChild(countyPanel);
    var lights = ['GREEN', 'YELLOW', 'RED'];
    var chart = B.chart(countyPanel, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: lights.map(function (l) { return B.LIGHTS[l]; }) },
      grid: { left: 50, right: 20, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: o.counties.map(function (c) { return c.countyName; }),
        axisLabel: { interval: 0, rotate: o.counties.length > 6 ? 20 : 0 } },
      yAxis: { type: 'value', name: '项目数', minInterval: 1 },
      series: lights.map(function (l) {
        return { name: B.LIGHTS[l], type: 'bar', stack: 'light', itemStyle: { color: B.COLORS[l] },
          data: o.counties.map(function (c) { return c.lights[l]; }) };
      })
    }, '各县区项目灯色');
    chart.on('click', function (e) {
      location.href = list({ county: o.counties[e.dataIndex].county, light: lights[e.seriesIndex] });
    });
    countyPanel.appendChild(B.table([
      { title: '县区', value: function (c) { return c.countyName; } },
      { title: '绿灯', num: true, value: function (c) { return B.link(list({ county: c.county, light: 'GREEN' }), c.lights.GREEN); } },
      { title: '黄灯', num: true, value: function (c) { return B.link(list({ county: c.county, light: 'YELLOW' }), c.lights.YELLOW); } },
      { title: '红灯', num: true, value: function (c) { return B.link(list({ county: c.county, light: 'RED' }), c.lights.RED); } },
      { title: '合计', num: true, value: function (c) { return B.link(list({ county: c.county }), c.total); } }
    ], o.counties, { caption: '各县区项目灯色（表）', empty: '没有可查看的项目' }));

    var grid = el('div', { class: 'grid-2' });
    content.appendChild(grid);
    // 节点分布
    var nodePanel = el('section', { class: 'panel', id: 'nodes' }, el('h2', null, '项目节点分布'));
    grid.appendChild(nodePanel);
    var nodeChart = B.chart(nodePanel, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 50, right: 20, bottom: 40, top: 30 },
      xAxis: { type: 'category', data: o.nodes.map(function (n) { return n.name.replace('（土地摘牌）', ''); }),
        axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '项目数', minInterval: 1 },
      series: [{ type: 'bar', name: '项目数', label: { show: true, position: 'top' },
        data: o.nodes.map(function (n, i) { return { value: n.count, itemStyle: { color: B.NODE_COLORS[i] } }; }) }]
    }, '项目节点分布', 320);
    nodeChart.on('click', function (e) { location.href = list({ node: o.nodes[e.dataIndex].code }); });
    nodePanel.appendChild(B.table([
      { title: '节点', value: function (n) { return n.name; } },
      { title: '项目数', num: true, value: function (n) { return B.link(list({ node: n.code }), n.count); } }
    ], o.nodes, { caption: '项目节点分布（表）' }));

    // 预警、问题、督办
    var findings = el('section', { class: 'panel', id: 'findings' }, el('h2', null, '预警、问题与督办'));
    grid.appendChild(findings);
    findings.appendChild(B.table([
      { title: '预警', value: function (a) { return a.name; } },
      { title: '项目数', num: true, value: function (a) { return B.link(list({ alert: a.code }), a.count); } }
    ], o.alerts, { caption: '计划与实际对比的预警' }));
    var problems = el('div', { id: 'problems' });
    findings.appendChild(problems);
    problems.appendChild(B.table([
      { title: '问题状态', value: function (p) { return p.name; } },
      { title: '问题数', num: true, value: function (p) { return B.link(list({ kind: 'problems', status: p.code }), p.count); } }
    ], o.problems.concat([{ code: null, name: '其中已逾期', count: o.overdueProblems, overdue: true }])
      .map(function (p) { return p; }), { caption: '未办结问题（问题台账）' }));
    // the overdue row links to the overdue list
    var rows = problems.querySelectorAll('tbody tr');
    var last = rows[rows.length - 1].querySelector('a');
    last.href = list({ kind: 'problems', overdue: 'true' });
    var cases = el('div', { id: 'cases' });
    findings.appendChild(cases);
    cases.appendChild(B.table([
      { title: '督办件状态', value: function (c) { return c.name; } },
      { title: '逾期件数', num: true, value: function (c) { return B.link(list({ kind: 'cases', overdue: 'true', status: c.code }), c.count); } }
    ], o.overdueCases, { caption: '逾期督办件' }));
  }).catch(function (e) { B.fail(content, e); });
})();
