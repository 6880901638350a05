package cn.kaifeng.jointapproval.database;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory}, so that finding it is a property read. Camunda
 * parses a retry cycle ({@code R5/PT30S}) and every timer duration with a new
 * {@code DatatypeFactory.newInstance()}, once per job it creates; without the property each call
 * scans the class path for a service file (ServiceLoader), which a profile of the benchmark showed
 * as a visible share of the job executor's CPU. An operator's own {@code -D} setting wins.
 */
@Component
public class XmlDatatypeFactoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
          DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }
}
