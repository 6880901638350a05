package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.RegistrationValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a designer can break in Camunda Modeler without a compiler noticing: every user task names
 * a known group and a form that exists, every form defines what the process reads from it, and the
 * decision tables give every possible project items of known departments inside the track's limit.
 */
class ProcessModelsTest {

  private static final Pattern IDENTIFIER = Pattern.compile("(?<!['\\w.])([A-Za-z_]\\w*)(?!\\s*\\()");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not",
      "and", "or", "eq", "ne", "lt", "gt", "le", "ge");

  /** What the process reads from each form after its task completes (delegates included). */
  private static final Map<String, Set<String>> READS = Map.ofEntries(
      Map.entry("approve-item", Set.of("outcome", "opinion")),
      Map.entry("supplement-item", Set.of("supplementNote")),
      Map.entry("coordinate-matter",
          Set.of("coordinationNote", "coordinationResult", "opinionDepartments")),
      Map.entry("give-opinion", Set.of("departmentOpinion")),
      Map.entry("prepare-meeting", Set.of("meetingDate")),
      Map.entry("record-minutes",
          Set.of("matterId", "decision", "responsibleUnit", "deadlineDays")),
      Map.entry("report-case", Set.of("report")),
      Map.entry("verify-case", Set.of("verification", "verificationNote")),
      Map.entry("propose-accountability", Set.of("accountabilityProposal")),
      Map.entry("approve-accountability", Set.of("accountabilityDecision", "accountabilityNote")),
      Map.entry("register-project", RegistrationValidator.FIELDS),
      Map.entry("load-holiday-schedule", Set.of("scheduleJson")),
      Map.entry("report-investment", Set.of("investment", "note")));

  static Set<String> groups;
  static List<BpmnModelInstance> models = new ArrayList<>();
  static Map<String, JsonNode> forms = new HashMap<>();
  static DmnEngine dmn;

  @BeforeAll
  static void load() throws IOException {
    groups = new IdentityCatalog().groups().stream().map(IdentityCatalog.GroupEntry::id)
        .collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        models.add(Bpmn.readModelFromFile(file.toFile()));
      }
    }
    var mapper = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        var form = mapper.readTree(file.toFile());
        forms.put(form.get("id").asText(), form);
        assertThat(file.getFileName().toString()).isEqualTo(form.get("id").asText() + ".form");
      }
    }
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  private static DmnDecision decision(String file, String key) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("bpmn", file))) {
      return dmn.parseDecision(key, in);
    }
  }

  private static Set<String> keys(JsonNode form) {
    Set<String> keys = new HashSet<>();
    form.findValues("key").forEach(k -> keys.add(k.asText()));
    form.findValues("path").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  private static JsonNode field(JsonNode form, String key) {
    for (var component : form.get("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no field " + key + " in form " + form.get("id"));
  }

  @Test
  void everyUserTaskNamesAKnownGroupAndAFormThatExists() throws IOException {
    var departments = departmentsInDecision();
    int tasks = 0;
    for (var model : models) {
      for (var task : model.getModelElementsByType(UserTask.class)) {
        tasks++;
        String where = task.getId() + " in " + model.getDefinitions().getId();
        String candidates = task.getCamundaCandidateGroups();
        assertThat(candidates).as("candidate groups of " + where).isNotBlank();
        for (String group : candidates.split(",")) {
          switch (group.strip()) {
            case "${itemGroups.section(execution)}" -> assertThat(departments).allSatisfy(
                d -> assertThat(groups).as("group of department " + d).contains("approval-" + d));
            case "${itemGroups.county(execution)}", "${investmentTasks.county(execution)}" ->
                assertThat(County.values()).allSatisfy(c -> assertThat(groups).contains(c.group()));
            // Checked where they are set: MinutesValidationListener (units),
            // RequestOpinionsDelegate (sections), WeeklyDecisions (a problem's unit),
            // ReportUnits (a ranked county or department).
            case "${caseGroups.responsibleUnit(execution)}", "${opinionGroup}",
                "${problemTasks.unit(execution)}", "${statementTasks.unit(execution)}" -> { }
            default -> assertThat(groups).as("group of " + where).contains(group.strip());
          }
        }
        assertThat(task.getCamundaFormRef()).as("form of " + where).isNotBlank();
        assertThat(forms).as("form of " + where).containsKey(task.getCamundaFormRef());
        assertThat(task.getCamundaFormRefBinding()).as(where).isEqualTo("deployment");
      }
      for (var start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(forms).containsKey(start.getCamundaFormRef());
          assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
        }
      }
    }
    assertThat(tasks).isGreaterThanOrEqualTo(10);
  }

  @Test
  void everyFormDefinesWhatTheProcessReadsFromIt() {
    for (var model : models) {
      for (var task : model.getModelElementsByType(UserTask.class)) {
        var form = forms.get(task.getCamundaFormRef());
        Set<String> reads = new HashSet<>(READS.getOrDefault(task.getCamundaFormRef(), Set.of()));
        // Whatever the gateway right after the task decides on comes from the form too.
        for (var flow : task.getOutgoing()) {
          if (flow.getTarget() instanceof ExclusiveGateway gateway) {
            for (var out : gateway.getOutgoing()) {
              if (out.getConditionExpression() == null) {
                continue; // a merging gateway
              }
              var matcher = IDENTIFIER.matcher(out.getConditionExpression().getTextContent()
                  .replaceAll("'[^']*'", "").replaceAll("[${}]", " "));
              while (matcher.find()) {
                if (!EL_WORDS.contains(matcher.group(1))) {
                  reads.add(matcher.group(1));
                }
              }
            }
          }
        }
        assertThat(keys(form)).as("fields of form " + task.getCamundaFormRef() + " for "
            + task.getId()).containsAll(reads);
      }
    }
    assertThat(keys(forms.get("register-project"))).containsAll(RegistrationValidator.FIELDS);
  }

  @Test
  void theApprovalFormOffersExactlyTheOutcomesTheProcessKnowsAndRequiresAnOpinion() {
    var form = forms.get("approve-item");
    var outcome = field(form, "outcome");
    Set<String> values = new HashSet<>();
    outcome.get("values").forEach(v -> values.add(v.get("value").asText()));
    assertThat(values).isEqualTo(ReviewOutcomeListener.OUTCOMES);
    assertThat(outcome.at("/validate/required").asBoolean()).isTrue();
    assertThat(field(form, "opinion").at("/validate/required").asBoolean()).isTrue();
    assertThat(field(forms.get("supplement-item"), "supplementNote").at("/validate/required")
        .asBoolean()).isTrue();
    assertThat(field(forms.get("coordinate-matter"), "coordinationNote").at("/validate/required")
        .asBoolean()).isTrue();
    for (String required : List.of("code", "name", "county", "landDelistedOn", "investment",
        "responsibleCadre", "chiefServiceOfficer", "contractingLeader")) {
      assertThat(field(forms.get("register-project"), required).at("/validate/required")
          .asBoolean()).as(required).isTrue();
    }
    Set<String> counties = new HashSet<>();
    field(forms.get("register-project"), "county").get("values")
        .forEach(v -> counties.add(v.get("value").asText()));
    assertThat(counties).isEqualTo(Stream.of(County.values()).map(County::code)
        .collect(Collectors.toSet()));
  }

  @Test
  void theTrackTableDecidesEveryCombination() throws IOException {
    var track = decision("approval-track.dmn", "approval-track");
    Map<String, String> expected = Map.of("false/false", "GENERAL:80", "false/true", "GENERAL:80",
        "true/false", "FTZ:50", "true/true", "FTZ_COMMITMENT:30");
    expected.forEach((inputs, result) -> {
      var parts = inputs.split("/");
      var out = dmn.evaluateDecisionTable(track, Variables.createVariables()
          .putValue("freeTradeZone", Boolean.parseBoolean(parts[0]))
          .putValue("commitmentSystem", Boolean.parseBoolean(parts[1]))).getSingleResult();
      assertThat(out.get("track") + ":" + out.get("limitWorkingDays")).isEqualTo(result);
    });
  }

  @Test
  void everyPossibleProjectGetsItemsOfKnownDepartmentsThatFitItsLimit() throws IOException {
    var items = decision("approval-items.dmn", "approval-items");
    Map<String, Integer> limits = Map.of("GENERAL", 80, "FTZ", 50, "FTZ_COMMITMENT", 30);
    int combinations = 0;
    for (var track : limits.keySet()) {
      for (int flags = 0; flags < 1 << 9; flags++) {
        combinations++;
        var variables = Variables.createVariables().putValue("track", track)
            .putValue("governmentInvested", (flags & 1) != 0)
            .putValue("annualEnergyTce", (flags & 2) != 0 ? 1000.0 : 0.0)
            .putValue("historicArea", (flags & 4) != 0)
            .putValue("forestLand", (flags & 8) != 0)
            .putValue("landAreaHectares", (flags & 16) != 0 ? 0.5 : 0.0)
            .putValue("hazardousGoods", (flags & 32) != 0)
            .putValue("civilAirDefence", (flags & 64) != 0)
            .putValue("roadWorks", (flags & 128) != 0)
            .putValue("specialEquipment", (flags & 256) != 0);
        var result = RequiredItem.fromDecision(dmn.evaluateDecisionTable(items, variables)
            .getResultList());
        assertThat(result).extracting(RequiredItem::itemCode).doesNotHaveDuplicates()
            .contains("zrzy-site", "zjj-drawings", "zjj-construction");
        Map<Integer, Integer> windows = new TreeMap<>();
        for (var item : result) {
          assertThat(groups).contains("approval-" + item.department());
          assertThat(item.stage()).isBetween(1, 3);
          assertThat(item.promisedDays()).isPositive();
          windows.merge(item.stage(), item.promisedDays(), Math::max);
        }
        int span = windows.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(span).as(track + " flags " + Integer.toBinaryString(flags))
            .isLessThanOrEqualTo(limits.get(track));
      }
    }
    assertThat(combinations).isEqualTo(3 * 512);
  }

  private static Set<String> departmentsInDecision() throws IOException {
    var text = Files.readString(Path.of("bpmn", "approval-items.dmn"));
    var matcher = Pattern.compile("<outputEntry id=\"rule\\d+Out2\"><text>&quot;(\\w+)&quot;")
        .matcher(text);
    Set<String> departments = new HashSet<>();
    while (matcher.find()) {
      departments.add(matcher.group(1));
    }
    assertThat(departments).hasSizeGreaterThanOrEqualTo(12);
    return departments;
  }
}
