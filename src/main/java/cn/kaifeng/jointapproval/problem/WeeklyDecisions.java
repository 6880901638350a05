package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.trust.FieldError;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The office's decisions on a week's list, read against the sheet in the ledger. The form repeats
 * the list with read-only problem ids, but a client can change those: only problems to decide on
 * this sheet count, each once, and every one needs a decision: 交办 with a responsible unit and
 * 1–{@code max-deadline-days} working days; 合并 into another open problem that this same list
 * neither merges nor closes as 不属问题 (no cycle, nothing left open); 不属问题 with a reason;
 * 报省协调机制 only for a PROVINCE problem. Anything else refuses the whole list (400, field
 * {@code problems}), naming every entry.
 */
@Component
public class WeeklyDecisions {

  /** One decision. */
  public record Decision(Problem problem, ProblemDecision decision, String unit,
      Integer deadlineDays, String mergeInto, String reason) {}

  private final WeeklySheetRepository sheets;
  private final ProblemRepository problems;
  private final ProblemUnits units;
  private final ProblemProperties properties;

  public WeeklyDecisions(WeeklySheetRepository sheets, ProblemRepository problems,
      ProblemUnits units, ProblemProperties properties) {
    this.sheets = sheets;
    this.problems = problems;
    this.units = units;
    this.properties = properties;
  }

  public List<Decision> read(String sheetId, Object submitted) {
    var onSheet = new LinkedHashMap<String, Problem>();
    sheets.lines(sheetId).stream().filter(l -> "PROBLEM".equals(l.kind()))
        .forEach(l -> onSheet.put(l.problemId(), problems.find(l.problemId()).orElseThrow()));
    Set<String> seen = new HashSet<>();
    Map<String, ProblemDecision> decided = new LinkedHashMap<>();
    List<Decision> decisions = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int position = 0;
    for (var entry : entries(submitted)) {
      position++;
      String id = entry.get("problemId");
      var problem = id == null ? null : onSheet.get(id);
      if (problem == null) {
        errors.add("第 " + position + " 项（" + id + "）：不是本周清单上待交办的问题");
        continue;
      }
      if (!seen.add(id)) {
        errors.add(id + "：重复处理");
        continue;
      }
      int before = errors.size();
      ProblemDecision decision = null;
      try {
        decision = ProblemDecision.valueOf(String.valueOf(entry.get("decision")));
      } catch (IllegalArgumentException e) {
        errors.add(id + "：请选择处理方式");
      }
      if (decision != null) {
        decided.put(id, decision);
      }
      Integer days = null;
      String unit = blankToNull(entry.get("responsibleUnit"));
      String into = blankToNull(entry.get("mergeInto"));
      String reason = blankToNull(entry.get("reason"));
      if (decision == ProblemDecision.ASSIGN) {
        if (!units.isUnit(unit)) {
          errors.add(id + "：交办须指定责任单位（审批科室、市直部门或县区）");
        }
        try {
          days = Integer.valueOf(String.valueOf(entry.get("deadlineDays")).replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
          days = null;
        }
        if (days == null || days < 1 || days > properties.maxDeadlineDays()) {
          errors.add(id + "：办理期限须为 1–" + properties.maxDeadlineDays() + " 个工作日");
        }
      } else if (decision == ProblemDecision.MERGE) {
        var target = into == null ? null : problems.find(into).orElse(null);
        if (target == null || into.equals(id) || !target.status().open()
            || !target.projectCode().equals(problem.projectCode())) {
          errors.add(id + "：合并须指定同一项目另一个未办结的问题（收到 " + into + "）");
        }
      } else if (decision == ProblemDecision.NOT_A_PROBLEM) {
        if (reason == null) {
          errors.add(id + "：不属问题须说明理由");
        }
      } else if (decision == ProblemDecision.REFER_PROVINCE
          && problem.level() != ProblemLevel.PROVINCE) {
        errors.add(id + "：只有省级问题报省协调机制");
      }
      if (errors.size() == before) {
        decisions.add(new Decision(problem, decision, unit, days, into, reason));
      }
    }
    // A merge target is checked against the ledger above, before this list is applied; it must
    // also stay open after it: not merged itself, not closed as 不属问题 by the same list.
    for (var d : decisions) {
      if (d.decision() == ProblemDecision.MERGE) {
        var targetDecision = decided.get(d.mergeInto());
        if (targetDecision == ProblemDecision.MERGE
            || targetDecision == ProblemDecision.NOT_A_PROBLEM) {
          errors.add(d.problem().id() + "：合并目标 " + d.mergeInto() + " 在本清单中"
              + (targetDecision == ProblemDecision.MERGE ? "也被合并" : "被认定不属问题")
              + "，合并后将无问题保持办理");
        }
      }
    }
    for (var id : onSheet.keySet()) {
      if (!seen.contains(id)) {
        errors.add(id + "：清单上的问题缺少处理");
      }
    }
    if (!errors.isEmpty()) {
      throw new SubmissionRejectedException("周交办清单有误，未作任何更改",
          List.of(new FieldError("problems", String.join("；", errors))));
    }
    return decisions;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<Map<String, String>> entries(Object value) {
    var entries = new ArrayList<Map<String, String>>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      for (var e : json.elements()) {
        var map = new LinkedHashMap<String, String>();
        for (String field : e.fieldNames()) {
          var prop = e.prop(field);
          map.put(field, prop.isNull() ? null : prop.isString() ? prop.stringValue()
              : prop.isNumber() ? prop.numberValue().toString() : prop.toString());
        }
        entries.add(map);
      }
    } else if (value instanceof List<?> list) {
      for (var o : list) {
        var map = new LinkedHashMap<String, String>();
        ((Map<?, ?>) o).forEach((k, v) -> map.put(String.valueOf(k),
            v == null ? null : String.valueOf(v)));
        entries.add(map);
      }
    }
    return entries;
  }
}
