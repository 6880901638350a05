package cn.kaifeng.jointapproval.designer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;

/**
 * Input cases aimed at one rule of a decision table, read from the table itself. The first case
 * takes, for every input the rule tests, a value its entry accepts (the literal, the bound of a
 * comparison or range on the accepting side) and, where the rule says "-", a value no rule names.
 * The cases after it change one "-" input at a time to every value the table's entries name, so
 * that a rule shadowed under FIRST by a "-" choice is still reached when it can be.
 */
final class RuleCases {

  private static final Pattern COMPARISON = Pattern.compile("^(<=|>=|<|>)\\s*(-?[\\d.]+)$");
  private static final Pattern RANGE =
      Pattern.compile("^([\\[\\](])\\s*(-?[\\d.]+)\\s*\\.\\.\\s*(-?[\\d.]+)\\s*([\\])\\[])$");
  private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
  private static final Pattern STRING = Pattern.compile("^\"(.*)\"$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_]\\w*$");

  private final DmnDecisionTableImpl table;
  /** Table column → variable name, for the inputs that are plain variables. */
  private final Map<Integer, String> names = new HashMap<>();
  private final Map<Integer, String> types = new HashMap<>();
  /** Every value the column's entries name, plus one none of them names. */
  private final Map<Integer, List<Object>> candidates = new HashMap<>();

  RuleCases(DmnDecisionTableImpl table) {
    this.table = table;
    for (int column = 0; column < table.getInputs().size(); column++) {
      var input = table.getInputs().get(column);
      String expression = input.getExpression().getExpression().strip();
      if (!IDENTIFIER.matcher(expression).matches()) {
        continue; // not a plain variable: no case can set it
      }
      String type = type(input);
      Set<Object> values = new LinkedHashSet<>();
      for (var rule : table.getRules()) {
        for (String test : split(entry(rule, column))) {
          named(test, type, values);
        }
      }
      values.add(unnamed(type));
      names.put(column, expression);
      types.put(column, type);
      candidates.put(column, List.copyOf(values));
    }
  }

  /** The cases for rule {@code index}, the most direct first. */
  List<Map<String, Object>> forRule(int index) {
    var rule = table.getRules().get(index);
    Map<String, Object> base = new HashMap<>();
    List<Integer> free = new ArrayList<>();
    names.forEach((column, name) -> {
      var tests = split(entry(rule, column));
      Object value = tests.isEmpty() ? null : accepted(tests.get(0), types.get(column));
      if (tests.isEmpty()) {
        free.add(column);
      }
      base.put(name, value != null ? value : unnamed(types.get(column)));
    });
    List<Map<String, Object>> cases = new ArrayList<>();
    cases.add(base);
    for (int column : free) {
      for (Object value : candidates.get(column)) {
        Map<String, Object> variant = new HashMap<>(base);
        variant.put(names.get(column), value);
        cases.add(variant);
      }
    }
    return cases;
  }

  private static String entry(
      org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl rule, int column) {
    String text = rule.getConditions().get(column).getExpression();
    return text == null ? "" : text.strip();
  }

  private static String type(DmnDecisionTableInputImpl input) {
    var definition = input.getExpression().getTypeDefinition();
    String name = definition == null ? null : definition.getTypeName();
    return name == null ? "string" : name.toLowerCase();
  }

  /** The unary tests of an entry: comma-separated at the top level. */
  private static List<String> split(String entry) {
    List<String> tests = new ArrayList<>();
    if (entry.isEmpty() || "-".equals(entry)) {
      return tests;
    }
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '[' || c == '(')) {
        depth++;
      } else if (!quoted && (c == ']' || c == ')') && depth > 0) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        tests.add(entry.substring(start, i).strip());
        start = i + 1;
      }
    }
    tests.add(entry.substring(start).strip());
    return tests;
  }

  /** A value the unary test accepts, or null when this reader does not know the test's form. */
  private static Object accepted(String test, String type) {
    Matcher m;
    if (test.startsWith("not(")) {
      return unnamed(type);
    } else if ((m = STRING.matcher(test)).matches()) {
      return m.group(1);
    } else if ("true".equals(test) || "false".equals(test)) {
      return Boolean.parseBoolean(test);
    } else if ((m = COMPARISON.matcher(test)).matches()) {
      var bound = new BigDecimal(m.group(2));
      return number(switch (m.group(1)) {
        case "<" -> bound.subtract(BigDecimal.ONE);
        case ">" -> bound.add(BigDecimal.ONE);
        default -> bound;
      }, type);
    } else if ((m = RANGE.matcher(test)).matches()) {
      var low = new BigDecimal(m.group(2));
      var high = new BigDecimal(m.group(3));
      return number("[".equals(m.group(1)) ? low : low.add(high).divide(BigDecimal.valueOf(2)), type);
    } else if (NUMBER.matcher(test).matches()) {
      return number(new BigDecimal(test), type);
    }
    return null;
  }

  /** The values a test names: its literal, or a bound and one step either side of it. */
  private static void named(String test, String type, Set<Object> into) {
    Matcher m;
    if ((m = COMPARISON.matcher(test)).matches()) {
      var bound = new BigDecimal(m.group(2));
      into.add(number(bound, type));
      into.add(number(bound.subtract(BigDecimal.ONE), type));
      into.add(number(bound.add(BigDecimal.ONE), type));
    } else if (!test.startsWith("not(")) {
      Object value = accepted(test, type);
      if (value != null) {
        into.add(value);
      }
    }
  }

  private static Object number(BigDecimal value, String type) {
    return switch (type) {
      case "integer" -> value.intValue();
      case "long" -> value.longValue();
      default -> value.doubleValue();
    };
  }

  /** A value no entry is likely to name, so that "-" and "not(…)" are taken as such. */
  private static Object unnamed(String type) {
    return switch (type) {
      case "boolean" -> false;
      case "integer", "long", "double" -> number(BigDecimal.valueOf(-987_654), type);
      default -> "__none__";
    };
  }
}
