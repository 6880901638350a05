package cn.kaifeng.jointapproval.modelsafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Walks a whole BPMN document (processes, collaboration, messages, signals, extension elements)
 * and lists what a designer's model may not use: scripts, classes outside the project and, in any
 * attribute or text, expressions that {@link ExpressionInspector} refuses. Attributes are matched
 * by local name, so the legacy {@code activiti:} namespace, which the engine still reads, is
 * covered as well.
 */
final class BpmnInspector {

  /** Attributes that make a script: script format, condition language, external script file. */
  private static final Set<String> SCRIPT_ATTRIBUTES = Set.of("scriptFormat", "language",
      "resource");

  private static final String SCRIPT =
      "不允许使用脚本（脚本任务、camunda:script、带 language 的条件或表达式、外部脚本文件）";

  private final ExpressionInspector expressions;

  BpmnInspector(ExpressionInspector expressions) {
    this.expressions = expressions;
  }

  /** Each problem once per element, in document order. */
  List<Violation> inspect(Element root) {
    var violations = new ArrayList<Violation>();
    walk(root, root, violations);
    return violations.stream().distinct().toList();
  }

  private void walk(Element element, Element owner, List<Violation> violations) {
    String tag = element.getTagName();
    Element named = hasOwnId(element) ? element : owner;
    if (tag.equals("scriptTask") || tag.equals("script")) {
      violations.add(new Violation(named, SCRIPT));
    }
    for (String key : element.attributes()) {
      String name = key.substring(key.lastIndexOf(':') + 1);
      String value = element.attribute(key);
      if (SCRIPT_ATTRIBUTES.contains(name)) {
        violations.add(new Violation(named, SCRIPT));
      } else if (isClassAttribute(name) && !ModelBeans.isProjectClass(value)) {
        violations.add(new Violation(named, foreignClass(name, value)));
      }
      expressions.problems(value).forEach(p -> violations.add(new Violation(named, p)));
    }
    // A form field's custom validator names a class in its config.
    if (tag.equals("constraint") && "validator".equals(element.attribute("name"))) {
      String config = element.attribute("config");
      if (config != null && ExpressionInspector.expressions(config).isEmpty()
          && !ModelBeans.isProjectClass(config)) {
        violations.add(new Violation(named, foreignClass("config", config)));
      }
    }
    expressions.problems(element.getText()).forEach(p -> violations.add(new Violation(named, p)));
    for (Element child : element.elements()) {
      walk(child, named, violations);
    }
  }

  /**
   * A BPMN element id the designer sees in Modeler. Not a form field's id (a variable name) nor an
   * event definition's (generated, not shown in Modeler's panel): those report their element.
   */
  private static boolean hasOwnId(Element element) {
    return element.attribute("id") != null && BpmnParser.BPMN20_NS.equals(element.getUri())
        && !element.getTagName().endsWith("EventDefinition");
  }

  /** camunda:class and the class-naming attributes formHandlerClass, variableMappingClass. */
  private static boolean isClassAttribute(String name) {
    return name.equals("class") || name.endsWith("Class");
  }

  private static String foreignClass(String attribute, String value) {
    return "不允许使用本项目包 " + ModelBeans.PROJECT_PACKAGE + " 以外的 Java 类（" + attribute + "=\""
        + value + "\"）";
  }
}
