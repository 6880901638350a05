package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.problem.ProblemRepository;

import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A leader's weekly report (周报) over the projects they contract: per project the nodes reached
 * in the week, the open alerts (nodes late), the open approval items with their lights and the
 * open problems of the problem ledger (问题台账). Empty when nothing was reached or raised and
 * nothing is late (no alert, no red item, no overdue problem).
 */
@Component
public class WeeklyReport {

  private static final Map<Light, String> LIGHTS = Map.of(Light.GREEN, "绿灯", Light.YELLOW, "黄灯",
      Light.RED, "红灯·已超期");
  private static final Map<ItemStatus, String> STATUS = Map.of(ItemStatus.OPEN, "办理中",
      ItemStatus.RETURNED, "退回补正中", ItemStatus.COORDINATION, "协调中");

  /** What one leader reads: plain text and HTML rows, and whether there is anything to send. */
  public record Content(String text, String html, int projects, boolean worthSending) {}

  private final NodeFacts nodeFacts;
  private final ProjectRepository projects;
  private final Alerts alerts;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProblemRepository problems;

  public WeeklyReport(NodeFacts nodeFacts, ProjectRepository projects, Alerts alerts,
      ProjectItemRepository items, DeadlineService deadlines, ProblemRepository problems) {
    this.problems = problems;
    this.nodeFacts = nodeFacts;
    this.projects = projects;
    this.alerts = alerts;
    this.items = items;
    this.deadlines = deadlines;
  }

  /** The report for a leader over the week {@code from}…{@code to} (both included). */
  public Content of(String leaderId, LocalDate from, LocalDate to) {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    boolean changed = false;
    boolean late = false;
    int count = 0;
    for (String code : nodeFacts.projectsOfLeader(leaderId)) {
      var project = projects.get(code);
      var reached = nodeFacts.of(code);
      List<String> reachedLines = new ArrayList<>();
      reached.dates().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .filter(e -> !e.getValue().isBefore(from) && !e.getValue().isAfter(to))
          .forEach(e -> reachedLines.add(e.getKey().displayName() + "（" + e.getValue() + "）"));
      var open = alerts.open(code, reached);
      List<String> itemLines = new ArrayList<>();
      boolean redItem = false;
      for (var item : items.ofProject(code)) {
        if (!STATUS.containsKey(item.status())) {
          continue;
        }
        redItem |= item.light() == Light.RED;
        itemLines.add("【" + LIGHTS.get(item.light()) + "】" + item.name() + " · "
            + STATUS.get(item.status()) + " · 办理期限 " + deadlines.get(item.deadlineId()).dueOn());
      }
      List<String> problemLines = new ArrayList<>();
      boolean overdueProblem = false;
      boolean newProblem = false;
      for (var problem : problems.ofProject(code)) {
        if (!problem.status().open()) {
          continue;
        }
        overdueProblem |= problem.light() == Light.RED;
        var raisedOn = problem.raisedAt().atZone(ChinaTime.ZONE).toLocalDate();
        newProblem |= !raisedOn.isBefore(from) && !raisedOn.isAfter(to);
        problemLines.add("【" + problem.status().displayName()
            + (problem.light() == Light.RED ? "·已超期" : "") + "】" + problem.title() + "："
            + problem.description() + (problem.deadlineId() == null ? ""
                : " · 办理期限 " + deadlines.get(problem.deadlineId()).dueOn()));
      }
      changed |= !reachedLines.isEmpty() || newProblem;
      late |= !open.isEmpty() || redItem || overdueProblem;
      count++;
      text.append("■ ").append(project.name()).append("（").append(code).append("）· ")
          .append(project.county().displayName()).append('\n');
      html.append("<h3>").append(escape(project.name())).append("（").append(escape(code))
          .append("）· ").append(escape(project.county().displayName())).append("</h3>\n<ul>\n");
      line(text, html, "本周到达节点", reachedLines.isEmpty() ? List.of("无") : reachedLines);
      line(text, html, "滞后预警", open.isEmpty() ? List.of("无")
          : open.stream().map(a -> a.name() + "：" + a.detail()).toList());
      line(text, html, "在办审批事项", itemLines.isEmpty() ? List.of("无") : itemLines);
      line(text, html, "待解决问题", problemLines.isEmpty() ? List.of("无") : problemLines);
      html.append("</ul>\n");
      text.append('\n');
    }
    return new Content(text.toString(), html.toString(), count, changed || late);
  }

  private static void line(StringBuilder text, StringBuilder html, String label,
      List<String> values) {
    text.append("  ").append(label).append("：");
    html.append("<li><b>").append(label).append("</b>：");
    if (values.size() == 1) {
      text.append(values.get(0)).append('\n');
      html.append(escape(values.get(0))).append("</li>\n");
      return;
    }
    text.append('\n');
    html.append("<ul>");
    for (String value : values) {
      text.append("    - ").append(value).append('\n');
      html.append("<li>").append(escape(value)).append("</li>");
    }
    html.append("</ul></li>\n");
  }

  private static String escape(String value) {
    return HtmlUtils.htmlEscape(value, "UTF-8");
  }
}
