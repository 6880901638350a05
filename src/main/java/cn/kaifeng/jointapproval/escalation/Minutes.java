package cn.kaifeng.jointapproval.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/** The minutes form's list: one decision per matter on the agenda. */
record Minutes(String matterId, String title, String decision, String responsibleUnit,
    Integer deadlineDays) {

  /** Reads the {@code agenda} variable as the form submitted it (JSON) or a test passed it. */
  static List<Minutes> read(Object value) {
    List<Minutes> entries = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      for (var e : json.elements()) {
        entries.add(new Minutes(text(e, "matterId"), text(e, "title"), text(e, "decision"),
            text(e, "responsibleUnit"), number(e)));
      }
    } else if (value instanceof List<?> list) {
      for (var o : list) {
        var m = (Map<?, ?>) o;
        Object days = m.get("deadlineDays");
        entries.add(new Minutes((String) m.get("matterId"), (String) m.get("title"),
            (String) m.get("decision"), (String) m.get("responsibleUnit"),
            days instanceof Number n ? n.intValue() : null));
      }
    }
    return entries;
  }

  private static String text(SpinJsonNode node, String field) {
    return node.hasProp(field) && node.prop(field).isString() ? node.prop(field).stringValue()
        : null;
  }

  private static Integer number(SpinJsonNode node) {
    if (!node.hasProp("deadlineDays")) {
      return null;
    }
    var days = node.prop("deadlineDays");
    if (days.isNumber()) {
      return days.numberValue().intValue();
    }
    try {
      return days.isString() ? Integer.valueOf(days.stringValue().strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
