/* 清单：总览上每个数字背后的项目、问题或督办件。数据来自项目的 /api，服务器按读者过滤。 */
(function () {
  'use strict';
  var B = Board, el = B.el;
  B.header('list.html');
  var p = B.params();
  var kind = p.kind || 'projects';
  delete p.kind;
  var content = document.getElementById('content');
  var NAMES = {
    county: { longting: '龙亭区', shunhe: '顺河回族区', gulou: '鼓楼区', yuwangtai: '禹王台区',
      xiangfu: '祥符区', qixian: '杞县', tongxu: '通许县', weishi: '尉氏县', lankao: '兰考县',
      shifanqu: '城乡一体化示范区' },
    node: { RESERVE: '谋划', NEGOTIATING: '在谈', SIGNED: '签约', LANDED: '落地（土地摘牌）',
      READY: '具备开工条件', STARTED: '开工', COMPLETED: '竣工', OPERATING: '投产' },
    light: B.LIGHTS,
    alert: { START_OVERDUE: '应开未开', COMPLETION_OVERDUE: '应竣未竣', NODE_LATE: '节点滞后' },
    status: { NEW: '待交办', ASSIGNED: '办理中', REPORTED: '待验收', REFERRED: '已报省协调机制',
      IN_PROGRESS: '落实中' },
    overdue: { 'true': '已逾期' }
  };

  function describe() {
    return Object.keys(p).filter(function (k) { return k !== 'page' && k !== 'size' && k !== 'sort'; })
      .map(function (k) { return (NAMES[k] && NAMES[k][p[k]]) || (k === 'leader' ? '分包市领导 ' + p[k] : p[k]); })
      .join(' · ');
  }

  function pager(page, size, total, go) {
    var bar = document.getElementById('pager');
    bar.textContent = '';
    var pages = Math.max(1, Math.ceil(total / size));
    bar.appendChild(el('button', { type: 'button', disabled: page <= 0 || null,
      onclick: function () { go(page - 1); } }, '上一页'));
    bar.appendChild(el('span', { class: 'muted' }, '第 ' + (page + 1) + ' / ' + pages + ' 页'));
    bar.appendChild(el('button', { type: 'button', disabled: page + 1 >= pages || null,
      onclick: function () { go(page + 1); } }, '下一页'));
  }

  function projectLink(code) { return B.link('/board/project.html' + B.query({ code: code }), code); }

  function projects(page) {
    var q = Object.assign({}, p, { page: page, size: p.size || 50 });
    document.getElementById('title').textContent = '项目清单';
    B.api('/api/projects' + B.query(q)).then(function (r) {
      content.textContent = '';
      document.getElementById('total').textContent = '共 ' + r.totalElements + ' 个项目';
      content.appendChild(B.table([
        { title: '项目编号', value: function (x) { return projectLink(x.code); } },
        { title: '项目名称', value: function (x) { return x.name; } },
        { title: '县区', value: function (x) { return x.countyName; } },
        { title: '节点', value: function (x) { return x.nodeName; } },
        { title: '状态', value: function (x) { return x.statusName; } },
        { title: '灯色', value: function (x) { return B.lightBadge(x.light); } },
        { title: '审批通道', value: function (x) { return x.trackName || '—'; } },
        { title: '时限到期日', value: function (x) { return x.deadline || '—'; } },
        { title: '已用工作日', num: true, value: function (x) { return B.number(x.workingDaysUsed); } },
        { title: '剩余工作日', num: true, value: function (x) { return B.number(x.workingDaysLeft); } },
        { title: '总投资（万元）', num: true, value: function (x) { return B.number(x.investment); } },
        { title: '分包市领导', value: function (x) { return x.contractingLeader; } },
        { title: '预警', value: function (x) { return x.alertNames.map(function (a) { return el('span', { class: 'tag alert' }, a); }); } }
      ], r.content, { caption: '项目清单' + (describe() ? '（' + describe() + '）' : '') }));
      pager(r.page, r.size, r.totalElements, projects);
    }).catch(function (e) { B.fail(content, e); });
  }

  function problems(page) {
    var q = Object.assign({}, p, { page: page, size: 50 });
    document.getElementById('title').textContent = '问题清单（问题台账）';
    B.api('/api/problems' + B.query(q)).then(function (r) {
      content.textContent = '';
      document.getElementById('total').textContent = '共 ' + r.totalElements + ' 个问题';
      content.appendChild(B.table([
        { title: '问题编号', value: function (x) { return x.id; } },
        { title: '项目', value: function (x) { return projectLink(x.projectCode); } },
        { title: '类别', value: function (x) { return x.categoryName; } },
        { title: '问题描述', value: function (x) { return x.description; } },
        { title: '状态', value: function (x) { return x.statusName; } },
        { title: '责任单位', value: function (x) { return x.responsibleUnit || '—'; } },
        { title: '办理期限', value: function (x) { return x.dueOn || '—'; } },
        { title: '灯色', value: function (x) { return x.overdue ? el('span', { class: 'light RED' }, '已逾期') : B.lightBadge(x.light); } }
      ], r.content, { caption: '问题清单' + (describe() ? '（' + describe() + '）' : '') }));
      pager(r.page, r.size, r.totalElements, problems);
    }).catch(function (e) { B.fail(content, e); });
  }

  function cases() {
    document.getElementById('title').textContent = '督办件清单';
    B.api('/api/supervision/cases' + B.query(p)).then(function (r) {
      content.textContent = '';
      document.getElementById('total').textContent = '共 ' + r.total + ' 件，其中逾期 ' + r.overdue + ' 件';
      content.appendChild(B.table([
        { title: '督办件', value: function (x) { return x.caseId; } },
        { title: '来源', value: function (x) { return x.originName; } },
        { title: '项目', value: function (x) { return [projectLink(x.projectCode), ' ', x.projectName]; } },
        { title: '审批事项', value: function (x) { return x.itemName || '—'; } },
        { title: '决定事项', value: function (x) { return x.decision; } },
        { title: '责任单位', value: function (x) { return x.responsibleUnitName; } },
        { title: '期限', value: function (x) { return x.deadline; } },
        { title: '状态', value: function (x) { return x.statusName; } },
        { title: '逾期', value: function (x) { return x.overdue ? el('span', { class: 'light RED' }, '已逾期') : '否'; } }
      ], r.cases, { caption: '督办件清单' + (describe() ? '（' + describe() + '）' : '') }));
    }).catch(function (e) { B.fail(content, e); });
  }

  document.getElementById('subtitle').textContent = describe() ? '条件：' + describe() : '全部可查看的记录';
  if (kind === 'problems') { problems(0); }
  else if (kind === 'cases') { cases(); }
  else {
    var excel = Object.assign({}, p);
    delete excel.page; delete excel.size;
    document.getElementById('tools').appendChild(el('a', { class: 'button', id: 'excel',
      href: '/api/board/projects.xlsx' + B.query(excel) }, '下载 Excel（.xlsx）'));
    projects(Number(p.page || 0));
  }
})();
