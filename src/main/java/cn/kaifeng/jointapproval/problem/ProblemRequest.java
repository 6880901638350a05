package cn.kaifeng.jointapproval.problem;

import java.util.Map;

/** A problem as raised, checked. */
public record ProblemRequest(String projectCode, ProblemCategory category, String description,
    ProblemLevel level, String proposedUnit) {

  /** Exactly the start form's fields, as the process starts with them. */
  Map<String, Object> formVariables() {
    return Map.of("projectCode", projectCode, "category", category.name(),
        "description", description, "level", level.name(), "proposedUnit", proposedUnit);
  }
}
