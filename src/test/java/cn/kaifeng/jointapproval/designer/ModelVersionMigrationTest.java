package cn.kaifeng.jointapproval.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The README's "changing a model that runs": a designer deploys a changed approval-item exactly
 * as Camunda Modeler does; running items stay on their version, new registrations take the new
 * one, and the administrator moves the running items over with a migration plan, where they are
 * completed.
 */
class ModelVersionMigrationTest extends DesignerChangesTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
  static final String DESIGNER = "designer-migration";
  static final String PASSWORD = "designer-migration-pw";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @BeforeEach
  void setUp() {
    today(MONDAY);
    // A process designer and nothing else (README: what process designers can do).
    if (identityService.createUserQuery().userId(DESIGNER).count() == 0) {
      var user = identityService.newUser(DESIGNER);
      user.setFirstName("流程");
      user.setLastName("设计人员");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(DESIGNER, "process-designer");
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void runningItemsKeepTheirVersionUntilMigratedAndFinishOnTheNewOne() throws IOException {
    var running = register(ProjectFixtures.body(ProjectFixtures.newCode("MIG"),
        MONDAY.toString()));
    List<String> itemCodes = running.items().stream()
        .filter(i -> item(running.code(), i.itemCode()) != null)
        .map(i -> i.itemCode()).toList();
    assertThat(itemCodes).isNotEmpty();
    String oldVersion = item(running.code(), itemCodes.get(0)).getProcessDefinitionId();

    // The designer renames the approval step and deploys from Modeler, with the files the item
    // belongs with attached: the deployment binding finds called processes, forms and tables
    // in the same deployment.
    var deployed = DesignerRest.deployAsModeler(rest, DESIGNER, PASSWORD, "approval-item",
        approvalSet(Files.readString(Path.of("bpmn", "approval-item.bpmn"))
            .replace("name=\"事项办结\"", "name=\"事项办结（新版）\"")));
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    String newVersion = repositoryService.createProcessDefinitionQuery()
        .deploymentId(deployed.getBody().get("id").asText()).processDefinitionKey("approval-item")
        .singleResult().getId();
    assertThat(newVersion).isNotEqualTo(oldVersion);

    // Running items stay on their version; a new registration takes the new one.
    for (String code : itemCodes) {
      assertThat(item(running.code(), code).getProcessDefinitionId()).isEqualTo(oldVersion);
      assertThat(review(running.code(), code)).isNotNull();
    }
    var fresh = register(ProjectFixtures.body(ProjectFixtures.newCode("NEW"),
        MONDAY.toString()));
    assertThat(fresh.items()).filteredOn(i -> item(fresh.code(), i.itemCode()) != null)
        .isNotEmpty().allSatisfy(i -> assertThat(item(fresh.code(), i.itemCode())
            .getProcessDefinitionId()).isEqualTo(newVersion));

    // Moving instances is the administrator's (Cockpit or REST), not the designer's.
    var plan = DesignerRest.postJson(rest, "demo", "demo", "/engine-rest/migration/generate",
        Map.of("sourceProcessDefinitionId", oldVersion, "targetProcessDefinitionId", newVersion,
            "updateEventTriggers", true), JsonNode.class);
    assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(plan.getBody().get("instructions")).isNotEmpty();
    List<String> instances = itemCodes.stream().map(c -> item(running.code(), c))
        .map(ProcessInstance::getId).toList();
    var migration = Map.of("migrationPlan", plan.getBody(), "processInstanceIds", instances);
    assertThat(DesignerRest.postJson(rest, DESIGNER, PASSWORD, "/engine-rest/migration/execute",
        migration, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(item(running.code(), itemCodes.get(0)).getProcessDefinitionId())
        .isEqualTo(oldVersion);
    assertThat(DesignerRest.postJson(rest, "demo", "demo", "/engine-rest/migration/execute",
        migration, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // Migrated: same instances, tasks and clocks, the new version's steps from here on.
    for (String code : itemCodes) {
      var instance = item(running.code(), code);
      assertThat(instance.getProcessDefinitionId()).isEqualTo(newVersion);
      assertThat(timer(instance.getId(), "itemRed")).isNotNull();
      approve(running.code(), code);
      var approved = historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).activityId("approveItem").singleResult();
      assertThat(approved.getActivityName()).isEqualTo("事项办结（新版）");
      assertThat(approved.getProcessDefinitionId()).isEqualTo(newVersion);
      assertThat(item(running.code(), code)).isNull();
    }
    assertThat(itemView(running.code(), itemCodes.get(0)).status())
        .isEqualTo(cn.kaifeng.jointapproval.approval.ItemStatus.APPROVED);
  }

  /** approval-item.bpmn as given, with the models, tables and forms it is deployed with. */
  private static Map<String, String> approvalSet(String approvalItem) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("approval-item.bpmn", approvalItem);
    for (String model : List.of("joint-approval.bpmn", "coordination.bpmn",
        "approval-track.dmn", "approval-items.dmn")) {
      files.put(model, Files.readString(Path.of("bpmn", model)));
    }
    for (String form : List.of("register-project", "approve-item", "supplement-item",
        "coordinate-matter", "give-opinion")) {
      files.put(form + ".form", Files.readString(Path.of("forms", form + ".form")));
    }
    return files;
  }
}
