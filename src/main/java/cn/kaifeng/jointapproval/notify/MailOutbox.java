package cn.kaifeng.jointapproval.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The table {@code mail_outbox}: mails queued, sent, and purged once old. */
@Component
public class MailOutbox {

  /** A queued mail as the sender reads it. */
  record Mail(String id, String template, List<String> groups, List<String> users,
      Map<String, String> model) {}

  /**
   * A mail that went out: to whom (addresses; none when nobody had one, then without a
   * Message-ID), when, with which Message-ID.
   */
  record Sent(String id, String messageId, List<String> to, Instant at) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MODEL = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;
  private final TransactionTemplate ownTransaction;

  public MailOutbox(JdbcClient jdbc, NamedParameterJdbcTemplate batches,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void add(String id, String jobId, String template, String groups, String users,
      Map<String, String> model, String businessKey, Instant queuedAt) {
    jdbc.sql("""
        insert into mail_outbox (id, job_id, template, recipient_groups, recipient_users, model,
          business_key, queued_at)
        values (:id, :job, :template, :groups, :users, :model, :businessKey, :at)""")
        .param("id", id).param("job", jobId).param("template", template)
        .param("groups", groups).param("users", users).param("model", write(model))
        .param("businessKey", businessKey).param("at", Timestamp.from(queuedAt))
        .update();
  }

  /** The mails of a job not sent yet, in the order they were queued. */
  List<Mail> unsent(String jobId) {
    return jdbc.sql("""
        select id, template, recipient_groups, recipient_users, model from mail_outbox
        where job_id = :job and sent_at is null order by seq""")
        .param("job", jobId)
        .query((rs, n) -> new Mail(rs.getString("id"), rs.getString("template"),
            Recipients.split(rs.getString("recipient_groups")),
            Recipients.split(rs.getString("recipient_users")), read(rs.getString("model"))))
        .list();
  }

  /** Hands a job's unsent mails to another job, in the caller's transaction. */
  int moveUnsent(String fromJob, String toJob) {
    return jdbc.sql("update mail_outbox set job_id = :to where job_id = :from and sent_at is null")
        .param("to", toJob).param("from", fromJob).update();
  }

  /** In the caller's transaction (the job's): committed with the job's end; one batch. */
  void markSent(List<Sent> sent) {
    batches.batchUpdate("""
        update mail_outbox set sent_at = :at, message_id = :messageId, sent_to = :to
        where id = :id and sent_at is null""", sent.stream()
        .map(mail -> new MapSqlParameterSource().addValue("at", Timestamp.from(mail.at()))
            .addValue("messageId", mail.messageId()).addValue("to", String.join(",", mail.to()))
            .addValue("id", mail.id()))
        .toArray(SqlParameterSource[]::new));
  }

  /**
   * Committed at once, whatever happens to the caller's transaction: the job that sent these is
   * about to fail on a later mail and roll back, and its retry must not send them again.
   */
  void markSentNow(List<Sent> sent) {
    ownTransaction.executeWithoutResult(status -> markSent(sent));
  }

  /** Rows sent before {@code cutoff}; idempotent, so every node may run it. */
  int purgeSentBefore(Instant cutoff) {
    return jdbc.sql("delete from mail_outbox where sent_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff)).update();
  }

  /**
   * The engine's history of the mail jobs before {@code cutoff}: job log rows, their stack traces
   * and the incidents they ended. Camunda's removal-time cleanup keeps them forever, since these
   * jobs belong to no process instance; they are recognised by their key {@code mail-outbox}.
   */
  int purgeJobHistoryBefore(Instant cutoff) {
    var at = Timestamp.from(cutoff);
    String logs = """
        select %s from act_hi_job_log where process_def_key_ = :key and process_def_id_ is null
          and timestamp_ < :cutoff""";
    jdbc.sql("delete from act_ge_bytearray where id_ in (" + logs.formatted(
            "job_exception_stack_id_") + ")")
        .param("key", MailBatchJobHandler.TYPE).param("cutoff", at).update();
    jdbc.sql("delete from act_hi_incident where end_time_ is not null "
            + "and history_configuration_ in (" + logs.formatted("id_") + ")")
        .param("key", MailBatchJobHandler.TYPE).param("cutoff", at).update();
    return jdbc.sql("delete from act_hi_job_log where id_ in (" + logs.formatted("id_") + ")")
        .param("key", MailBatchJobHandler.TYPE).param("cutoff", at).update();
  }

  private static String write(Map<String, String> model) {
    try {
      return JSON.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Mail model cannot be written as JSON", e);
    }
  }

  private static Map<String, String> read(String model) {
    try {
      return JSON.readValue(model, MODEL);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Mail model is not JSON: " + model, e);
    }
  }
}
