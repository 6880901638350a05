package cn.kaifeng.jointapproval.database;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Takes a transient list or map variable without serializing it. The engine serializes every
 * object value it is given, transient or not; a transient one is never written, so that JSON was
 * thrown away. A registration has three such values (each decision's {@code decisionResult} and
 * the {@code requiredItems} rows), JSON-serialized with Spin and Jackson on every registration:
 * about a twelfth of its request's CPU in a profile of the benchmark.
 *
 * <p>Only transient values of a collection or map whose format nobody named: every other value,
 * and every value that is stored, goes to the engine's own serializers as before. Among the
 * serializers that could take such a value the engine picks the first of the default format
 * (JSON), so this one names that format and is registered ahead of Spin's.
 */
final class TransientObjectSerializer implements TypedValueSerializer<ObjectValue> {

  static final String NAME = "transient-object";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public ValueType getType() {
    return ValueType.OBJECT;
  }

  @Override
  public boolean canHandle(TypedValue value) {
    if (!value.isTransient()) {
      return false;
    }
    if (value instanceof UntypedValueImpl untyped) {
      return isCollectionOrMap(untyped.getValue());
    }
    return value instanceof ObjectValue object && object.isDeserialized()
        && object.getSerializationDataFormat() == null && isCollectionOrMap(object.getValue());
  }

  @Override
  public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.objectValue(untypedValue.getValue(), true).create();
  }

  @Override
  public void writeValue(ObjectValue value, ValueFields valueFields) {
    // Transient: the engine keeps the value itself for this transaction and never stores it.
  }

  @Override
  public ObjectValue readValue(ValueFields valueFields, boolean deserializeValue,
      boolean asTransientValue) {
    throw new IllegalStateException("Variable '" + valueFields.getName()
        + "' was transient and was never stored; it cannot be read back");
  }

  @Override
  public String getSerializationDataformat() {
    return Context.getProcessEngineConfiguration() == null ? null
        : Context.getProcessEngineConfiguration().getDefaultSerializationFormat();
  }

  @Override
  public boolean isMutableValue(ObjectValue typedValue) {
    return false;
  }

  private static boolean isCollectionOrMap(Object value) {
    return value instanceof Collection<?> || value instanceof Map<?, ?>;
  }
}
