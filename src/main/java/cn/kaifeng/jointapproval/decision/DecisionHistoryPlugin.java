package cn.kaifeng.jointapproval.decision;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine the {@link RuleOutputsHistoryProducer} for its decision history. */
@Component
public class DecisionHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDmnHistoryEventProducer(new RuleOutputsHistoryProducer());
  }
}
