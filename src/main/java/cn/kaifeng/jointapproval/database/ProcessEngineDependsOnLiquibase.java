package cn.kaifeng.jointapproval.database;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Liquibase. With {@code schema-update: false} the engine only
 * checks the schema when it is built; out of the box it is built before Liquibase has run and fails
 * with ENGINE-03057. Spring Boot orders every bean this detector names after all database
 * initializers (Liquibase among them). Registered in META-INF/spring.factories.
 */
public class ProcessEngineDependsOnLiquibase
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
  }
}
