package cn.kaifeng.jointapproval.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The element templates in {@code bpmn/.camunda/element-templates/} are valid for Camunda Modeler
 * (Camunda's JSON schema), name only beans, groups, forms and mails that exist, and the models use
 * them: every element that carries a template matches it, and every step a template is made for
 * carries it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ElementTemplatesTest {

  /** The schema of npm's @camunda/element-templates-json-schema 0.22.1, copied (no CDN). */
  private static final String SCHEMA = "/element-templates/schema-0.22.1.json";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** A bean an expression calls: {@code ${deadlines.dueAt(execution)}} names {@code deadlines}. */
  private static final Pattern BEAN_CALL = Pattern.compile("[$#]\\{\\s*(\\w+)\\s*[.}]");
  private static final Set<String> NOT_BEANS = Set.of("execution", "task");

  @Autowired ApplicationContext context;

  static Map<String, JsonNode> files;
  static Map<String, JsonNode> templates;
  static Map<String, BpmnModelInstance> models = new java.util.TreeMap<>();

  @BeforeAll
  static void load() throws IOException {
    files = ElementTemplates.byFile();
    templates = ElementTemplates.byId();
    try (Stream<Path> list = Files.list(Path.of("bpmn"))) {
      for (Path file : list.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
      }
    }
  }

  @Test
  void everyTemplateIsValidAgainstCamundasSchema() throws IOException {
    var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    try (var in = getClass().getResourceAsStream(SCHEMA)) {
      var schema = registry.getSchema(in);
      assertThat(files).hasSizeGreaterThanOrEqualTo(5);
      files.forEach((file, template) -> assertThat(schema.validate(template))
          .as("schema errors of " + file).isEmpty());
      // The validator really checks: a template without appliesTo is refused.
      var broken = templates.values().iterator().next().deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("appliesTo");
      assertThat(schema.validate(broken)).isNotEmpty();
    }
  }

  @Test
  void everyBeanGroupFormAndMailATemplateNamesExists() {
    Set<String> groups = new HashSet<>();
    new IdentityCatalog().groups().forEach(g -> groups.add(g.id()));
    templates.forEach((id, template) -> {
      assertThat(id).startsWith("cn.kaifeng.jointapproval.");
      for (JsonNode property : template.get("properties")) {
        String binding = property.at("/binding/name").asText(property.at("/binding/type").asText());
        for (String value : values(property)) {
          String where = id + " " + binding + " = " + value;
          var beans = BEAN_CALL.matcher(value);
          while (beans.find()) {
            if (!NOT_BEANS.contains(beans.group(1)) && (value.contains(beans.group(1) + ".")
                || binding.endsWith("delegateExpression"))) {
              assertThat(context.containsBean(beans.group(1))).as("bean of " + where).isTrue();
            }
          }
          switch (binding) {
            case "camunda:candidateGroups" -> {
              if (!value.contains("{")) {
                assertThat(groups).as("group of " + where).contains(value);
              }
            }
            case "camunda:formRef" -> assertThat(Path.of("forms", value + ".form"))
                .as("form of " + where).exists();
            case "mail" -> assertThat(getClass().getResource("/mail/" + value + ".subject"))
                .as("mail template of " + where).isNotNull();
            default -> { }
          }
        }
      }
    });
    // The approval item offers exactly the twelve sections, plus the one the rules table picks.
    var sections = templates.get("cn.kaifeng.jointapproval.userTask.approvalItem").get("properties")
        .findParents("choices").get(0).get("choices");
    Set<String> offered = new HashSet<>();
    sections.forEach(c -> offered.add(c.get("value").asText()));
    assertThat(offered).containsAll(groups.stream().filter(g -> g.startsWith("approval-")).toList())
        .hasSize(13).contains("${itemGroups.section(execution)}");
  }

  @Test
  void everyElementWithATemplateMatchesItsFixedValues() {
    int used = 0;
    for (var model : models.entrySet()) {
      for (var element : model.getValue().getModelElementsByType(BaseElement.class)) {
        String id = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
        if (id == null) {
          continue;
        }
        used++;
        String where = element.getId() + " in " + model.getKey();
        var template = templates.get(id);
        assertThat(template).as("template " + id + " of " + where).isNotNull();
        assertThat(element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion"))
            .as("template version of " + where).isEqualTo(template.get("version").asText());
        assertThat(appliesTo(template)).as("element type of " + where)
            .contains(bpmnType(element));
        for (JsonNode property : template.get("properties")) {
          String actual = Bindings.value(element, property.get("binding"));
          String type = property.get("type").asText();
          if ("Hidden".equals(type)) {
            assertThat(actual).as(property.get("binding") + " of " + where)
                .isEqualTo(property.get("value").asText());
          } else if ("Dropdown".equals(type)) {
            assertThat(values(property)).as(property.get("binding") + " of " + where)
                .contains(actual);
          }
        }
      }
    }
    assertThat(used).isGreaterThanOrEqualTo(50);
  }

  @Test
  void everyStepATemplateIsMadeForCarriesIt() {
    List<String> missing = new ArrayList<>();
    for (var model : models.entrySet()) {
      for (var element : model.getValue().getModelElementsByType(BaseElement.class)) {
        String used = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
        String type = bpmnType(element);
        // Every service step runs a delegate, and every delegate has its template.
        boolean mustUse = element instanceof ServiceTask;
        for (var template : templates.values()) {
          if (appliesTo(template).contains(type) && fixedValuesMatch(element, template)) {
            mustUse = true;
          }
        }
        if (mustUse && used == null) {
          missing.add(element.getId() + " in " + model.getKey());
        }
      }
    }
    assertThat(missing).as("steps without their element template (camunda:modelerTemplate)")
        .isEmpty();
  }

  private static boolean fixedValuesMatch(BaseElement element, JsonNode template) {
    boolean any = false;
    for (JsonNode property : template.get("properties")) {
      if ("Hidden".equals(property.get("type").asText())
          && "property".equals(property.at("/binding/type").asText())) {
        String name = property.at("/binding/name").asText();
        // The step's identity: what it runs, which form it shows, which process it calls.
        if (Set.of("camunda:delegateExpression", "camunda:formRef", "calledElement")
            .contains(name)) {
          any = true;
          if (!property.get("value").asText().equals(Bindings.value(element,
              property.get("binding")))) {
            return false;
          }
        }
      }
    }
    return any;
  }

  /** {@code bpmn:ServiceTask}, as templates name element types. */
  private static String bpmnType(BaseElement element) {
    String name = element.getElementType().getTypeName();
    return "bpmn:" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static List<String> appliesTo(JsonNode template) {
    List<String> types = new ArrayList<>();
    template.get("appliesTo").forEach(t -> types.add(t.asText()));
    return types;
  }

  private static List<String> values(JsonNode property) {
    List<String> values = new ArrayList<>();
    if (property.has("value")) {
      values.add(property.get("value").asText());
    }
    property.path("choices").forEach(c -> values.add(c.get("value").asText()));
    return values;
  }

  /** Reads what a template binding writes, from a model element. */
  static final class Bindings {

    private Bindings() {
    }

    static String value(BaseElement element, JsonNode binding) {
      String name = binding.path("name").asText();
      return switch (binding.get("type").asText()) {
        case "property" -> name.startsWith("camunda:")
            ? element.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()))
            : element.getAttributeValue(name);
        case "camunda:property" -> extensions(element, CamundaProperties.class).stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .filter(p -> name.equals(p.getCamundaName()))
            .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
        case "camunda:inputParameter" -> extensions(element, CamundaInputOutput.class).stream()
            .flatMap(io -> io.getCamundaInputParameters().stream())
            .filter(p -> name.equals(p.getCamundaName()))
            .map(CamundaInputParameter::getTextContent).findFirst().orElse(null);
        case "camunda:in" -> ins(element).stream()
            .filter(in -> binding.get("target").asText().equals(in.getCamundaTarget()))
            .map(in -> binding.path("expression").asBoolean() ? in.getCamundaSourceExpression()
                : in.getCamundaSource())
            .findFirst().orElse(null);
        case "camunda:in:businessKey" -> ins(element).stream()
            .map(CamundaIn::getCamundaBusinessKey).filter(java.util.Objects::nonNull)
            .findFirst().orElse(null);
        default -> throw new AssertionError("binding not read by this test: " + binding);
      };
    }

    private static List<CamundaIn> ins(BaseElement element) {
      return extensions(element, CamundaIn.class);
    }

    private static <T extends ModelElementInstance> List<T> extensions(BaseElement element,
        Class<T> type) {
      var extensions = element.getExtensionElements();
      return extensions == null ? List.of()
          : extensions.getElementsQuery().filterByType(type).list();
    }
  }
}
