package cn.kaifeng.jointapproval.modelsafety;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a DMN resource whose expressions name a language other than FEEL, the default: JUEL
 * could reach Spring beans and a script language would run code. FEEL has no way out (the engine
 * builds it with Java calls switched off), so a table that names no language, as Modeler writes
 * it, passes. A deployer that runs before the engine's own rather than a DMN transform listener:
 * the engine wraps a listener's exception into "Unable to transform DMN resource", which hides
 * the reason from Camunda Modeler; a {@link ParseException} reaches it as a 400 with the element.
 */
final class DmnLanguageDeployer implements Deployer {

  private static final Logger log = LoggerFactory.getLogger(DmnLanguageDeployer.class);

  private static final Set<String> FEEL = Stream.of(
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15)
      .map(language -> language.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (Arrays.stream(DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)
          .anyMatch(resource.getName()::endsWith)) {
        check(resource);
      }
    }
  }

  private static void check(ResourceEntity resource) {
    DomElement root;
    try {
      root = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
          .getDocumentElement().getDomElement();
    } catch (ModelException e) {
      return; // not valid DMN: the engine's own deployer reports that
    }
    var problems = new ArrayList<DmnProblem>();
    walk(root, root.getAttribute("id"), problems);
    if (!problems.isEmpty()) {
      String message = "部署被拒绝，决策表只能使用 FEEL 表达式：" + problems.stream()
          .map(DmnProblem::getMessage).collect(Collectors.joining("；"));
      log.warn("Refused a DMN model {}: {}", resource.getName(), message);
      throw new ParseException(message, resource.getName(), List.copyOf(problems), List.of());
    }
  }

  private static void walk(DomElement element, String ownerId, List<DmnProblem> problems) {
    String id = element.getAttribute("id") != null ? element.getAttribute("id") : ownerId;
    String language = element.getAttribute("expressionLanguage");
    if (language != null && !FEEL.contains(language.trim().toLowerCase(Locale.ROOT))) {
      problems.add(new DmnProblem("元素 " + id + "：不允许使用表达式语言 \"" + language + "\"", id));
    }
    for (DomElement child : element.getChildElements()) {
      walk(child, id, problems);
    }
  }
}
