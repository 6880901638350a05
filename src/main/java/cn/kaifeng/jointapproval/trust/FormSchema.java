package cn.kaifeng.jointapproval.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields a Camunda Form (form-js JSON, as a designer saves it from Camunda Modeler) lets a user
 * submit: key, kind, required, allowed values and limits. Read from the deployed form itself, so
 * a designer who edits the form changes what the server accepts.
 */
public record FormSchema(String formId, Map<String, Field> fields) {

  /** What a field holds. */
  public enum Kind { TEXT, NUMBER, BOOLEAN, DATE, LIST, ROWS, OBJECT }

  /**
   * One field. {@code conditional}: form-js hides it on a condition the server does not evaluate,
   * so it may be missing even when required. {@code children}: the fields of each row (dynamic
   * list) or of a group with its own path.
   */
  public record Field(String key, Kind kind, String label, boolean required, boolean conditional,
      Integer minLength, Integer maxLength, Double min, Double max, String pattern,
      Set<String> allowed, String dateSubtype, Map<String, Field> children) {
  }

  /** A task or start event with no form accepts nothing. */
  public static FormSchema empty() {
    return new FormSchema(null, Map.of());
  }

  public static FormSchema parse(InputStream json, ObjectMapper mapper) throws IOException {
    JsonNode root = mapper.readTree(json);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new FormSchema(root.path("id").asText(null), Map.copyOf(fields));
  }

  private static void collect(JsonNode components, Map<String, Field> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String path = text(component, "path");
      switch (type) {
        case "group" -> {
          if (path == null) {
            collect(component.path("components"), into);
          } else {
            Map<String, Field> children = new LinkedHashMap<>();
            collect(component.path("components"), children);
            into.put(path, field(component, path, Kind.OBJECT, Map.copyOf(children)));
          }
        }
        case "dynamiclist" -> {
          Map<String, Field> children = new LinkedHashMap<>();
          collect(component.path("components"), children);
          into.put(path, field(component, path, Kind.ROWS, Map.copyOf(children)));
        }
        case "textfield", "textarea", "radio", "select" ->
            put(into, component, Kind.TEXT);
        case "number" -> put(into, component, Kind.NUMBER);
        case "checkbox" -> put(into, component, Kind.BOOLEAN);
        case "datetime" -> put(into, component, Kind.DATE);
        case "checklist", "taglist" -> put(into, component, Kind.LIST);
        default -> {
          // text, html, image, spacer, separator, button…: nothing a user submits. Any other
          // input with a key is accepted as text so that a new form-js field type is not dropped
          // silently: the process's own checks still apply.
          if (component.hasNonNull("key") && !"button".equals(type)) {
            put(into, component, Kind.TEXT);
          }
        }
      }
    }
  }

  private static void put(Map<String, Field> into, JsonNode component, Kind kind) {
    String key = text(component, "key");
    if (key != null && !component.path("disabled").asBoolean(false)) {
      into.put(key, field(component, key, kind, Map.of()));
    }
  }

  private static Field field(JsonNode component, String key, Kind kind,
      Map<String, Field> children) {
    JsonNode validate = component.path("validate");
    Set<String> allowed = null;
    if (component.has("values") && component.path("values").isArray()) {
      allowed = new LinkedHashSet<>();
      for (JsonNode value : component.path("values")) {
        allowed.add(value.path("value").asText());
      }
    }
    return new Field(key, kind, text(component, "label"),
        validate.path("required").asBoolean(false),
        component.has("conditional") && component.path("conditional").has("hide"),
        integer(validate, "minLength"), integer(validate, "maxLength"),
        number(validate, "min"), number(validate, "max"), text(validate, "pattern"),
        allowed == null ? null : Set.copyOf(allowed), text(component, "subtype"), children);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  private static Integer integer(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isNumber() ? value.intValue() : null;
  }

  private static Double number(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }
}
