package cn.kaifeng.jointapproval.modelsafety;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Process designers deploy models from Camunda Modeler; this keeps what a model can do inside the
 * engine's job. Expressions see only the project's delegates, listeners and
 * {@link ModelExpressionBean} helpers; BPMN with scripts, foreign classes, other beans, engine
 * services or reflection is refused at deploy time; DMN must be FEEL; CMMN is off.
 */
@Component
public class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ModelSafetyPlugin.class);

  private final ApplicationContext context;

  public ModelSafetyPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var beans = ModelBeans.of(context);
    log.info("Beans that models may use in expressions: {}", beans.names());
    configuration.setBeans(beans.asMap());
    // Spring's ProcessEngineFactoryBean created the expression manager before any plugin ran,
    // from getBeans() while that was still null, i.e. with every bean of the context: replace it.
    configuration.setExpressionManager(new GuardedExpressionManager(context, beans.asMap()));

    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new ModelSafetyParseListener(
        new BpmnInspector(new ExpressionInspector(beans::isForbidden))));
    configuration.setCustomPreBPMNParseListeners(listeners);

    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new DmnLanguageDeployer());
    configuration.setCustomPreDeployers(deployers);

    // The project has no case models, and a deployed .cmmn would carry classes, scripts and
    // expressions past the BPMN check.
    configuration.setCmmnEnabled(false);
  }
}
