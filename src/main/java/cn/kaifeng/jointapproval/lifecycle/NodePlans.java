package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a project's node plan for a year ({@code PUT /api/projects/{code}/plan}): the planned dates
 * of nodes not yet reached, in node order and not before the last node reached, and the year's
 * planned investment. Every change is a new version with who, when and what changed, and a line in
 * the project's history; the same plan sent again changes nothing. A refusal changes nothing.
 */
@Service
public class NodePlans {

  static final String PLAN_SET = "PLAN_SET";
  static final String PLAN_CHANGED = "PLAN_CHANGED";
  private static final Set<String> FIELDS = Set.of("year", "investment", "nodes");

  private final ProjectRepository projects;
  private final PlanRepository plans;
  private final NodeFacts nodeFacts;
  private final ProjectLedger ledger;

  public NodePlans(ProjectRepository projects, PlanRepository plans, NodeFacts nodeFacts,
      ProjectLedger ledger) {
    this.projects = projects;
    this.plans = plans;
    this.nodeFacts = nodeFacts;
    this.ledger = ledger;
  }

  @Transactional
  public NodePlan set(String code, Map<String, Object> body, String userId,
      Collection<String> groups) {
    var project = projects.get(code);
    ProjectEditors.check(project, groups, "制定节点计划：");
    projects.lock(code); // versions are numbered one after another, also across nodes
    var reached = nodeFacts.of(code);
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
        .forEach(k -> errors.put(k, "未知字段"));
    Integer year = year(body.get("year"), errors);
    BigDecimal investment = Amounts.nonNegative(body.get("investment"), "investment",
        "年度计划投资（万元）", errors);
    Map<Node, LocalDate> nodes = nodes(body.get("nodes"), reached, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var previous = plans.latest(code, year);
    String changes = previous.map(p -> changes(p, investment, nodes))
        .orElseGet(() -> describe(investment, nodes));
    if (previous.isPresent() && changes.isEmpty()) {
      return previous.get(); // the same plan again: nothing to keep
    }
    int version = previous.map(p -> p.version() + 1).orElse(1);
    var at = ClockUtil.getCurrentTime().toInstant();
    plans.insert(code, year, version, investment, nodes, userId, at, changes);
    ledger.record(code, previous.isEmpty() ? PLAN_SET : PLAN_CHANGED, null, userId,
        year + " 年节点计划第 " + version + " 版：" + changes);
    return plans.latest(code, year).orElseThrow();
  }

  private static Integer year(Object raw, Map<String, String> errors) {
    if (raw == null) {
      errors.put("year", "必须填写计划年度");
      return null;
    }
    if (!(raw instanceof Integer year) || year < 2019 || year > 2100) {
      errors.put("year", "计划年度应为 2019 至 2100 之间的整数");
      return null;
    }
    if (year < ChinaTime.today().getYear()) {
      errors.put("year", "不能制定或修改往年的节点计划");
      return null;
    }
    return year;
  }

  private static Map<Node, LocalDate> nodes(Object raw, ReachedNodes reached,
      Map<String, String> errors) {
    Map<Node, LocalDate> nodes = new EnumMap<>(Node.class);
    if (raw == null) {
      return nodes;
    }
    if (!(raw instanceof Map<?, ?> map)) {
      errors.put("nodes", "节点计划应为对象，如 {\"STARTED\": \"2026-12-01\"}");
      return nodes;
    }
    for (var entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      String field = "nodes." + name;
      var node = Node.byName(name);
      if (node.isEmpty()) {
        errors.put(field, "未知节点：应为 " + String.join("、",
            java.util.Arrays.stream(Node.values()).map(Node::name).toList()));
        continue;
      }
      if (reached.reached(node.get())) {
        errors.put(field, node.get().displayName() + "节点已到达，不再计划");
        continue;
      }
      if (!(entry.getValue() instanceof String text)) {
        errors.put(field, "必须填写计划日期（YYYY-MM-DD）");
        continue;
      }
      try {
        nodes.put(node.get(), LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        errors.put(field, "日期格式应为 YYYY-MM-DD");
      }
    }
    // In node order: no planned date before an earlier node's plan or the last node reached.
    LocalDate floor = reached.lastDate();
    Node floorNode = null;
    for (var entry : nodes.entrySet()) {
      if (floor != null && entry.getValue().isBefore(floor)) {
        errors.put("nodes." + entry.getKey().name(), entry.getKey().displayName() + "的计划日期 "
            + entry.getValue() + " 早于" + (floorNode == null ? "已到达节点的日期 "
            : floorNode.displayName() + "的计划日期 ") + floor + "：节点须按顺序推进");
      }
      if (floor == null || !entry.getValue().isBefore(floor)) {
        floor = entry.getValue();
        floorNode = entry.getKey();
      }
    }
    return nodes;
  }

  private static String describe(BigDecimal investment, Map<Node, LocalDate> nodes) {
    List<String> parts = new ArrayList<>();
    parts.add("年度计划投资 " + investment.stripTrailingZeros().toPlainString() + " 万元");
    nodes.forEach((node, on) -> parts.add(node.displayName() + " " + on));
    return String.join("；", parts);
  }

  /** What changed against the previous version, empty when nothing did. */
  private static String changes(NodePlan previous, BigDecimal investment,
      Map<Node, LocalDate> nodes) {
    List<String> parts = new ArrayList<>();
    if (previous.plannedInvestment().compareTo(investment) != 0) {
      parts.add("年度计划投资 " + previous.plannedInvestment().stripTrailingZeros().toPlainString()
          + " → " + investment.stripTrailingZeros().toPlainString() + " 万元");
    }
    for (Node node : Node.values()) {
      LocalDate before = previous.nodes().get(node);
      LocalDate after = nodes.get(node);
      if (before == null && after != null) {
        parts.add(node.displayName() + " 新增 " + after);
      } else if (before != null && after == null) {
        parts.add(node.displayName() + " 取消（原 " + before + "）");
      } else if (before != null && !before.equals(after)) {
        parts.add(node.displayName() + " " + before + " → " + after);
      }
    }
    return String.join("；", parts);
  }
}
