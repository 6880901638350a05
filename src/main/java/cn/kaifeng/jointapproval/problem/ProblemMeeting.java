package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.escalation.Matter;
import cn.kaifeng.jointapproval.escalation.MatterRepository;
import cn.kaifeng.jointapproval.escalation.MeetingAgenda;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 提请市联审联批会议: the key projects office puts an overdue, still open problem on the executive
 * vice mayor's meeting agenda, once. It becomes a matter of its own (no item, no platform
 * coordination) that the existing meeting process takes onto its agenda; the meeting's decision
 * becomes a supervision case like any other.
 */
@Service
public class ProblemMeeting {

  private final ProblemRepository problems;
  private final ProjectRepository projects;
  private final DeadlineService deadlines;
  private final MatterRepository matters;
  private final MeetingAgenda agenda;
  private final ProjectLedger ledger;
  private final Notifier notifier;
  private final NotifyProperties mail;

  public ProblemMeeting(ProblemRepository problems, ProjectRepository projects,
      DeadlineService deadlines, MatterRepository matters, MeetingAgenda agenda,
      ProjectLedger ledger, Notifier notifier, NotifyProperties mail) {
    this.problems = problems;
    this.projects = projects;
    this.deadlines = deadlines;
    this.matters = matters;
    this.agenda = agenda;
    this.ledger = ledger;
    this.notifier = notifier;
    this.mail = mail;
  }

  /** Returns the matter's id. */
  @Transactional
  public String submit(String problemId, Map<String, Object> body, String userId,
      Collection<String> groups) {
    if (!groups.contains(Roles.KEY_PROJECTS_OFFICE) && !groups.contains("camunda-admin")) {
      throw new ForbiddenException("只有市重点办可以把问题提请市联审联批会议");
    }
    var problem = problems.find(problemId)
        .orElseThrow(() -> new ProblemNotFoundException(problemId));
    var unknown = body == null ? Set.<String>of() : body.keySet().stream()
        .filter(k -> !k.equals("reason")).collect(java.util.stream.Collectors.toSet());
    if (!unknown.isEmpty()) {
      throw InvalidRequestException.of(unknown.iterator().next(), "未知字段");
    }
    if (!(body.get("reason") instanceof String reason) || reason.isBlank()
        || reason.length() > 2000) {
      throw InvalidRequestException.of("reason", "请填写提请会议研究的理由（不超过 2000 字）");
    }
    problems.lock(problemId);
    problem = problems.find(problemId).orElseThrow();
    boolean open = problem.status() == ProblemStatus.ASSIGNED
        || problem.status() == ProblemStatus.REPORTED;
    if (!open || !ChinaTime.today().isAfter(deadlines.get(problem.deadlineId()).dueOn())) {
      throw InvalidRequestException.of("id", "只有已交办、逾期未办结的问题可以提请会议（" + problem.title()
          + " " + problem.status().displayName() + "）");
    }
    String matterId = Matter.ofProblem(problemId);
    var now = ClockUtil.getCurrentTime().toInstant();
    if (!matters.insertForProblem(matterId, problem.projectCode(), problemId,
        problem.description() + "（" + reason.strip() + "）", now)) {
      throw InvalidRequestException.of("id", problem.title() + " 已提请过会议（" + matterId + "）");
    }
    String detail = problem.title() + " 逾期未解决，市重点办提请市联审联批会议研究（协调事项 " + matterId + "）："
        + reason.strip();
    problems.record(problemId, "SUBMITTED_TO_MEETING", userId, detail, now);
    ledger.record(problem.projectCode(), "PROBLEM_TO_MEETING", null, userId, detail);
    var project = projects.get(problem.projectCode());
    var model = new HashMap<String, Object>();
    model.put("projectName", project.name());
    model.put("projectCode", project.code());
    model.put("itemName", problem.title());
    model.put("matterId", matterId);
    model.put("reason", problem.description());
    model.put("coordinationNote", reason.strip());
    model.put("tasklistUrl", mail.tasklistUrl());
    notifier.toGroups("matter-escalated", List.of(Roles.EXECUTIVE_VICE_MAYOR), model);
    agenda.offer();
    return matterId;
  }
}
