package cn.kaifeng.jointapproval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.notify.MailBatchJobHandler;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.projectview.ProjectViews;
import cn.kaifeng.jointapproval.support.Drills;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import cn.kaifeng.jointapproval.support.TestSmtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMTP is down for an hour of engine time while officers work: the work never waits, each mail
 * is tried as configured ({@code jointapproval.mail.attempts}, 3 tries 5 minutes apart), a mail
 * whose tries are spent is an incident, and once SMTP is back the mails still in their tries go
 * out by themselves and one action ({@code POST /engine-rest/job/retries} for the failed mail
 * jobs) sends the rest: each mail once, none lost. Then half a year passes and the night history
 * cleanup purges the sent mails and their jobs' history while the project ledger keeps every
 * fact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPostgres.class)
class MailOutageAndCleanupIT {

  private static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT).withPerMethodLifecycle(false);

  private static DataSource database;
  private static ConfigurableApplicationContext app;
  private static long offset;
  private static final List<String> codes = new ArrayList<>();

  @BeforeAll
  static void start(SharedPostgres.Database empty) {
    database = empty.dataSource();
    app = Drills.startNode(empty.springArgs(), "--spring.mail.host=localhost",
        "--spring.mail.port=" + SMTP_PORT);
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    if (app != null) {
      app.close();
    }
  }

  private static int count(String sql) {
    return JdbcClient.create(database).sql(sql).query(Integer.class).single();
  }

  private static void advance(Duration by) {
    offset += by.toMillis();
    ClockUtil.offset(offset);
  }

  /** Mail jobs still in their tries: not failed for good. */
  private static int mailsInTries() {
    return count("select count(*) from act_ru_job where process_def_key_ = 'mail-outbox' "
        + "and retries_ > 0");
  }

  private static String register() {
    String code = ProjectFixtures.newCode("SMTP");
    codes.add(code);
    return app.getBean(ProjectRegistrationService.class).register(
        ProjectFixtures.body(code, ChinaTime.today().minusDays(3).toString()), "keyoffice",
        List.of("key-projects-office"));
  }

  @Test
  @Order(1)
  void anHourWithoutSmtpLosesNoMailAndSendsNoneTwice() throws MessagingException {
    smtp.stop();
    var tasks = app.getBean(TaskService.class);
    var management = app.getBean(ManagementService.class);

    // Officers work as usual: registrations and approvals answer at once.
    long slowest = 0;
    for (int i = 0; i < 2; i++) {
      long began = System.nanoTime();
      register();
      slowest = Math.max(slowest, System.nanoTime() - began);
    }
    // Registration opens the first stage in a job right after its commit.
    Drills.awaitQuiet(database, Duration.ofSeconds(60));
    var open = tasks.createTaskQuery().taskDefinitionKey("reviewItem").list();
    for (var task : open.subList(0, open.size() / 2)) {
      long began = System.nanoTime();
      tasks.complete(task.getId(), new HashMap<>(Map.of("outcome", "APPROVED", "opinion", "同意")));
      slowest = Math.max(slowest, System.nanoTime() - began);
    }
    int approved = open.size() / 2;
    Drills.await("approvals recorded while SMTP is down", Duration.ofSeconds(60),
        () -> count("select count(*) from project_event where event = 'ITEM_APPROVED'")
            == approved);

    // Three tries five minutes apart, then an incident; the hour goes on, a last project comes in.
    Drills.await("first tries failed", Duration.ofSeconds(60),
        () -> count("select count(*) from act_ru_job where process_def_key_ = 'mail-outbox' "
            + "and exception_msg_ is null") == 0);
    for (int minute = 5; minute <= 55; minute += 5) {
      advance(Duration.ofMinutes(5));
      if (minute == 55) {
        register();
      }
      Drills.awaitQuiet(database, Duration.ofSeconds(60));
    }
    int incidents = count("select count(*) from act_ru_incident");
    int waiting = mailsInTries();
    assertThat(incidents).as("mails whose tries were spent").isPositive();
    assertThat(waiting).as("mails of the last project, still in their tries").isPositive();
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // SMTP is back after the hour: the mails in their tries go out at their next try...
    smtp.start();
    advance(Duration.ofMinutes(5));
    Drills.awaitQuiet(database, Duration.ofSeconds(60));
    assertThat(mailsInTries()).isZero();
    int sentByThemselves = smtp.getReceivedMessages().length == 0 ? 0 : distinctMails();
    // ...and one action resends every mail that became an incident: the README's call.
    String retryBatch = resendFailedMails();
    Drills.awaitQuiet(database, Duration.ofSeconds(60));
    Drills.await("the retry batch finished", Duration.ofSeconds(60),
        () -> management.createBatchQuery().batchId(retryBatch).count() == 0);
    Drills.awaitQuiet(database, Duration.ofSeconds(60));

    assertThat(count("select count(*) from act_ru_incident")).as("incidents left").isZero();
    assertThat(count("select count(*) from mail_outbox where sent_at is null"))
        .as("mails waiting").isZero();
    assertThat(count("select count(*) from act_ru_job where process_def_key_ = 'mail-outbox'"))
        .as("mail jobs left").isZero();
    var ended = JdbcClient.create(database).sql(
            "select message_id from mail_outbox where message_id is not null")
        .query(String.class).list();
    Map<String, Integer> copies = new HashMap<>();
    for (var message : smtp.getReceivedMessages()) {
      copies.merge(message.getMessageID(), 1, Integer::sum);
    }
    for (var message : smtp.getReceivedMessages()) {
      assertThat(copies.get(message.getMessageID())).as("copies of " + message.getMessageID())
          .isEqualTo(TestSmtp.recipients(message).size());
    }
    assertThat(copies.keySet()).as("every mail, once").containsExactlyInAnyOrderElementsOf(ended);
    System.out.printf("[reliability] SMTP down for 60 min (engine clock): %d approvals and 3 "
            + "registrations, slowest %d ms; %d mails: %d incidents, %d sent by their own next try, "
            + "%d by one retry of the incidents; each sent once%n",
        approved, slowest / 1_000_000, ended.size(), incidents, sentByThemselves,
        ended.size() - sentByThemselves);
  }

  /** {@code POST /engine-rest/job/retries} as the README gives it, as the administrator. */
  private static String resendFailedMails() {
    try {
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      var request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/job/retries"))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"retries":1,"jobQuery":{"processDefinitionKey":"mail-outbox","noRetriesLeft":true}}"""))
          .build();
      var reply = HttpClient.newHttpClient().send(request,
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
      return new ObjectMapper().readTree(reply.body()).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int distinctMails() throws MessagingException {
    var ids = new java.util.HashSet<String>();
    for (var message : smtp.getReceivedMessages()) {
      ids.add(message.getMessageID());
    }
    return ids.size();
  }

  @Test
  @Order(2)
  void historyCleanupRemovesOldHistoryAtNightAndTheLedgerKeepsEverything() {
    var configuration = app.getBean(ProcessEngineConfigurationImpl.class);
    var history = app.getBean(HistoryService.class);
    var management = app.getBean(ManagementService.class);

    // The night window, Beijing time, whatever the server's zone; the job waits for it.
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
    var scheduled = history.findHistoryCleanupJobs();
    assertThat(scheduled).isNotEmpty();
    var beijing = ZoneId.of("Asia/Shanghai");
    for (var job : scheduled) {
      var at = job.getDuedate().toInstant().atZone(beijing).toLocalTime();
      assertThat(at).as("cleanup due (Beijing)").isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }

    String[] ledger = {"project", "project_item", "project_event", "project_node", "deadline"};
    Map<String, Integer> before = new HashMap<>();
    for (String table : ledger) {
      before.put(table, count("select count(*) from " + table));
    }
    int mailsBefore = count("select count(*) from mail_outbox where sent_at is not null");
    int jobLogBefore = count("select count(*) from act_hi_job_log where process_def_key_ = "
        + "'mail-outbox'");
    int historyRowsBefore = count("select count(*) from act_hi_actinst");
    var projectView = app.getBean(ProjectViews.class).of(codes.get(0));

    // Half a year later (sent mails are kept 180 days, jointapproval.mail.keep-days); the job
    // executor rests so that only the cleanup runs, as at night.
    configuration.getJobExecutor().shutdown();
    advance(Duration.ofDays(181));
    var cleanup = history.cleanUpHistoryAsync(true);
    for (int run = 0; run < 20 && count("select count(*) from mail_outbox") > 0; run++) {
      management.executeJob(cleanup.getId());
    }

    assertThat(mailsBefore).isPositive();
    assertThat(count("select count(*) from mail_outbox")).as("sent mails").isZero();
    assertThat(count("select count(*) from act_hi_job_log where process_def_key_ = "
        + "'mail-outbox'")).as("mail jobs' history").isZero();
    assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = "
        + "'joint-approval'")).as("running projects' history").isEqualTo(codes.size());
    for (String table : ledger) {
      assertThat(count("select count(*) from " + table)).as(table).isEqualTo(before.get(table));
    }
    var after = app.getBean(ProjectViews.class).of(codes.get(0));
    // The project as the API answers it: its history is the ledger's, not the engine's.
    assertThat(after.history()).isEqualTo(projectView.history());
    assertThat(after.items()).hasSameSizeAs(projectView.items());
    System.out.printf("[reliability] history cleanup (window 01:00-05:00 Beijing) after 181 days: "
            + "sent mails %d -> 0, their job log %d -> 0, activity history %d -> %d rows; "
            + "ledger unchanged %s%n", mailsBefore, jobLogBefore, historyRowsBefore,
        count("select count(*) from act_hi_actinst"), before);
  }
}
