package cn.kaifeng.jointapproval.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link UserCommandGuard} into both of the engine's command chains. */
@Component
public class TrustBoundaryPlugin extends AbstractProcessEnginePlugin {

  private final ObjectMapper mapper;
  private final List<StartSubmissionRule> startRules;

  public TrustBoundaryPlugin(ObjectMapper mapper, List<StartSubmissionRule> startRules) {
    this.mapper = mapper;
    this.startRules = startRules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // An interceptor knows its successor, so each chain gets its own guard.
    Map<String, FormSchema> schemas = new ConcurrentHashMap<>();
    configuration.setCustomPostCommandInterceptorsTxRequired(
        append(configuration.getCustomPostCommandInterceptorsTxRequired(),
            new UserCommandGuard(mapper, startRules, schemas)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
            new UserCommandGuard(mapper, startRules, schemas)));
  }

  private static List<CommandInterceptor> append(List<CommandInterceptor> existing,
      CommandInterceptor guard) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(guard);
    return list;
  }
}
