// The report page: one stored version (?id=) or a period (?period=) from /api/reports, drawn as
// ranking charts (ECharts, SVG so that it prints sharply) and tables of every rule's figure and
// points. The API decides what the logged-in user may read; this page only shows it.
(function () {
  'use strict';

  var STATUS = { DRAFT: '草稿（待市重点办审核）', PUBLISHED: '已发布', PRELIMINARY: '实时计算，未发布' };
  var FLAG = { TOP: '前三', LAST: '末位' };
  var charts = {};

  function el(id) { return document.getElementById(id); }

  function text(value) {
    var span = document.createElement('span');
    span.textContent = value == null ? '' : String(value);
    return span.innerHTML;
  }

  function query() {
    var params = new URLSearchParams(window.location.search);
    return { id: params.get('id'), period: params.get('period') };
  }

  function defaultPeriod() {
    var now = new Date();
    var month = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    return month.getFullYear() + '-' + String(month.getMonth() + 1).padStart(2, '0');
  }

  function load() {
    var q = query();
    var url;
    if (q.id) {
      url = '/api/reports/' + encodeURIComponent(q.id);
      el('excel').href = url + '/workbook';
    } else {
      var period = q.period || defaultPeriod();
      el('period').value = period;
      url = '/api/reports?period=' + encodeURIComponent(period);
      el('excel').href = '/api/reports/workbook?period=' + encodeURIComponent(period);
    }
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          showMessage(result.body.detail || result.body.title || '无法读取通报');
          return;
        }
        render(result.body);
      })
      .catch(function () { showMessage('无法连接服务器，请稍后重试'); });
  }

  function showMessage(message) {
    el('message').hidden = false;
    el('message').textContent = message;
  }

  function render(report) {
    el('message').hidden = true;
    if (report.id) {
      el('excel').href = '/api/reports/' + report.id + '/workbook';
    }
    document.title = report.periodLabel + '重大项目推进考评通报';
    el('title').textContent = report.periodLabel + '重大项目推进考评通报'
      + (report.version ? '（第 ' + report.version + ' 版）' : '');
    el('meta').innerHTML = '<span class="status-' + text(report.status) + '">'
      + text(STATUS[report.status] || report.status) + '</span>'
      + '　统计期间：' + text(report.from) + ' 至 ' + text(report.to)
      + '　计分规则版本：' + text(report.decisionVersion)
      + (report.publishedAt ? '　发布：' + text(report.publishedAt.substring(0, 10))
        + (report.publishedBy ? '（' + text(report.publishedBy) + '）' : '') : '');
    el('versions').innerHTML = report.versions && report.versions.length
      ? '版本：' + report.versions.map(function (v) {
        return '<a href="?id=' + v.id + '">第 ' + v.version + ' 版（' + text(STATUS[v.status] || v.status)
          + '）</a>';
      }).join('　') : '';
    el('commentary').innerHTML = report.commentary
      ? '<h2>市重点办点评</h2><p>' + text(report.commentary) + '</p>' : '';
    el('changes').innerHTML = report.changes
      ? '<h2>本版更正</h2><p>' + text(report.changes) + '</p>' : '';
    chart('countyChart', report.counties);
    chart('departmentChart', report.departments);
    el('countyTable').innerHTML = table(report.counties);
    el('departmentTable').innerHTML = table(report.departments);
    el('statements').innerHTML = statements(report.statements || []);
  }

  function chart(id, lines) {
    var node = el(id);
    node.style.height = Math.max(200, lines.length * 28 + 60) + 'px';
    if (charts[id]) {
      charts[id].dispose();
    }
    var ordered = lines.slice().reverse();
    var instance = echarts.init(node, null, { renderer: 'svg' });
    instance.setOption({
      animation: false,
      grid: { left: 150, right: 60, top: 20, bottom: 30 },
      xAxis: { type: 'value', name: '总分' },
      yAxis: {
        type: 'category',
        data: ordered.map(function (l) { return l.rank + '. ' + l.unitName; })
      },
      tooltip: { trigger: 'axis' },
      series: [{
        type: 'bar',
        data: ordered.map(function (l) {
          return {
            value: Number(l.total),
            itemStyle: { color: l.flag === 'TOP' ? '#2e7d32' : l.flag === 'LAST' ? '#c62828' : '#5470c6' }
          };
        }),
        label: { show: true, position: 'right' }
      }]
    });
    charts[id] = instance;
  }

  function table(lines) {
    if (!lines.length) {
      return '';
    }
    var rules = lines[0].scores.map(function (s) { return s.name; });
    var head = '<tr><th>名次</th><th>单位</th>' + rules.map(function (r) {
      return '<th>' + text(r) + '</th>';
    }).join('') + '<th>总分</th><th>较上期</th><th>标记</th></tr>';
    var rows = lines.map(function (l) {
      var change = l.change == null ? '—' : l.change > 0 ? '<span class="up">↑' + l.change + '</span>'
        : l.change < 0 ? '<span class="down">↓' + (-l.change) + '</span>' : '持平';
      return '<tr class="' + text(l.flag || '') + '"><td>' + l.rank + '</td><td>' + text(l.unitName) + '</td>'
        + l.scores.map(function (s) {
          var figure = s.figure == null ? '—' : formatFigure(s.rule, s.figure);
          return '<td>' + text(figure) + '<br><small>' + points(s.points) + ' 分</small></td>';
        }).join('')
        + '<td><b>' + points(l.total) + '</b></td><td>' + change + '</td><td class="flag-'
        + text(l.flag || '') + '">' + text(FLAG[l.flag] || '') + '</td></tr>';
    }).join('');
    return '<table><thead>' + head + '</thead><tbody>' + rows + '</tbody></table>';
  }

  function points(value) {
    return Number(value).toFixed(2);
  }

  function formatFigure(rule, figure) {
    if (/_RATE$/.test(rule)) {
      return (Number(figure) * 100).toFixed(1) + '%';
    }
    return Number(figure).toString();
  }

  function statements(list) {
    if (!list.length) {
      return '';
    }
    return '<h2>末位表态</h2><table><tr><th>单位</th><th>期限</th><th>原因</th><th>整改措施</th><th>提交</th></tr>'
      + list.map(function (s) {
        return '<tr><td>' + text(s.unitName) + (s.consecutive ? '<br><small class="down">连续两月末位，已列入市联审联批会议议程</small>' : '')
          + '</td><td>' + text(s.dueOn) + '</td><td>' + text(s.causes || '尚未提交') + '</td><td>'
          + text(s.measures || '') + '</td><td>' + text(s.submittedBy || '') + '</td></tr>';
      }).join('') + '</table>';
  }

  el('periodForm').addEventListener('submit', function (event) {
    event.preventDefault();
    var period = el('period').value.trim();
    window.history.pushState(null, '', '?period=' + encodeURIComponent(period));
    load();
  });
  el('print').addEventListener('click', function () { window.print(); });
  // The battle maps' header: the same navigation on every page under /board/.
  if (window.Board) { window.Board.header('/board/reports/'); }
  window.addEventListener('popstate', load);
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
  load();
}());
