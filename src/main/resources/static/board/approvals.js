/* 新开工项目联审联批图：一个县区的审批中项目，事项在工作日时间轴上对照时限。 */
(function () {
  'use strict';
  var B = Board, el = B.el;
  B.header('approvals.html');
  var PER_CHART = 15;
  var chartPanel = document.getElementById('chart-panel');
  var tablePanel = document.getElementById('table-panel');
  var countySelect = document.getElementById('county');
  var sortSelect = document.getElementById('sort');
  var data = null;
  var chartPage = 0;

  B.me().then(function (me) {
    var counties = me.cityWide || !me.counties.length ? me.allCounties : me.counties;
    counties.forEach(function (c) { countySelect.appendChild(el('option', { value: c.code }, c.name)); });
    var wanted = B.params().county || (me.counties[0] && me.counties[0].code) || counties[0].code;
    countySelect.value = wanted;
    countySelect.addEventListener('change', function () {
      history.replaceState(null, '', '?county=' + countySelect.value);
      chartPage = 0;
      load();
    });
    sortSelect.addEventListener('change', function () { chartPage = 0; load(); });
    load();
  }).catch(function (e) { B.fail(chartPanel, e); });

  function load() {
    var county = countySelect.value;
    document.getElementById('excel').href = '/api/board/approvals.xlsx' + B.query({ county: county });
    B.api('/api/board/approvals' + B.query({ county: county, sort: sortSelect.value,
      page: chartPage, size: PER_CHART })).then(function (m) {
      data = m;
      render();
    }).catch(function (e) { B.fail(chartPanel, e); });
  }

  function render() {
    document.getElementById('title').textContent = data.countyName + ' 新开工项目联审联批图';
    chartPanel.textContent = '';
    tablePanel.textContent = '';
    var projects = data.projects;
    chartPanel.appendChild(el('div', { class: 'panel-head' },
      el('h2', null, data.countyName + '：' + data.totalElements + ' 个项目在审批或待开工'),
      el('span', { class: 'muted' }, '今日 ' + data.today)));
    if (!projects.length) {
      chartPanel.appendChild(el('p', { class: 'muted', id: 'empty' }, '本县区没有可查看的审批中项目。'));
    } else {
      gantt(projects);
      var pages = Math.ceil(data.totalElements / data.size);
      if (pages > 1) {
        chartPanel.appendChild(el('div', { class: 'pager' },
          el('button', { type: 'button', disabled: data.page === 0 || null,
            onclick: function () { chartPage--; load(); } }, '上一组'),
          el('span', { class: 'muted' }, '第 ' + (data.page + 1) + ' / ' + pages + ' 组（每组 ' + data.size + ' 个项目，按所选顺序）'),
          el('button', { type: 'button', disabled: data.page + 1 >= pages || null,
            onclick: function () { chartPage++; load(); } }, '下一组')));
      }
    }
    projectTable(projects);
  }

  function itemColor(item) {
    if (item.status === 'APPROVED') { return B.COLORS.DONE; }
    return B.COLORS[item.light] || B.COLORS.GREEN;
  }

  function gantt(projects) {
    var labels = [], bars = [], limits = [], pauses = [], matters = [], used = [];
    var min = Infinity, max = data.todayAt;
    projects.forEach(function (p) {
      var row = labels.length;
      labels.push(p.name + '（剩 ' + p.workingDaysLeft + ' 个工作日）');
      min = Math.min(min, p.landedAt);
      max = Math.max(max, p.deadlineAt);
      bars.push({ value: [row, p.landedAt, p.deadlineAt, 0], itemStyle: { color: '#e8eef6' },
        project: p });
      used.push({ value: [row, p.landedAt, Math.min(data.todayAt, p.deadlineAt), 1],
        itemStyle: { color: B.COLORS[p.light], opacity: 0.35 }, project: p });
      var first = row;
      p.items.forEach(function (item) {
        var r = labels.length;
        labels.push('　' + item.name + '（' + item.departmentName + '）');
        var end = item.completedAt !== null ? item.completedAt : item.dueAt;
        max = Math.max(max, end);
        bars.push({ value: [r, item.opensAt, Math.max(end, item.opensAt + 0.5), 2],
          itemStyle: { color: itemColor(item), opacity: item.status === 'PLANNED' ? 0.45 : 1 },
          item: item, project: p });
        item.pauses.forEach(function (pause) {
          pauses.push({ value: [r, pause.fromAt, Math.max(pause.untilAt, pause.fromAt + 0.5), 3],
            itemStyle: { color: B.COLORS.PAUSE }, pause: pause, item: item });
        });
        if (item.inMatter) { matters.push({ value: [end, r], item: item }); }
      });
      limits.push({ value: [p.deadlineAt, first, labels.length - 1], project: p });
    });
    var axis = data.axis;
    function dateAt(n) { var d = axis[Math.max(0, Math.min(axis.length - 1, Math.round(n)))]; return d; }
    function bar(params, api) {
      var row = api.value(0);
      var start = api.coord([api.value(1), row]);
      var end = api.coord([api.value(2), row]);
      var kind = api.value(3);
      var height = api.size([0, 1])[1] * (kind === 0 || kind === 1 ? 0.7 : kind === 3 ? 0.62 : 0.5);
      return { type: 'rect', shape: { x: start[0], y: start[1] - height / 2,
        width: Math.max(end[0] - start[0], 2), height: height }, style: api.style() };
    }
    function limit(params, api) {
      var x = api.coord([api.value(0), api.value(1)])[0];
      var band = api.size([0, 1])[1];
      var top = api.coord([api.value(0), api.value(1)])[1] - band / 2;
      var bottom = api.coord([api.value(0), api.value(2)])[1] + band / 2;
      return { type: 'line', shape: { x1: x, y1: top, x2: x, y2: bottom },
        style: { stroke: B.COLORS.RED, lineWidth: 3 } };
    }
    var height = Math.max(260, labels.length * 22 + 110);
    var chart = B.chart(chartPanel, {
      title: { text: data.countyName + ' 新开工项目联审联批图', left: 10, top: 0,
        textStyle: { fontSize: 15 },
        subtext: '横轴为工作日（标注日期）；绿/黄/红：事项灯色；灰：已办结；浅蓝：补正暂停；◆ 协调督办中；红竖线：项目时限；虚线：今日（' + data.today + '）' },
      tooltip: { formatter: function (p) { return tip(p.data); } },
      grid: { left: 330, right: 40, top: 70, bottom: 40 },
      xAxis: { type: 'value', min: Math.max(0, min - 2), max: max + 3, position: 'top',
        splitLine: { lineStyle: { color: '#eef1f5' } },
        minInterval: 1,
        axisLabel: { formatter: function (n) {
          var d = Number.isInteger(n) ? dateAt(n) : null; return d ? d.substring(5) : ''; } } },
      yAxis: { type: 'category', data: labels, inverse: true,
        axisLabel: { width: 310, overflow: 'truncate', fontSize: 12,
          formatter: function (v) { return v; } },
        axisTick: { show: false } },
      series: [
        { type: 'custom', name: '项目时限内', renderItem: bar, encode: { x: [1, 2], y: 0 }, data: bars,
          markLine: { silent: true, symbol: 'none', label: { formatter: '今日', position: 'end' },
            lineStyle: { color: '#1d3a5f', type: 'dashed', width: 2 }, data: [{ xAxis: data.todayAt }] } },
        { type: 'custom', name: '已用工作日', renderItem: bar, encode: { x: [1, 2], y: 0 }, data: used, z: 3 },
        { type: 'custom', name: '补正暂停', renderItem: bar, encode: { x: [1, 2], y: 0 }, data: pauses, z: 3 },
        { type: 'custom', name: '项目时限', renderItem: limit, encode: { x: 0, y: [1, 2] }, data: limits, z: 4 },
        { type: 'scatter', name: '协调督办中', symbol: 'diamond', symbolSize: 12, z: 5,
          itemStyle: { color: B.COLORS.MATTER }, data: matters }
      ]
    }, data.countyName + '新开工项目联审联批图', height);
    chart.on('click', function (e) {
      var p = e.data && e.data.project;
      if (p) { location.href = '/board/project.html' + B.query({ code: p.code }); }
    });
  }

  function tip(d) {
    if (!d) { return ''; }
    var esc = function (s) { return String(s === null || s === undefined ? '—' : s)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); };
    if (d.pause) { return '补正暂停：' + esc(d.pause.from) + ' 至 ' + esc(d.pause.until) + (d.pause.open ? '（尚未重新提交）' : ''); }
    if (d.item) {
      var i = d.item;
      return esc(i.name) + '<br>' + esc(i.departmentName) + ' · ' + esc(i.stageName) + '<br>状态：' + esc(i.statusName)
        + '<br>开始：' + esc(i.opensOn) + '　办理期限：' + esc(i.dueOn) + (i.completedOn ? '　办结：' + esc(i.completedOn) : '')
        + '<br>承诺 ' + i.promisedDays + ' 个工作日，补正暂停 ' + i.pausedWorkingDays + ' 个工作日' + (i.inMatter ? '<br>协调督办中' : '');
    }
    if (d.project) {
      var p = d.project;
      return esc(p.name) + '（' + esc(p.code) + '）<br>' + esc(p.trackName) + '：时限 ' + p.limitWorkingDays + ' 个工作日，到期 ' + esc(p.deadline)
        + '<br>已用 ' + p.workingDaysUsed + '，剩余 ' + p.workingDaysLeft + ' 个工作日（暂停 ' + p.pausedWorkingDays + '）<br>' + esc(p.statusName);
    }
    return '';
  }

  function projectTable(projects) {
    tablePanel.appendChild(el('h2', null, '项目与审批事项（表）'));
    var columns = [
      { title: '项目', value: function (p) { return [B.link('/board/project.html' + B.query({ code: p.code }), p.code), ' ', p.name]; }, sort: function (p) { return p.code; } },
      { title: '审批通道', value: function (p) { return p.trackName; } },
      { title: '时限（工作日）', num: true, value: function (p) { return p.limitWorkingDays; } },
      { title: '土地摘牌', value: function (p) { return p.landDelistedOn; } },
      { title: '时限到期日', value: function (p) { return p.deadline; }, sort: function (p) { return p.deadline; } },
      { title: '已用工作日', num: true, value: function (p) { return p.workingDaysUsed; } },
      { title: '剩余工作日', num: true, value: function (p) { return p.workingDaysLeft; }, sort: function (p) { return p.workingDaysLeft; } },
      { title: '补正暂停', num: true, value: function (p) { return p.pausedWorkingDays; } },
      { title: '灯色', value: function (p) { return B.lightBadge(p.light); }, sort: function (p) { return { GREEN: 0, YELLOW: 1, RED: 2 }[p.light]; } },
      { title: '状态', value: function (p) { return p.statusName; } },
      { title: '事项（已办结/共）', num: true, value: function (p) { return p.items.filter(function (i) { return i.status === 'APPROVED'; }).length + ' / ' + p.items.length; } },
      { title: '协调督办中', num: true, value: function (p) { return p.openMatters ? el('span', { class: 'tag matter' }, p.openMatters + ' 项') : '—'; } }
    ];
    var t = B.table(columns, projects, { caption: data.countyName + '：审批中项目（本组，点表头排序；全部项目见 Excel）', empty: '没有可查看的审批中项目',
      after: function (p) {
        return el('tr', { class: 'sub' }, el('td', { colspan: columns.length },
          el('details', null, el('summary', null, '审批事项（' + p.items.length + '）'),
            B.table([
              { title: '事项', value: function (i) { return i.name; } },
              { title: '部门', value: function (i) { return i.departmentName; } },
              { title: '阶段', value: function (i) { return i.stageName; } },
              { title: '承诺工作日', num: true, value: function (i) { return i.promisedDays; } },
              { title: '状态', value: function (i) { return i.statusName; } },
              { title: '灯色', value: function (i) { return i.status === 'APPROVED' ? '已办结' : B.lightBadge(i.light); } },
              { title: '开始', value: function (i) { return i.opensOn; } },
              { title: '办理期限', value: function (i) { return i.dueOn; } },
              { title: '办结', value: function (i) { return i.completedOn || '—'; } },
              { title: '补正暂停', num: true, value: function (i) { return i.pausedWorkingDays; } },
              { title: '协调督办', value: function (i) { return i.inMatter ? el('span', { class: 'tag matter' }, '协调督办中') : '—'; } }
            ], p.items))));
      } });
    t.id = 'projects-table';
    tablePanel.appendChild(t);
  }
})();
