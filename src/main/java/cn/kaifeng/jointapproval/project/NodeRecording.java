package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a reported node ({@code POST /api/projects/{code}/nodes}) against the project's ledger and
 * reports every bad field at once, in Chinese. The rules:
 *
 * <ul>
 *   <li>nodes only move forward. Before land delisting a step may be skipped (a project can be
 *       signed without a recorded negotiation, or land straight from 谋划): which of 在谈 and 签约 a
 *       project passes through is the county's business, not a gate. From {@code LANDED} on there
 *       is no skipping: {@code READY} is the process's (all items approved), {@code STARTED} needs
 *       {@code READY}, {@code COMPLETED} needs {@code STARTED}, {@code OPERATING} needs
 *       {@code COMPLETED};</li>
 *   <li>the date is not in the future (Beijing) nor before the date of the latest node reached;</li>
 *   <li>{@code SIGNED} names the investor ({@code investor}) and may say {@code fortune500};
 *       other nodes take only {@code node} and {@code date}.</li>
 * </ul>
 */
@Component
public class NodeRecording {

  /** What a valid report records. {@code investor} and {@code fortune500} for signing only. */
  public record Report(Node node, LocalDate date, String investor, boolean fortune500) {}

  private static final Set<String> FIELDS = Set.of("node", "date", "investor", "fortune500");
  private static final Set<String> SIGNING_FIELDS = Set.of("investor", "fortune500");
  private static final Node[] REPORTABLE = {Node.NEGOTIATING, Node.SIGNED, Node.LANDED,
      Node.STARTED, Node.COMPLETED, Node.OPERATING};

  public Report check(Project project, List<ProjectNodeRepository.Reached> reached,
      Map<String, Object> body) {
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(key -> !FIELDS.contains(key)).sorted()
        .forEach(key -> errors.put(key, "未知字段 " + key));
    Node node = node(project, body.get("node"), errors);
    if (node != Node.SIGNED) {
      body.keySet().stream().filter(SIGNING_FIELDS::contains).sorted()
          .forEach(key -> errors.put(key, "只有签约节点（SIGNED）填写投资方和是否世界500强"));
    }
    LocalDate date = date(project, node, reached, body.get("date"), errors);
    String investor = null;
    boolean fortune500 = false;
    if (node == Node.SIGNED) {
      investor = investor(body.get("investor"), errors);
      fortune500 = fortune500(body.get("fortune500"), errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new Report(node, date, investor, fortune500);
  }

  private static Node node(Project project, Object value, Map<String, String> errors) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.put("node", "请填写节点：" + Node.describe(REPORTABLE));
      return null;
    }
    var node = Node.byName(value).orElse(null);
    if (node == null) {
      errors.put("node", "未知节点“" + value + "”，可登记：" + Node.describe(REPORTABLE));
      return null;
    }
    var current = project.node();
    String problem = null;
    if (node == Node.RESERVE) {
      problem = "谋划（RESERVE）是项目的起点，只能在登记项目时选择";
    } else if (node == Node.READY) {
      problem = "具备开工条件（READY）由联审联批流程在全部审批事项办结时记录，不能手工登记";
    } else if (node.compareTo(current) <= 0) {
      problem = "项目已到达“" + current.displayName() + "”，节点只能向前，不能再登记“"
          + node.displayName() + "”";
    } else if (node == Node.STARTED && current != Node.READY) {
      problem = "项目尚未具备开工条件，不能登记开工";
    } else if (node == Node.COMPLETED && current != Node.STARTED) {
      problem = "项目尚未开工，不能登记竣工";
    } else if (node == Node.OPERATING && current != Node.COMPLETED) {
      problem = "项目尚未竣工，不能登记投产";
    }
    if (problem != null) {
      errors.put("node", problem);
      return null;
    }
    return node;
  }

  private static LocalDate date(Project project, Node node,
      List<ProjectNodeRepository.Reached> reached, Object value, Map<String, String> errors) {
    String label = node == null ? "日期" : node.displayName() + "日期";
    if (!(value instanceof String text) || text.isBlank()) {
      errors.put("date", "请填写" + label + "（YYYY-MM-DD）");
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.put("date", label + "格式应为 YYYY-MM-DD，收到“" + text + "”");
      return null;
    }
    if (date.isAfter(ChinaTime.today())) {
      errors.put("date", label + " " + date + " 晚于今天（北京时间 " + ChinaTime.today()
          + "），不能登记尚未发生的节点");
      return null;
    }
    var latest = reached.stream().max(Comparator.comparing(ProjectNodeRepository.Reached::reachedOn)
        .thenComparing(ProjectNodeRepository.Reached::node));
    if (node == Node.STARTED && project.completedOn() != null
        && date.isBefore(project.completedOn())) {
      errors.put("date", "开工日期不能早于具备开工条件之日（" + project.completedOn() + "）");
      return null;
    }
    if (latest.isPresent() && date.isBefore(latest.get().reachedOn())) {
      errors.put("date", label + "不能早于上一节点“" + latest.get().node().displayName() + "”的日期（"
          + latest.get().reachedOn() + "）");
      return null;
    }
    return date;
  }

  private static String investor(Object value, Map<String, String> errors) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.put("investor", "签约须填写投资方");
      return null;
    }
    if (!(value instanceof String s)) {
      errors.put("investor", "投资方应为文本");
      return null;
    }
    if (s.strip().length() > 200) {
      errors.put("investor", "投资方不能超过 200 个字符");
      return null;
    }
    return s.strip();
  }

  private static boolean fortune500(Object value, Map<String, String> errors) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    errors.put("fortune500", "fortune500（是否世界500强）应为 true 或 false");
    return false;
  }
}
