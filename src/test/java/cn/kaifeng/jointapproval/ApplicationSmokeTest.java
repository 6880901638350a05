package cn.kaifeng.jointapproval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** What a newcomer gets from the default run: webapps, REST API, health and demo identities. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationSmokeTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine processEngine;

  @Test
  void healthReportsDatabaseAndProcessEngineWithoutLogin() {
    var health = rest.getForEntity("/actuator/health", JsonNode.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    assertThat(health.getBody().at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.getBody().at("/components/processEngine/status").asText()).isEqualTo("UP");
  }

  @Test
  void servesTheWebappsAndTheEngineRestApiBehindLogin() {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      var page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).as(app).contains("<html");
    }
    var anonymous = rest.getForEntity("/engine-rest/process-definition", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A user no other test logs in with: wrong passwords lock a Camunda user for a few seconds.
    var wrongPassword = rest.withBasicAuth("cso-weishi", "wrong")
        .getForEntity("/engine-rest/process-definition", String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    var definitions = rest.withBasicAuth("demo", "demo").getForEntity(
        "/engine-rest/process-definition?key=holiday-schedule-update", JsonNode.class);
    assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definitions.getBody().size()).isEqualTo(1);
  }

  @Test
  void theEngineDoesNotRepublishItsEventsAsSpringEvents() {
    // Nothing in the application listens to Camunda's execution, task or history events as Spring
    // events; publishing each of them costs CPU on every step (application.yaml, eventing).
    var configuration = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    assertThat(configuration.getCustomPreBPMNParseListeners()).as("pre-parse listeners")
        .noneMatch(PublishDelegateParseListener.class::isInstance);
    assertThat(configuration.getCustomPostBPMNParseListeners()).as("post-parse listeners")
        .noneMatch(PublishDelegateParseListener.class::isInstance);
    assertThat(configuration.getCustomHistoryEventHandlers()).as("history event handlers")
        .noneMatch(PublishHistoryEventHandler.class::isInstance);
  }

  @Test
  void loadsEveryDemoIdentityWithItsGroupAndAddress() {
    String[] codes = {"fgw", "zrzy", "zjj", "sthj", "rfb", "wlj", "czj", "scjg", "slj", "yjj", "jtj",
        "lyj"};
    for (String code : codes) {
      assertThat(identityService.createUserQuery().userId("officer-" + code)
          .memberOfGroup("approval-" + code).count()).as(code).isOne();
    }
    String[] counties = {"longting", "shunhe", "gulou", "yuwangtai", "xiangfu", "qixian", "tongxu",
        "weishi", "lankao", "shifanqu"};
    for (String county : counties) {
      assertThat(identityService.createUserQuery().userId("cso-" + county)
          .memberOfGroup("county-" + county).count()).as(county).isOne();
    }
    assertThat(identityService.createUserQuery().userId("coordinator")
        .memberOfGroup("joint-review-platform").count()).isOne();
    assertThat(identityService.createUserQuery().userId("vicemayor")
        .memberOfGroup("executive-vice-mayor").count()).isOne();
    assertThat(identityService.createUserQuery().userId("supervisor")
        .memberOfGroup("supervision-bureau").count()).isOne();
    assertThat(identityService.createUserQuery().userId("keyoffice")
        .memberOfGroup("key-projects-office").count()).isOne();
    assertThat(identityService.createUserQuery().userId("demo").memberOfGroup("camunda-admin")
        .count()).isOne();
    assertThat(identityService.checkPassword("officer-fgw", "demo")).isTrue();
    assertThat(identityService.createUserQuery().userId("officer-fgw").singleResult().getEmail())
        .isEqualTo("officer-fgw@example.org");
    assertThat(identityService.createUserQuery().count()).isEqualTo(32);
  }
}
