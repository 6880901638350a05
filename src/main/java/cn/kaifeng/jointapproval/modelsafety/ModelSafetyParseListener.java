package cn.kaifeng.jointapproval.modelsafety;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses at deploy time a BPMN document that uses what {@link BpmnInspector} finds. It looks at
 * the root element rather than each process so that messages, signals and the collaboration,
 * which lie outside processes and may hold expressions, are checked too. A {@link
 * BpmnParseException} becomes a parse error: the deployment fails and REST answers 400.
 */
final class ModelSafetyParseListener extends AbstractBpmnParseListener {

  private static final Logger log = LoggerFactory.getLogger(ModelSafetyParseListener.class);

  private final BpmnInspector inspector;

  ModelSafetyParseListener(BpmnInspector inspector) {
    this.inspector = inspector;
  }

  @Override
  public void parseRootElement(Element rootElement,
      List<ProcessDefinitionEntity> processDefinitions) {
    var violations = inspector.inspect(rootElement);
    if (!violations.isEmpty()) {
      String message = "部署被拒绝，模型超出了流程设计人员的权限：" + violations.stream()
          .map(Violation::message).collect(Collectors.joining("；"));
      log.warn("Refused a BPMN model: {}", message);
      throw new BpmnParseException(message, violations.get(0).element());
    }
  }
}
