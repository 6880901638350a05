package cn.kaifeng.jointapproval.database;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Has the engine open an {@link IdCheckingEntityManager} wherever it opened its own: a custom
 * session factory for the same session type replaces Camunda's.
 */
@Component
public class IdCheckingEntityManagerPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var factories = new ArrayList<SessionFactory>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    // The id generator is set up after the plugins' preInit: read it when a session opens.
    factories.add(new DbEntityManagerFactory(null) {
      @Override
      public DbEntityManager openSession() {
        return new IdCheckingEntityManager(
            Context.getProcessEngineConfiguration().getIdGenerator(),
            Context.getCommandContext().getSession(PersistenceSession.class));
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
