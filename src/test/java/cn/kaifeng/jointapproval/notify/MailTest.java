package cn.kaifeng.jointapproval.notify;

import cn.kaifeng.jointapproval.support.TestSmtp;
import static cn.kaifeng.jointapproval.support.TestSmtp.body;
import static cn.kaifeng.jointapproval.support.TestSmtp.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Every mail of issue 7 against a real SMTP server (GreenMail) in the test JVM. */
@SpringBootTest(properties = "spring.mail.host=localhost")
@ActiveProfiles("test")
class MailTest extends ApprovalTestSupport {

  static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);


  @org.springframework.test.context.DynamicPropertySource
  static void smtpPort(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired Notifier notifier;
  @Autowired TransactionTemplate transaction;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  @BeforeEach
  void setUp() throws Exception {
    today(MONDAY);
    runContinuations(); // mails other tests left queued go out before this test's server starts
    smtp.purgeEmailFromAllMailboxes();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("vice-mayor-meeting").list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test isolation"));
    jdbc.update("update matter set stage = 'CLOSED' where stage = 'ON_AGENDA'");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  private String registered() {
    var code = register(ProjectFixtures.body(ProjectFixtures.newCode("M"), MONDAY.toString()))
        .code();
    runContinuations();
    return code;
  }







  @Test
  void aNewItemIsMailedToItsSectionWithALinkToTheTask() throws Exception {
    var code = registered();
    var mail = mails("officer-fgw@example.org", "新的审批事项");
    assertThat(mail).hasSize(1);
    assertThat(subject(mail.get(0)))
        .isEqualTo("【联审联批】新的审批事项：企业投资项目核准（备案）（兰考县智能家居产业园项目）");
    String body = body(mail.get(0));
    assertThat(body).contains("#/?task=" + review(code, "fgw-filing").getId());
    assertThat(body).contains("[text/plain]").contains("[text/html]")
        .contains("请于 " + calendar.calendar().add(MONDAY, 3) + " 前办结");
    assertThat(mails("officer-zrzy@example.org", "新的审批事项")).hasSize(3);
    assertThat(mails("officer-wlj@example.org", "新的审批事项")).isEmpty();
    // The template is the task's extension property: no variable is written for it.
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("mail")
        .processInstanceIdIn(review(code, "fgw-filing").getProcessInstanceId()).count()).isZero();
  }

  /**
   * A process version deployed before the template became a property still mails, read from its
   * input parameter in the model; a variable named {@code mail}, which anybody who may update a
   * process instance can write, chooses no mail.
   */
  @Test
  void theTemplateIsReadFromTheModelAndNeverFromAVariable() throws Exception {
    var deployment = repositoryService.createDeployment().name("mail-template-sketch")
        .addString("mail-template-sketch.bpmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                id="mailTemplateSketch" targetNamespace="http://kaifeng.cn/test">
              <bpmn:process id="mail-template-sketch" isExecutable="true"
                  camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="toOld" sourceRef="start" targetRef="oldStyle" />
                <bpmn:userTask id="oldStyle" name="旧版本任务" camunda:candidateGroups="approval-fgw">
                  <bpmn:extensionElements>
                    <camunda:taskListener delegateExpression="${mailTaskListener}" event="create" />
                    <camunda:inputOutput>
                      <camunda:inputParameter name="mail">item-assigned</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="toPlain" sourceRef="oldStyle" targetRef="plain" />
                <bpmn:userTask id="plain" name="无邮件任务" camunda:candidateGroups="approval-fgw">
                  <bpmn:extensionElements>
                    <camunda:taskListener delegateExpression="${mailTaskListener}" event="create" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="toDone" sourceRef="plain" targetRef="done" />
                <bpmn:endEvent id="done" />
              </bpmn:process>
            </bpmn:definitions>""").deploy();
    try {
      var instance = runtimeService.startProcessInstanceByKey("mail-template-sketch",
          Map.of("projectName", "模板测试项目", "itemName", "旧版本事项", "mail", "item-assigned"));
      runContinuations();
      assertThat(mails("officer-fgw@example.org", "旧版本事项（模板测试项目）")).hasSize(1);
      smtp.purgeEmailFromAllMailboxes();
      taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId())
          .singleResult().getId());
      runContinuations();
      assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult()
          .getTaskDefinitionKey()).isEqualTo("plain");
      assertThat(mails("officer-fgw@example.org", "模板测试项目")).isEmpty();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aSupplementRequestIsMailedToTheCountysChiefServiceOfficer() {
    var code = registered();
    complete(review(code, "sthj-eia"), Map.of("outcome", "RETURNED", "opinion", "补充公众参与说明"));
    var mail = mails("cso-lankao@example.org", "请补正材料");
    assertThat(mail).hasSize(1);
    assertThat(body(mail.get(0))).contains("需补正：补充公众参与说明");
    assertThat(mails("cso-qixian@example.org", "请补正材料")).isEmpty();
  }

  @Test
  void yellowGoesToTheSectionAndRedAlsoToTheSupervisionBureau() {
    var code = registered();
    var instance = item(code, "sthj-eia");
    managementService.executeJob(timer(instance.getId(), "itemYellow").getId());
    runContinuations();
    assertThat(mails("officer-sthj@example.org", "黄灯")).hasSize(1);
    assertThat(mails("supervisor@example.org", "黄灯")).isEmpty();
    managementService.executeJob(timer(instance.getId(), "itemRed").getId());
    runContinuations();
    assertThat(mails("officer-sthj@example.org", "红灯")).hasSize(1);
    assertThat(mails("supervisor@example.org", "红灯")).hasSize(1);
  }

  @Test
  void theMeetingAndSupervisionStepsAreMailedToWhomTheyConcern() {
    var code = registered();
    complete(review(code, "zrzy-site"), Map.of("outcome", "NEEDS_COORDINATION", "opinion", "红线"));
    var opener = managementService.createJobQuery().processDefinitionKey("vice-mayor-meeting")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    managementService.executeJob(opener.getId());
    var meeting = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("vice-mayor-meeting").singleResult();
    complete(taskService.createTaskQuery().processInstanceBusinessKey(code)
            .taskDefinitionKey("coordinate").singleResult(),
        Map.of("coordinationNote", "未果", "coordinationResult", "UNRESOLVED"));
    assertThat(mails("vicemayor@example.org", "提交会议研究")).hasSize(1);

    managementService.executeJob(managementService.createJobQuery()
        .processInstanceId(meeting.getId()).activityId("agendaCloses").singleResult().getId());
    runContinuations();
    for (String unit : List.of("vicemayor", "officer-zrzy", "cso-lankao")) {
      assertThat(mails(unit + "@example.org", "会议议程已确定")).as(unit).hasSize(1);
    }
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult(),
        Map.of("meetingDate", MONDAY.plusDays(3).toString()));
    String matterId = views.of(code).matters().get(0).matterId();
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult(),
        Map.of("agenda", SpinValues.jsonValue("[{\"matterId\":\"" + matterId
            + "\",\"decision\":\"林业局重新划定红线\",\"responsibleUnit\":\"approval-lyj\","
            + "\"deadlineDays\":2}]").create()));
    assertThat(mails("officer-lyj@example.org", "会议纪要")).hasSize(1);
    assertThat(mails("officer-zrzy@example.org", "会议纪要")).hasSize(1);
    var caseMail = mails("officer-lyj@example.org", "【督办件】");
    assertThat(caseMail).hasSize(1);
    assertThat(subject(caseMail.get(0))).contains("请于 " + calendar.calendar().add(MONDAY, 2));

    var supervision = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("carryOut").singleResult().getProcessInstanceId();
    today(calendar.calendar().add(MONDAY, 2).plusDays(1));
    managementService.executeJob(timer(supervision, "caseOverdue").getId());
    runContinuations();
    assertThat(mails("supervisor@example.org", "督办件逾期")).hasSize(1);
  }

  @Test
  void aProjectPastItsLimitIsMailedToTheKeyProjectsOfficeAndTheBureauOnceAndItsCaseToItsCounty()
      throws Exception {
    var code = registered();
    var project = views.of(code);
    var dueOn = calendar.calendar().add(MONDAY, 80);
    today(dueOn.plusDays(1));
    managementService.executeJob(timer(project.processInstanceId(), "projectRed").getId());
    runContinuations();

    for (String user : List.of("keyoffice", "supervisor")) {
      var mail = mails(user + "@example.org", "项目超期督办");
      assertThat(mail).as(user).hasSize(1);
      assertThat(subject(mail.get(0)))
          .isEqualTo("【联审联批·项目超期督办】兰考县智能家居产业园项目超过 80 个工作日审批时限");
      assertThat(body(mail.get(0))).contains("应于 " + dueOn + " 前开工")
          .contains("系统已对以下责任单位立督办件：兰考县").contains("落实期限：10 个工作日")
          .doesNotContain("${");
    }
    assertThat(mails("cso-lankao@example.org", "项目超期督办")).isEmpty();
    var caseMail = mails("cso-lankao@example.org", "【督办件】");
    assertThat(caseMail).hasSize(1);
    assertThat(subject(caseMail.get(0))).isEqualTo("【督办件】请于 "
        + calendar.calendar().add(ChinaTime.today(), 10) + " 前落实：项目超期（兰考县智能家居产业园项目）");
    assertThat(body(caseMail.get(0))).contains("项目超期督办要求：项目已超过审批时限")
        .doesNotContain("${");

    // The escalation step once more (a timer fired again): no second mail.
    runtimeService.createProcessInstanceModification(project.processInstanceId())
        .startBeforeActivity("escalateProjectOverrun").execute();
    runContinuations();
    assertThat(mails("keyoffice@example.org", "项目超期督办")).hasSize(1);
    assertThat(mails("cso-lankao@example.org", "【督办件】")).hasSize(1);
  }

  @Test
  void whenSmtpIsDownTheMailIsRetriedThenBecomesAnIncidentAndTheProcessGoesOn() throws Exception {
    smtp.stop();
    var code = register(ProjectFixtures.body(ProjectFixtures.newCode("DOWN"), MONDAY.toString()))
        .code();
    // The first stage's item mails were queued in one transaction: one job.
    var jobIds = jdbc.queryForList(
        "select distinct job_id from mail_outbox where business_key = ?", String.class, code);
    assertThat(jobIds).hasSize(1);
    var job = managementService.createJobQuery().jobId(jobIds.get(0)).singleResult();
    assertThat(job.getRetries()).isEqualTo(3);
    int attempts = 0;
    while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
      var before = ClockUtil.getCurrentTime().getTime();
      String id = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(id))
          .hasMessageContaining("Mail server connection failed");
      attempts++;
      var failed = managementService.createJobQuery().jobId(id).singleResult();
      assertThat(failed.getExceptionMessage()).contains("Mail server connection failed");
      if (failed.getRetries() > 0) {
        // The next try five minutes later (jointapproval.mail.retry-interval), not at once.
        assertThat(failed.getDuedate().getTime() - before).isEqualTo(Duration.ofMinutes(5)
            .toMillis());
        assertThat(managementService.createJobQuery().jobId(id).executable().count()).isZero();
      }
    }
    assertThat(attempts).isEqualTo(3); // jointapproval.mail.attempts
    var failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().configuration(job.getId()).count())
        .isEqualTo(1);
    // Failed mails are found as the README says: jobs with an exception and no retries left.
    assertThat(managementService.createJobQuery().processDefinitionKey(MailBatchJobHandler.TYPE)
        .withException().noRetriesLeft().list()).extracting(j -> j.getId())
        .contains(job.getId());
    // The approval work did not wait for the mail.
    assertThat(review(code, "fgw-filing")).isNotNull();
    // Cockpit's or the resend call's retry sends them once SMTP is back.
    smtp.start();
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    assertThat(runtimeService.createIncidentQuery().configuration(job.getId()).count()).isZero();
    assertThat(mails("officer-fgw@example.org", "新的审批事项")).hasSize(1);
    var sent = jdbc.queryForList("select message_id from mail_outbox where job_id = ?",
        String.class, job.getId());
    assertThat(sent).isNotEmpty().doesNotContainNull();
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailTest::messageId).distinct())
        .containsExactlyInAnyOrderElementsOf(sent);
    runContinuations();
  }

  @Test
  void aRolledBackStepSendsNothing() {
    int rows = jdbc.queryForObject("select count(*) from mail_outbox", Integer.class);
    long jobs = managementService.createJobQuery().processDefinitionKey(MailBatchJobHandler.TYPE).count();
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      notifier.toGroups("item-yellow", List.of("approval-fgw"), Map.of("itemName", "回滚"));
      throw new IllegalStateException("the step failed");
    })).hasMessage("the step failed");
    assertThat(managementService.createJobQuery().processDefinitionKey(MailBatchJobHandler.TYPE).count())
        .isEqualTo(jobs);
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox", Integer.class))
        .isEqualTo(rows);
    runContinuations();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void twelveMailsOfOneTransactionMakeOneJobAndEachGoesOutOnceAfterTheCommit() {
    long jobs = managementService.createJobQuery().processDefinitionKey(MailBatchJobHandler.TYPE).count();
    var sections = List.of("fgw", "zrzy", "zjj", "sthj", "rfb", "wlj", "czj", "scjg", "slj",
        "yjj", "jtj", "lyj");
    transaction.executeWithoutResult(status -> {
      for (String section : sections) {
        notifier.toGroups("item-yellow", List.of("approval-" + section),
            Map.of("itemName", "十二封之" + section, "projectName", "批量"));
      }
      // Nothing goes out before the commit.
      assertThat(smtp.getReceivedMessages()).isEmpty();
    });
    var made = managementService.createJobQuery().processDefinitionKey(MailBatchJobHandler.TYPE).list();
    assertThat(made).hasSize((int) jobs + 1);
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where sent_at is null",
        Integer.class)).isEqualTo(12);
    runContinuations();
    for (String section : sections) {
      var mail = mails("officer-" + section + "@example.org", "十二封之" + section);
      assertThat(mail).as(section).hasSize(1);
      assertThat(TestSmtp.recipients(mail.get(0))).containsExactly(
          "officer-" + section + "@example.org");
    }
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailTest::messageId).distinct())
        .hasSize(12);
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where sent_at is null",
        Integer.class)).isZero();
  }

  @Autowired MailOutbox outbox;
  @Autowired MailTemplates templates;
  @Autowired MailGateway gateway;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  @Test
  void aBatchOutOfTimeHandsItsRestToANewJobAndNoMailGoesTwice() {
    transaction.executeWithoutResult(status -> {
      for (String name : List.of("时限内", "第二封", "第三封")) {
        notifier.toGroups("item-yellow", List.of("approval-fgw"), Map.of("itemName", name));
      }
    });
    String first = jdbc.queryForObject("select job_id from mail_outbox where model like ?",
        String.class, "%时限内%");
    // A batch whose time is already up still sends one mail, then hands the rest on.
    var outOfTime = new MailBatchJobHandler(outbox, templates, gateway, java.time.Duration.ZERO, 3);
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
          outOfTime.execute(new MailBatchJobHandler.Batch(first), null, context, null);
          return null;
        });
    assertThat(mails("officer-fgw@example.org", "时限内")).hasSize(1);
    assertThat(mails("officer-fgw@example.org", "第二封")).isEmpty();
    var rest = jdbc.queryForList("select distinct job_id from mail_outbox where sent_at is null "
        + "and model like '%封%'", String.class);
    assertThat(rest).hasSize(1).doesNotContain(first);
    assertThat(managementService.createJobQuery().jobId(rest.get(0)).count()).isOne();
    runContinuations();
    for (String name : List.of("时限内", "第二封", "第三封")) {
      assertThat(mails("officer-fgw@example.org", name)).as(name).hasSize(1);
    }
  }

  @Test
  void aMailThatFailsDoesNotResendTheMailsThatWentOutBeforeIt() {
    transaction.executeWithoutResult(status -> {
      notifier.toGroups("item-yellow", List.of("approval-fgw"), Map.of("itemName", "先发的"));
      notifier.toGroups("no-such-template", List.of("approval-zrzy"), Map.of());
      notifier.toGroups("item-yellow", List.of("approval-sthj"), Map.of("itemName", "后发的"));
    });
    String jobId = jdbc.queryForObject(
        "select job_id from mail_outbox where template = 'no-such-template'", String.class);
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasMessageContaining("No mail template no-such-template");
      assertThat(mails("officer-fgw@example.org", "先发的")).as("attempt " + attempt).hasSize(1);
      assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailTest::messageId).distinct())
          .as("attempt " + attempt).hasSize(1);
    }
    assertThat(jdbc.queryForList("select template from mail_outbox where job_id = ? "
        + "and sent_at is not null", String.class, jobId)).containsExactly("item-yellow");
    // An operator corrects the mail; the last try sends what had not gone out, once.
    jdbc.update("update mail_outbox set template = 'item-yellow' where job_id = ? "
        + "and template = 'no-such-template'", jobId);
    managementService.executeJob(jobId);
    assertThat(mails("officer-fgw@example.org", "先发的")).hasSize(1);
    assertThat(mails("officer-sthj@example.org", "后发的")).hasSize(1);
    assertThat(mails("officer-zrzy@example.org", "黄灯")).hasSize(1);
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailTest::messageId).distinct())
        .hasSize(3);
    assertThat(managementService.createJobQuery().jobId(jobId).count()).isZero();
  }

  @Test
  void theNightCleanupPurgesMailsSentLongerAgoThanKeepDaysAndKeepsTheRest() {
    transaction.executeWithoutResult(status ->
        notifier.toGroups("item-yellow", List.of("approval-fgw"), Map.of("itemName", "旧的")));
    runContinuations();
    today(MONDAY.plusDays(100));
    transaction.executeWithoutResult(status ->
        notifier.toGroups("item-yellow", List.of("approval-fgw"), Map.of("itemName", "近的")));
    runContinuations();
    transaction.executeWithoutResult(status ->
        notifier.toGroups("item-yellow", List.of("approval-fgw"), Map.of("itemName", "未发的")));
    String waiting = jdbc.queryForObject(
        "select job_id from mail_outbox where sent_at is null and model like '%未发的%'",
        String.class);

    today(MONDAY.plusDays(181)); // jointapproval.mail.keep-days: 180
    var cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());
    managementService.executeJob(cleanup.getId()); // a second node's run: nothing more, no error

    assertThat(jdbc.queryForList("select model from mail_outbox", String.class))
        .noneMatch(model -> model.contains("旧的"))
        .anyMatch(model -> model.contains("近的")).anyMatch(model -> model.contains("未发的"));
    assertThat(jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ = ? "
        + "and timestamp_ < ?", Integer.class, MailBatchJobHandler.TYPE,
        new java.sql.Timestamp(ChinaTime.startOf(MONDAY.plusDays(1)).getTime()))).isZero();
    managementService.executeJob(waiting);
    assertThat(mails("officer-fgw@example.org", "未发的")).hasSize(1);
  }

  @Test
  void aSendMailProcessQueuedBeforeTheOutboxIsStillSent() {
    // As Notifier queued mails before the outbox: recipients as text, or as a JSON list earlier.
    var model = new java.util.HashMap<String, String>(Map.of("itemName", "升级前排队的"));
    runtimeService.startProcessInstanceByKey(Notifier.PROCESS_KEY, Map.of("template",
        "item-yellow", "recipientGroups", "approval-fgw", "recipientUsers", "",
        "mailModel", model));
    runtimeService.startProcessInstanceByKey(Notifier.PROCESS_KEY, Map.of("template",
        "item-yellow", "recipientGroups", new java.util.ArrayList<>(List.of("approval-sthj")),
        "recipientUsers", new java.util.ArrayList<String>(), "mailModel", model));
    runContinuations();
    assertThat(mails("officer-fgw@example.org", "升级前排队的")).hasSize(1);
    assertThat(mails("officer-sthj@example.org", "升级前排队的")).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(Notifier.PROCESS_KEY).count()).isZero();
  }

  @Test
  void theDailyDigestListsEachOfficersItemsByDueDateAndSkipsThoseWithNone() throws Exception {
    var code = registered();
    smtp.purgeEmailFromAllMailboxes();
    identityService.saveUser(identityService.newUser("idle-officer"));
    var idle = identityService.createUserQuery().userId("idle-officer").singleResult();
    idle.setEmail("idle-officer@example.org");
    identityService.saveUser(idle);

    var digest = managementService.createJobQuery().processDefinitionKey("daily-digest").timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    var due = digest.getDuedate().toInstant().atZone(ChinaTime.ZONE);
    assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(8, 30));
    assertThat(digest.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    managementService.executeJob(digest.getId());
    runContinuations();

    var mail = mails("officer-zrzy@example.org", "待办摘要");
    assertThat(mail).hasSize(1);
    String body = body(mail.get(0));
    assertThat(body).contains("兰考县智能家居产业园项目").contains("绿灯");
    // Earliest due date first: the plain-text rows carry the dates in order.
    var dates = java.util.regex.Pattern.compile("】(\\d{4}-\\d{2}-\\d{2})").matcher(
        body).results().map(r -> r.group(1)).toList();
    assertThat(dates).isNotEmpty().isSorted();
    assertThat(mails("idle-officer@example.org", "待办摘要")).isEmpty();
    identityService.deleteUser("idle-officer");
    assertThat(code).isNotBlank();
  }



  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<MimeMessage> mails(String address, String text) {
    return TestSmtp.mails(smtp, address, text);
  }
}
