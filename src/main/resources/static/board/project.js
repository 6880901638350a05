/* 项目页：GET /api/projects/{code} 的全部内容，供人阅读；历史以时间线展示。 */
(function () {
  'use strict';
  var B = Board, el = B.el;
  B.header('project.html');
  var content = document.getElementById('content');
  var code = B.params().code;
  var EVENTS = {
    REGISTERED: '登记项目', APPROVAL_STARTED: '启动联审联批', ITEM_OPENED: '事项开始办理',
    ITEM_APPROVED: '事项准予许可', ITEM_RETURNED: '退回补正', ITEM_RESUBMITTED: '补正后重新提交',
    ITEM_ESCALATED: '事项逾期转协调', ITEM_PAST_LIMIT: '事项办理期限晚于项目时限',
    COORDINATION_REQUESTED: '提请跨部门协调', COORDINATED: '协调完成', MATTER_OPENED: '协调事项开始',
    MATTER_ESCALATED: '提交市联审联批会议', MATTER_ON_AGENDA: '列入会议议程', MATTER_DECIDED: '会议作出决定',
    MATTER_RESOLVED: '协调解决', MATTER_CLOSED: '协调事项办结', OPINIONS_REQUESTED: '征求部门意见',
    OPINION_GIVEN: '部门提出意见', CASE_OPENED: '督办件开始', CASE_REPORTED: '督办件报告',
    CASE_SENT_BACK: '督办件退回', CASE_ACCEPTED: '督办件办结', CASE_OVERDUE: '督办件逾期',
    READY_FOR_CONSTRUCTION: '具备开工条件', STARTED: '开工', NODE_RECORDED: '记录节点',
    PROJECT_YELLOW: '项目进入黄灯', PROJECT_RED: '项目超期', PROJECT_OVERRUN: '项目超期督办',
    PLAN_SET: '制定节点计划', PLAN_CHANGED: '调整节点计划', PROBLEM_RAISED: '提出问题',
    PROBLEM_CLOSED: '问题办结', PROBLEM_SUPERVISED: '问题转督办', PROBLEM_ANSWERED: '省协调机制答复',
    PROBLEM_TO_MEETING: '问题提交会议', START_OVERDUE: '应开未开', INVESTMENT_REPORTED: '填报月度投资',
    INVESTMENT_CORRECTED: '更正月度投资'
  };

  if (!code) {
    content.textContent = '';
    content.appendChild(el('div', { class: 'error' }, '缺少项目编号（?code=…）'));
    return;
  }

  function facts(pairs) {
    return el('dl', { class: 'facts' }, pairs.filter(function (p) { return p[1] !== undefined; }).map(function (p) {
      return el('div', null, el('dt', null, p[0]), el('dd', null, p[1] === null || p[1] === '' ? '—' : p[1]));
    }));
  }

  function yes(b) { return b ? '是' : '否'; }

  function panel(title, id) {
    var s = el('section', { class: 'panel', id: id }, el('h2', null, title));
    content.appendChild(s);
    return s;
  }

  function kindOf(event) {
    if (!event) { return ''; }
    if (event.indexOf('ITEM_') === 0) { return 'kind-item'; }
    if (/RED|OVERDUE|OVERRUN|ESCALATED|PAST_LIMIT/.test(event)) { return 'kind-alarm'; }
    if (/NODE|STARTED|READY|PLAN/.test(event)) { return 'kind-node'; }
    return '';
  }

  function time(instant) {
    if (!instant) { return '—'; }
    var d = new Date(instant);
    return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  B.api('/api/projects/' + encodeURIComponent(code)).then(function (p) {
    content.textContent = '';
    document.title = p.name + ' · 挂图作战';
    var title = document.getElementById('title');
    title.textContent = '';
    title.appendChild(document.createTextNode(p.name + ' '));
    title.appendChild(B.lightBadge(p.light));
    document.getElementById('subtitle').textContent = p.code + ' · ' + p.countyName + ' · ' + p.nodeName + ' · ' + p.statusName;
    if (p.alerts && p.alerts.length) {
      content.appendChild(el('div', { class: 'panel', id: 'alerts' }, el('h2', null, '预警'),
        p.alerts.map(function (a) { return el('div', null, el('span', { class: 'tag alert' }, a.name), ' ', a.nodeName || '', ' ', a.raisedOn, ' ', a.detail || ''); })));
    }
    panel('基本情况', 'facts').appendChild(facts([
      ['项目编号', p.code], ['县区', p.countyName], ['行业', p.industry], ['总投资（万元）', B.number(p.investment)],
      ['责任人', p.responsibleCadre], ['首席服务官', p.chiefServiceOfficer], ['分包市领导', p.contractingLeader],
      ['投资方', p.investor], ['世界500强', yes(p.fortune500)], ['自贸区', yes(p.freeTradeZone)],
      ['承诺制', yes(p.commitmentSystem)], ['政府投资', yes(p.governmentInvested)],
      ['登记人', p.registeredBy], ['登记时间', time(p.registeredAt)]
    ]));
    panel('审批时限（工作日）', 'clock').appendChild(facts([
      ['审批通道', p.trackName], ['时限', p.limitWorkingDays === null ? null : p.limitWorkingDays + ' 个工作日'],
      ['土地摘牌', p.landDelistedOn], ['时限到期日', p.deadline ? p.deadline + (p.deadlineProvisional ? '（暂按周末推算）' : '') : null],
      ['已用（净）', B.number(p.workingDaysUsed)], ['剩余', B.number(p.workingDaysLeft)],
      ['总工作日（含暂停）', B.number(p.grossWorkingDays)], ['补正暂停', B.number(p.pausedWorkingDays)],
      ['具备开工条件', p.completedOn], ['开工', p.startedOn]
    ]));
    panel('项目节点', 'nodes').appendChild(B.table([
      { title: '节点', value: function (n) { return n.nodeName; } },
      { title: '日期', value: function (n) { return n.date; } },
      { title: '记录人', value: function (n) { return n.recordedBy || '流程自动记录'; } },
      { title: '说明', value: function (n) { return n.detail || ''; } }
    ], p.nodes, { empty: '尚未记录节点' }));
    if (p.plan) {
      panel(p.plan.year + ' 年节点计划（第 ' + p.plan.version + ' 版）', 'plan').appendChild(B.table([
        { title: '节点', value: function (n) { return n.nodeName; } },
        { title: '计划日期', value: function (n) { return n.plannedOn; } },
        { title: '实际日期', value: function (n) { return n.reachedOn || '—'; } },
        { title: '是否滞后', value: function (n) { return n.overdue ? el('span', { class: 'tag alert' }, '滞后') : '否'; } }
      ], p.plan.nodes));
    }
    panel('审批事项', 'items').appendChild(B.table([
      { title: '事项', value: function (i) { return i.name; } },
      { title: '部门', value: function (i) { return i.departmentName; } },
      { title: '阶段', value: function (i) { return i.stageName; } },
      { title: '承诺工作日', num: true, value: function (i) { return i.promisedDays; } },
      { title: '状态', value: function (i) { return i.statusName; } },
      { title: '灯色', value: function (i) { return i.status === 'APPROVED' ? '已办结' : B.lightBadge(i.light); } },
      { title: '办理期限', value: function (i) { return i.dueOn; } },
      { title: '已用（净/总）', num: true, value: function (i) { return i.netWorkingDays + ' / ' + i.grossWorkingDays; } },
      { title: '补正暂停', num: true, value: function (i) { return i.pausedWorkingDays; } },
      { title: '办结日期', value: function (i) { return i.completedOn || '—'; } },
      { title: '审批意见', value: function (i) { return i.opinion || ''; } }
    ], p.items, { empty: '尚未进入联审联批（土地摘牌后生成审批事项）' }));
    if (p.matters.length || p.cases.length) {
      var m = panel('协调事项与督办件', 'matters');
      m.appendChild(B.table([
        { title: '协调事项', value: function (x) { return x.matterId; } },
        { title: '审批事项', value: function (x) { return x.itemCode || '—'; } },
        { title: '阶段', value: function (x) { return x.stageName; } },
        { title: '期限', value: function (x) { return x.deadline || '—'; } },
        { title: '会议日期', value: function (x) { return x.meetingOn || '—'; } },
        { title: '决定', value: function (x) { return x.decision || ''; } },
        { title: '督办逾期', value: function (x) { return x.caseOverdue ? el('span', { class: 'tag alert' }, '逾期') : '否'; } }
      ], p.matters, { caption: '协调事项', empty: '无' }));
      m.appendChild(B.table([
        { title: '督办件', value: function (x) { return x.caseId; } },
        { title: '来源', value: function (x) { return x.originName; } },
        { title: '责任单位', value: function (x) { return x.responsibleUnitName; } },
        { title: '期限', value: function (x) { return x.deadline; } },
        { title: '状态', value: function (x) { return x.statusName; } },
        { title: '逾期', value: function (x) { return x.overdue ? el('span', { class: 'tag alert' }, '逾期') : '否'; } }
      ], p.cases, { caption: '督办件', empty: '无' }));
    }
    if (p.problems && p.problems.length) {
      panel('问题台账', 'problems').appendChild(B.table([
        { title: '问题', value: function (x) { return x.id; } },
        { title: '类别', value: function (x) { return x.categoryName; } },
        { title: '描述', value: function (x) { return x.description; } },
        { title: '状态', value: function (x) { return x.statusName; } },
        { title: '责任单位', value: function (x) { return x.responsibleUnit || '—'; } },
        { title: '办理期限', value: function (x) { return x.dueOn || '—'; } }
      ], p.problems));
    }
    if (p.investmentProgress) {
      var inv = p.investmentProgress;
      var s = panel(inv.year + ' 年投资进度', 'investment');
      s.appendChild(facts([['年度计划投资（万元）', B.number(inv.planned)], ['已完成（万元）', B.number(inv.completed)],
        ['投资完成率', inv.completionRate === null || inv.completionRate === undefined ? '—' : Math.round(inv.completionRate * 1000) / 10 + '%']]));
      if (inv.months && inv.months.length) {
        s.appendChild(B.table([
          { title: '月份', value: function (x) { return x.month; } },
          { title: '完成投资（万元）', num: true, value: function (x) { return x.investment; } },
          { title: '进展', value: function (x) { return x.note; } },
          { title: '填报人', value: function (x) { return x.reportedBy; } }
        ], inv.months));
      }
    }
    var h = panel('项目历史（时间线）', 'history');
    var ol = el('ol', { class: 'timeline' });
    p.history.forEach(function (e) {
      ol.appendChild(el('li', { class: kindOf(e.event) },
        el('time', null, time(e.at)),
        el('strong', null, EVENTS[e.event] || e.event || ''),
        e.actor ? el('span', { class: 'muted' }, '　' + e.actor) : null,
        e.detail ? el('div', null, e.detail) : null));
    });
    if (!p.history.length) { ol.appendChild(el('li', null, '暂无记录')); }
    h.appendChild(ol);
  }).catch(function (e) {
    B.fail(content, e.status === 403 ? new Error('您无权查看该项目（不在本县区、没有本科室事项、也不是您分包的项目）') :
      e.status === 404 ? new Error('没有编号为 ' + code + ' 的项目') : e);
  });
})();
