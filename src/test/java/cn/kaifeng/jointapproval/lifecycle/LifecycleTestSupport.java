package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.support.TestSmtp;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the lifecycle tests (HTTP on a random port, mail to a GreenMail
 * server on a free port in this JVM): projects are put at a node directly in the ledger, the
 * engine clock is moved, timers are run by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.mail.host=localhost")
@ActiveProfiles("test")
abstract class LifecycleTestSupport extends ApprovalTestSupport {

  static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);


  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired protected JdbcClient jdbc;
  @Autowired protected TestRestTemplate rest;
  @Autowired protected IdentityService identityService;

  @BeforeEach
  void cleanSlate() throws Exception {
    for (String user : new String[] {"cso-lankao", "cso-longting", "officer-fgw", "keyoffice",
        "leader-1", "leader-3"}) {
      identityService.unlockUser(user);
    }
    runContinuations(); // mails queued before this test go out before it looks
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /**
   * A project put at {@code node} straight into the ledger (no joint approval runs), in Lankao,
   * with the given chief service officer and leader; each node up to {@code node} reached on the
   * given dates (by node name).
   */
  protected String project(String node, String officer, String leader,
      Map<String, LocalDate> reached) {
    String code = ProjectFixtures.newCode("L");
    jdbc.sql("""
        insert into project (code, name, county, land_delisted_on, free_trade_zone,
          commitment_system, government_invested, investment, industry, responsible_cadre,
          chief_service_officer, contracting_leader, historic_area, forest_land, hazardous_goods,
          civil_air_defence, road_works, special_equipment, annual_energy_tce,
          land_area_hectares, status, light, registered_by, registered_at, node)
        values (:code, :name, 'lankao', :landed, false, false, false, 52000, '家居制造', '王建国',
          :officer, :leader, false, false, false, false, false, false, 0, 0, 'APPROVING',
          'GREEN', 'keyoffice', :at, :node)""")
        .param("code", code).param("name", "兰考县节点项目" + code)
        .param("landed", reached.get("LANDED")).param("officer", officer)
        .param("leader", leader).param("at", Timestamp.from(Instant.now()))
        .param("node", node).update();
    reached.forEach((n, on) -> reach(code, n, on));
    return code;
  }

  /** Records a node as the node recording does: a project_node row and the furthest node. */
  protected void reach(String code, String node, LocalDate on) {
    jdbc.sql("""
        insert into project_node (project_code, node, reached_on, recorded_by, recorded_at)
        values (:code, :node, :on, 'cso-lankao', :at)""")
        .param("code", code).param("node", node).param("on", on)
        .param("at", Timestamp.from(Instant.now())).update();
    jdbc.sql("""
        update project set node = :node where code = :code and
          case node when 'RESERVE' then 0 when 'NEGOTIATING' then 1 when 'SIGNED' then 2
            when 'LANDED' then 3 when 'READY' then 4 when 'STARTED' then 5
            when 'COMPLETED' then 6 else 7 end
          < case :node when 'RESERVE' then 0 when 'NEGOTIATING' then 1 when 'SIGNED' then 2
            when 'LANDED' then 3 when 'READY' then 4 when 'STARTED' then 5
            when 'COMPLETED' then 6 else 7 end""")
        .param("node", node).param("code", code).update();
  }

  protected ResponseEntity<JsonNode> send(HttpMethod method, String user, String path,
      Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, method,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  protected JsonNode get(String user, String code) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/projects/" + code, JsonNode.class)
        .getBody();
  }

  /** Runs the start timer of a timer-started process (as the job executor would). */
  protected void runTimerProcess(String processKey) {
    var job = managementService.createJobQuery().processDefinitionKey(processKey).timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    managementService.executeJob(job.getId());
    runContinuations();
  }







  /** Distinct mails to {@code address} whose subject contains {@code text}. */
  protected List<MimeMessage> mails(String address, String text) {
    return TestSmtp.mails(smtp, address, text);
  }

  protected static List<String> recipients(MimeMessage message) {
    return TestSmtp.recipients(message);
  }

  protected static String subject(MimeMessage message) {
    return TestSmtp.subject(message);
  }

  protected static String body(MimeMessage message) {
    return TestSmtp.body(message);
  }
}
