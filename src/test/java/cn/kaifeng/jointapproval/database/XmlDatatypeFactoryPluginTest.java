package cn.kaifeng.jointapproval.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine finds the JDK's XML datatype factory by its name, not by a class-path scan. */
@SpringBootTest
@ActiveProfiles("test")
class XmlDatatypeFactoryPluginTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void theEngineRunsWithTheJdkFactoryNamed() throws Exception {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // The Spring Boot starter hands the plugin beans to the engine in one composite plugin.
    assertThat(configuration.getProcessEnginePlugins().stream()
        .flatMap(plugin -> plugin instanceof CompositeProcessEnginePlugin composite
            ? composite.getPlugins().stream() : java.util.stream.Stream.of(plugin)))
        .anyMatch(XmlDatatypeFactoryPlugin.class::isInstance);
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(DatatypeFactory.newInstance().getClass().getName())
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    // What Camunda does with it on every job it creates: a retry cycle still parses.
    assertThat(new DurationHelper("R5/PT30S").getTimes()).isEqualTo(5);
  }

  @Test
  void anOperatorsOwnFactoryIsKept() {
    String before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OwnFactory");
    try {
      new XmlDatatypeFactoryPlugin().preInit(null);
      assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
          .isEqualTo("org.example.OwnFactory");
    } finally {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
    }
  }
}
