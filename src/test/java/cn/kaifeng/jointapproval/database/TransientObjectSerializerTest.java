package cn.kaifeng.jointapproval.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Which serializer the engine picks: a transient list or map is taken without JSON; everything
 * that is stored, and every transient primitive, goes where it went before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TransientObjectSerializerTest {

  /** Spin's serializer of objects as JSON, the application's default format. */
  private static final String SPIN_JSON = "spin://application/json";

  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void aTransientListOrMapIsNotSerialized() {
    assertThat(serializerOf(Variables.untypedValue(List.of(Map.of("itemCode", "a")), true)))
        .isEqualTo(TransientObjectSerializer.NAME);
    assertThat(serializerOf(Variables.untypedValue(Map.of("a", 1), true)))
        .isEqualTo(TransientObjectSerializer.NAME);
    assertThat(serializerOf(Variables.objectValue(List.of("a"), true).create()))
        .isEqualTo(TransientObjectSerializer.NAME);
  }

  @Test
  void storedValuesAndOtherTransientOnesKeepTheEnginesSerializers() {
    assertThat(serializerOf(Variables.untypedValue(List.of("a")))).isEqualTo(SPIN_JSON);
    assertThat(serializerOf(Variables.objectValue(List.of("a")).create())).isEqualTo(SPIN_JSON);
    assertThat(serializerOf(Variables.objectValue(List.of("a"), true)
        .serializationDataFormat("application/json").create())).isEqualTo(SPIN_JSON);
    assertThat(serializerOf(Variables.untypedValue("a", true))).isEqualTo("string");
    assertThat(serializerOf(Variables.untypedValue(42, true))).isEqualTo("integer");
    assertThat(serializerOf(Variables.untypedValue(null, true))).isEqualTo("null");
    assertThat(serializerOf(Variables.untypedValue(new java.util.Date(), true)))
        .isEqualTo("date");
  }

  private String serializerOf(TypedValue value) {
    return engine.getCommandExecutorTxRequired().execute(context ->
        engine.getVariableSerializers().findSerializerForValue(value).getName());
  }
}
