package cn.kaifeng.jointapproval.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile: groups yes, demo users no, and no start with a default password. */
class ProductionProfileTest {

  private static SpringApplicationBuilder prod() {
    return new SpringApplicationBuilder(JointApprovalApplication.class).profiles("prod");
  }

  private static String[] args(String database, String... more) {
    var base = new String[] {"--spring.datasource.url=jdbc:h2:mem:" + database,
        "--server.port=0", "--camunda.bpm.job-execution.enabled=false"};
    var all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void loadsGroupsAndTheConfiguredAdministratorButNoDemoUsers() {
    try (var app = prod().run(args("prod-ok",
        "--jointapproval.identity.admin.id=ops-admin",
        "--jointapproval.identity.admin.password=S3cure-enough-pass"))) {
      var identity = app.getBean(IdentityService.class);
      assertThat(identity.createGroupQuery().count()).isEqualTo(29);
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId())
          .containsExactly("ops-admin");
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isOne();
      assertThat(identity.checkPassword("ops-admin", "S3cure-enough-pass")).isTrue();
      var env = app.getEnvironment();
      assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
      var webapp = app.getBean(
          org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties.class).getWebapp();
      assertThat(webapp.getSessionCookie().isEnableSecureCookie()).isTrue();
      assertThat(webapp.getCsrf().isEnableSecureCookie()).isTrue();
      assertThat(env.getProperty("camunda.bpm.authorization.enabled")).isEqualTo("true");
    }
  }

  @Test
  void refusesToStartWithADefaultPassword() {
    assertThatThrownBy(() -> prod().run(args("prod-weak",
        "--jointapproval.identity.admin.id=ops-admin",
        "--jointapproval.identity.admin.password=demo")).close())
        .hasStackTraceContaining("refusing to start");
    assertThatThrownBy(() -> prod().run(args("prod-demo",
        "--jointapproval.identity.demo-users=true")).close())
        .hasStackTraceContaining("demo-users must be false");
  }
}
