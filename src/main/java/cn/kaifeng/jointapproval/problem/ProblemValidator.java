package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Checks a raised problem, from the API or the start form; names every bad field. */
@Component
public class ProblemValidator {

  static final Set<String> FIELDS = Set.of("projectCode", "category", "description", "level",
      "proposedUnit");
  static final int DESCRIPTION_MAX = 2000;

  private final ProjectRepository projects;
  private final ProblemUnits units;

  public ProblemValidator(ProjectRepository projects, ProblemUnits units) {
    this.projects = projects;
    this.units = units;
  }

  public ProblemRequest validate(Map<String, ?> body) {
    var errors = new LinkedHashMap<String, String>();
    if (body == null) {
      throw InvalidRequestException.of("body", "请求内容须为 JSON 对象");
    }
    body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
        .forEach(k -> errors.put(k, "未知字段"));
    String code = text(body.get("projectCode"));
    if (code == null) {
      errors.put("projectCode", "请填写项目代码");
    } else if (!projects.exists(code)) {
      errors.put("projectCode", "项目 " + code + " 不存在");
    }
    var category = choice(ProblemCategory.class, body.get("category"), "category", "问题类别",
        errors);
    String description = text(body.get("description"));
    if (description == null) {
      errors.put("description", "请填写问题描述");
    } else if (description.length() > DESCRIPTION_MAX) {
      errors.put("description", "问题描述不能超过 " + DESCRIPTION_MAX + " 个字");
    }
    var level = choice(ProblemLevel.class, body.get("level"), "level", "解决层级", errors);
    String unit = text(body.get("proposedUnit"));
    if (unit == null) {
      errors.put("proposedUnit", "请填写建议责任单位");
    } else if (!units.isUnit(unit)) {
      errors.put("proposedUnit", "建议责任单位须为审批科室、县区或市直部门（收到 " + unit + "）");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new ProblemRequest(code, category, description, level, unit);
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, Object value, String field,
      String label, Map<String, String> errors) {
    String text = text(value);
    try {
      if (text != null) {
        return Enum.valueOf(type, text);
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    errors.put(field, label + "须为 " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining("、")) + " 之一");
    return null;
  }
}
