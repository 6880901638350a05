package cn.kaifeng.jointapproval.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine's entity manager is the cheap id check, and a bad id is still refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdCheckingEntityManagerTest {

  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void theEngineUsesIt() {
    Class<?> type = engine.getCommandExecutorTxRequired().execute(
        context -> context.getDbEntityManager().getClass());
    assertThat(type).isEqualTo(IdCheckingEntityManager.class);
  }

  @Test
  void theWildcardIdIsStillRefusedWithCamundasMessage() {
    var entity = new ByteArrayEntity("wildcard", new byte[] {1});
    entity.setId("*");
    assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
      context.getDbEntityManager().insert(entity);
      return null;
    })).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("has an invalid id").hasMessageContaining("cannot be *");
  }
}
