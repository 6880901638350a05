package cn.kaifeng.jointapproval.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Turns what a client sent (plain Java values, Camunda typed values, Spin JSON from Tasklist's
 * dynamic lists) into plain JSON-like values — String, Number, Boolean, List, Map — for checking.
 */
final class SubmittedValues {

  /** A value of a kind a form can never produce (a Java object, a file, bytes). */
  static final Object UNSUPPORTED = new Object();

  private final ObjectMapper mapper;

  SubmittedValues(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Object plain(Object value) {
    if (value instanceof TypedValue typed) {
      if (typed instanceof ObjectValue object && !object.isDeserialized()) {
        return fromJson(object.getSerializationDataFormat(), object.getValueSerialized());
      }
      if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
        return fromJson(serializable.getSerializationDataFormat(),
            serializable.getValueSerialized());
      }
      return plain(typed.getValue());
    }
    if (value instanceof SpinJsonNode json) {
      return fromJson("application/json", json.toString());
    }
    if (value == null || value instanceof String || value instanceof Number
        || value instanceof Boolean || value instanceof Map<?, ?>
        || value instanceof java.util.List<?>) {
      return value;
    }
    return UNSUPPORTED;
  }

  private Object fromJson(String format, String serialized) {
    if (serialized == null || format == null || !format.contains("json")) {
      return UNSUPPORTED;
    }
    try {
      return mapper.readValue(serialized, Object.class);
    } catch (java.io.IOException e) {
      return UNSUPPORTED;
    }
  }
}
