package cn.kaifeng.jointapproval.notify;

import cn.kaifeng.jointapproval.database.TransactionMemory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The mail job of the current transaction: made with the transaction's first mail, then the same
 * for every further mail of it, so twelve mails of one step cost one job. The job is written in
 * the transaction, so it commits or rolls back with the mails, and Camunda hints the job executor
 * after the commit, as for any message job.
 */
@Component
class MailJobs {

  private static final TransactionMemory<String, String> CURRENT = new TransactionMemory<>();
  private static final String KEY = "mail-job";

  /** Lazily: the engine's plugins use beans that use this one. */
  private final ObjectProvider<ProcessEngine> engine;
  private final NotifyProperties properties;

  MailJobs(ObjectProvider<ProcessEngine> engine, NotifyProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  /** The id of the transaction's mail job; call it inside a transaction. */
  String current() {
    return CURRENT.get(KEY, key -> create());
  }

  /** A new mail job in the running command (the rest of a batch that ran out of time). */
  static String createIn(CommandContext context, int attempts) {
    return job(attempts).execute(context);
  }

  private String create() {
    Command<String> send = job(properties.attempts());
    var context = Context.getCommandContext();
    if (context != null) {
      return send.execute(context);
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.getObject()
        .getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(send);
  }

  private static Command<String> job(int attempts) {
    return context -> {
      var job = new MessageEntity();
      // The job's own id is its configuration: the outbox rows name it before it runs.
      String id = context.getProcessEngineConfiguration().getIdGenerator().getNextId();
      job.setId(id);
      job.setJobHandlerType(MailBatchJobHandler.TYPE);
      job.setJobHandlerConfigurationRaw(id);
      // No process: the key is what job queries (the resend call) find mail jobs by.
      job.setProcessDefinitionKey(MailBatchJobHandler.TYPE);
      job.setRetries(attempts);
      // No process state to protect: mail jobs of different steps may run side by side.
      job.setExclusive(false);
      context.getJobManager().send(job);
      return id;
    };
  }
}
