package cn.kaifeng.jointapproval.support;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mails queued in {@code mail_outbox} (sent or not), as tests count and read them. */
public final class QueuedMails {

  private QueuedMails() {
  }

  /** Mails about the project (its code as business key) made from {@code template}. */
  public static long count(DataSource database, String projectCode, String template) {
    return JdbcClient.create(database).sql("""
            select count(*) from mail_outbox where business_key = :code and template = :template""")
        .param("code", projectCode).param("template", template).query(Long.class).single();
  }

  /** A mail's model (the JSON text of {@link #models}) as its values. */
  public static java.util.Map<String, String> values(String model) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(model,
          new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The models (JSON text) of the mails made from {@code template}. */
  public static java.util.List<String> models(DataSource database, String template) {
    return JdbcClient.create(database).sql("""
            select model from mail_outbox where template = :template order by seq""")
        .param("template", template).query(String.class).list();
  }
}
