/* 领导分包节点推进图：各分包市领导的项目按节点分布；选中领导后逐项目对照计划与实际节点。 */
(function () {
  'use strict';
  var B = Board, el = B.el;
  B.header('leaders.html');
  var summary = document.getElementById('summary');
  var detail = document.getElementById('leader');
  var NODES = [['RESERVE', '谋划'], ['NEGOTIATING', '在谈'], ['SIGNED', '签约'], ['LANDED', '落地'],
    ['READY', '具备开工条件'], ['STARTED', '开工'], ['COMPLETED', '竣工'], ['OPERATING', '投产']];

  B.api('/api/board/leaders').then(function (s) {
    summary.textContent = '';
    summary.appendChild(el('h2', null, '各分包市领导的项目节点分布'));
    if (!s.leaders.length) {
      summary.appendChild(el('p', { class: 'muted', id: 'empty' }, '没有可查看的分包项目。'));
      return;
    }
    var chart = B.chart(summary, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: NODES.map(function (n) { return n[1]; }), top: 0 },
      grid: { left: 90, right: 30, top: 40, bottom: 45 },
      xAxis: { type: 'value', name: '项目数', nameLocation: 'middle', nameGap: 24, minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: s.leaders.map(function (l) { return l.leader; }) },
      series: NODES.map(function (n, i) {
        return { type: 'bar', stack: 'nodes', name: n[1], barMaxWidth: 34, itemStyle: { color: B.NODE_COLORS[i] },
          data: s.leaders.map(function (l) { return l.byNode[n[0]]; }) };
      })
    }, '领导分包节点分布', Math.max(220, s.leaders.length * 44 + 90));
    chart.on('click', function (e) { show(s.leaders[e.dataIndex].leader); });
    var columns = [{ title: '分包市领导', value: function (l) {
      return el('a', { href: '#' + l.leader, class: 'leader-link', onclick: function (ev) { ev.preventDefault(); show(l.leader); } }, l.leader); } }]
      .concat(NODES.map(function (n) {
        return { title: n[1], num: true, value: function (l) { return l.byNode[n[0]]; } };
      }))
      .concat([
        { title: '合计', num: true, value: function (l) { return B.link('/board/list.html' + B.query({ leader: l.leader }), l.projects); } },
        { title: '有预警的项目', num: true, value: function (l) { return l.lagging ? el('span', { class: 'tag alert' }, String(l.lagging)) : '0'; } }
      ]);
    summary.appendChild(B.table(columns, s.leaders, { caption: '各分包市领导的项目节点分布（表）' }));
    var wanted = location.hash ? decodeURIComponent(location.hash.substring(1)) : s.leaders[0].leader;
    show(wanted);
  }).catch(function (e) { B.fail(summary, e); });

  function show(leader, page) {
    page = page || 0;
    history.replaceState(null, '', '#' + encodeURIComponent(leader));
    B.api('/api/board/leaders/projects' + B.query({ leader: leader, page: page, size: 50 })).then(function (r) {
      detail.textContent = '';
      detail.appendChild(el('div', { class: 'panel-head' },
        el('h2', { id: 'leader-title' }, leader + ' 分包项目节点推进（' + r.totalElements + ' 个项目）'),
        el('div', { class: 'tools' }, el('a', { class: 'button', id: 'excel',
          href: '/api/board/leaders/projects.xlsx' + B.query({ leader: leader }) }, '下载 Excel（.xlsx）'))));
      if (!r.content.length) {
        detail.appendChild(el('p', { class: 'muted' }, '没有可查看的项目。'));
        return;
      }
      chart(r);
      var columns = [
        { title: '项目', value: function (p) { return [B.link('/board/project.html' + B.query({ code: p.code }), p.code), ' ', p.name]; } },
        { title: '县区', value: function (p) { return p.countyName; } },
        { title: '当前节点', value: function (p) { return p.nodeName; } }
      ].concat(NODES.map(function (n) {
        return { title: n[1] + '（计划 / 实际）', value: function (p) {
          var planned = p.planned[n[0]], reached = p.reached[n[0]];
          var late = p.late.indexOf(n[0]) >= 0;
          if (!planned && !reached) { return '—'; }
          return el('span', { class: late ? 'tag alert' : null },
            (planned || '未计划') + ' / ' + (reached || (late ? '滞后' : '未到')));
        } };
      })).concat([{ title: '预警', value: function (p) { return p.alertNames.map(function (a) { return el('span', { class: 'tag alert' }, a); }); } }]);
      detail.appendChild(B.table(columns, r.content, { caption: leader + ' 分包项目：节点计划与实际（表）' }));
      var pages = Math.ceil(r.totalElements / r.size);
      if (pages > 1) {
        detail.appendChild(el('div', { class: 'pager' },
          el('button', { type: 'button', disabled: page === 0 || null, onclick: function () { show(leader, page - 1); } }, '上一页'),
          el('span', { class: 'muted' }, '第 ' + (page + 1) + ' / ' + pages + ' 页'),
          el('button', { type: 'button', disabled: page + 1 >= pages || null, onclick: function () { show(leader, page + 1); } }, '下一页')));
      }
    }).catch(function (e) { B.fail(detail, e); });
  }

  /** Per project and node: planned (hollow) and reached (filled; red when late) on one grid. */
  function chart(r) {
    var reached = [], planned = [], late = [];
    var today = r.today;
    r.content.forEach(function (p, row) {
      NODES.forEach(function (n, col) {
        var plan = p.planned[n[0]], got = p.reached[n[0]];
        if (got) {
          var onTime = !plan || got <= plan;
          reached.push({ value: [col, row], itemStyle: { color: onTime ? B.COLORS.GREEN : B.COLORS.YELLOW }, info: [p, n, plan, got] });
        } else if (plan) {
          var overdue = p.late.indexOf(n[0]) >= 0 || plan < today;
          (overdue ? late : planned).push({ value: [col, row], info: [p, n, plan, null] });
        }
      });
    });
    var instance = B.chart(detail, {
      title: { text: r.leader + ' 分包项目节点推进图', left: 10, textStyle: { fontSize: 15 },
        subtext: '实心绿：按计划到达；实心黄：晚于计划到达；空心：计划中；红：计划已过未到（滞后）' },
      tooltip: { formatter: function (e) {
        var i = e.data.info; var esc = function (s) { return String(s || '—').replace(/</g, '&lt;'); };
        return esc(i[0].name) + '<br>' + i[1][1] + '：计划 ' + esc(i[2]) + '，实际 ' + esc(i[3]); } },
      grid: { left: 260, right: 30, top: 80, bottom: 20 },
      xAxis: { type: 'category', position: 'top', data: NODES.map(function (n) { return n[1]; }),
        splitLine: { show: true, lineStyle: { color: '#eef1f5' } } },
      yAxis: { type: 'category', inverse: true, data: r.content.map(function (p) { return p.name; }),
        axisLabel: { width: 240, overflow: 'truncate' } },
      series: [
        { type: 'scatter', name: '已到达', symbolSize: 16, data: reached },
        { type: 'scatter', name: '计划中', symbol: 'emptyCircle', symbolSize: 14,
          itemStyle: { color: B.COLORS.ACCENT }, data: planned },
        { type: 'scatter', name: '滞后', symbol: 'emptyCircle', symbolSize: 16,
          itemStyle: { color: B.COLORS.RED, borderWidth: 3 }, data: late }
      ]
    }, r.leader + '分包项目节点推进图', Math.max(240, r.content.length * 28 + 110));
    instance.on('click', function (e) {
      location.href = '/board/project.html' + B.query({ code: e.data.info[0].code });
    });
  }
})();
