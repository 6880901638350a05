package cn.kaifeng.jointapproval.notify;

import java.time.Duration;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine the mail jobs: their handler, their retry timing, and the night purge of
 * old mail history that rides on Camunda's history cleanup job (same type, replacing Camunda's
 * handler with one that calls it first).
 */
@Component
public class MailOutboxPlugin extends AbstractProcessEnginePlugin {

  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final MailGateway gateway;
  private final NotifyProperties properties;

  public MailOutboxPlugin(MailOutbox outbox, MailTemplates templates, MailGateway gateway,
      NotifyProperties properties) {
    this.outbox = outbox;
    this.templates = templates;
    this.gateway = gateway;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var handlers = configuration.getCustomJobHandlers() == null
        ? new ArrayList<JobHandler>() : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new MailBatchJobHandler(outbox, templates, gateway, properties.batchTime(),
        properties.attempts()));
    handlers.add(new MailHistoryCleanupJobHandler(outbox,
        Duration.ofDays(properties.keepDays())));
    configuration.setCustomJobHandlers(handlers);
    configuration.setFailedJobCommandFactory(
        new MailRetryCommandFactory(properties.retryInterval()));
  }
}
