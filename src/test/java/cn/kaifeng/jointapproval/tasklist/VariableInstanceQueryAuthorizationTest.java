package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The variable instance query's EXISTS check ({@code VariableInstanceQueryAuthorization.xml})
 * shows every user exactly the variables Camunda's join shows, and the Camunda original it was
 * copied from has not changed.
 */
@SpringBootTest
@ActiveProfiles("test")
class VariableInstanceQueryAuthorizationTest {

  /** SHA-256 of camunda-engine 7.24.0's VariableInstance.xml, from which the mapper was copied. */
  private static final String CAMUNDA_VARIABLE_INSTANCE_XML =
      "1f821a226c583750f84a6d24f342288d74eae6eb6d2a70a6a3d659c650930a1a";

  @Autowired ProcessEngine engine;

  @Test
  void theCamundaOriginalOfTheCopiedQueryIsUnchanged() throws IOException,
      NoSuchAlgorithmException {
    try (var original = ProcessEngine.class.getClassLoader()
        .getResourceAsStream("org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml")) {
      String hash = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(original.readAllBytes()));
      assertThat(hash).as("Camunda's VariableInstance.xml changed: copy "
          + "selectVariableInstanceByQueryCriteriaSql again into "
          + "VariableInstanceQueryAuthorization.xml, re-apply the CHANGED parts, update this hash")
          .isEqualTo(CAMUNDA_VARIABLE_INSTANCE_XML);
    }
    var sessions = new AgainstCamunda(engine).sessions();
    assertThat(sessions.mapStatement("selectVariableInstanceByQueryCriteria"))
        .isEqualTo("selectVariableInstanceByQueryCriteriaWithExistsCheck");
    assertThat(sessions.mapStatement("selectVariableInstanceCountByQueryCriteria"))
        .isEqualTo("selectVariableInstanceCountByQueryCriteriaWithExistsCheck");
  }

  @Test
  void everyKindOfGrantShowsTheVariablesCamundasJoinShows() {
    assertThat(new VariableGrantMatrix(engine).compareEveryUser())
        .as("comparisons with visible variables").isGreaterThan(100);
  }
}
