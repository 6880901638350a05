package cn.kaifeng.jointapproval.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's two designer how-tos, done exactly as written: an approval item is one row in
 * {@code approval-items.dmn}; a department is one line in {@code identity/groups.csv} (this
 * context starts with it, see {@link DesignerChangesTestSupport}) and one row. Nothing else
 * changes, and after the start deployment the next registration gets the item in the section.
 */
class DesignerHowToTest extends DesignerChangesTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  @BeforeEach
  void setUp() {
    today(MONDAY);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void anApprovalItemIsOneRowInTheItemsTable() throws IOException {
    deployAsAtStart(Map.of("approval-items.dmn", withRow("zjj-drainage", "城镇污水排入排水管网许可",
        "zjj", 1, 10)));

    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("ROW"),
        MONDAY.toString()));

    var item = itemView(project.code(), "zjj-drainage");
    assertThat(item.name()).isEqualTo("城镇污水排入排水管网许可");
    assertThat(item.dueOn()).isEqualTo(addWorkingDays(MONDAY, 10));
    var task = review(project.code(), "zjj-drainage");
    assertThat(task).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("approval-zjj"));
    // The table's other items are there as before.
    assertThat(project.items()).extracting(i -> i.itemCode())
        .contains("zrzy-site", "zjj-drawings", "zjj-construction");
  }

  @Test
  void aDepartmentIsALineOfGroupDataAndOneRow() throws IOException {
    // The line in groups.csv made the group at start, with what every approval-* section may do.
    var group = identityService.createGroupQuery().groupId("approval-qxj").singleResult();
    assertThat(group.getName()).isEqualTo("市气象局行政审批科");
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("approval-qxj")
        .resourceType(Resources.APPLICATION).resourceId("tasklist")
        .hasPermission(Permissions.ACCESS).count()).isEqualTo(1);
    if (identityService.createUserQuery().userId("officer-qxj").count() == 0) {
      var officer = identityService.newUser("officer-qxj");
      officer.setFirstName("市气象局");
      officer.setLastName("审批员");
      officer.setPassword("officer-qxj-pw");
      identityService.saveUser(officer);
      identityService.createMembership("officer-qxj", "approval-qxj");
    }

    deployAsAtStart(Map.of("approval-items.dmn", withRow("qxj-lightning", "防雷装置设计审核",
        "qxj", 1, 10)));
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("DEPT"),
        MONDAY.toString()));

    var task = review(project.code(), "qxj-lightning");
    assertThat(task).isNotNull();
    assertThat(taskService.createTaskQuery().taskCandidateUser("officer-qxj")
        .processInstanceBusinessKey(project.code()).list())
        .extracting(t -> t.getId()).containsExactly(task.getId());
    approve(project.code(), "qxj-lightning");
    assertThat(itemView(project.code(), "qxj-lightning").status())
        .isEqualTo(cn.kaifeng.jointapproval.approval.ItemStatus.APPROVED);
  }

  /** approval-items.dmn with one more row for general-track projects, as the README shows it. */
  private static String withRow(String code, String name, String department, int stage,
      int days) throws IOException {
    String table = Files.readString(Path.of("bpmn", "approval-items.dmn"));
    StringBuilder row = new StringBuilder("      <rule id=\"rule" + code.replace("-", "") + "\">\n")
        .append("        <description>").append(name).append("；一般项目</description>\n")
        .append("        <inputEntry id=\"rule").append(code.replace("-", ""))
        .append("In0\"><text>&quot;GENERAL&quot;</text></inputEntry>\n");
    for (int column = 1; column < 10; column++) {
      row.append("        <inputEntry id=\"rule").append(code.replace("-", "")).append("In")
          .append(column).append("\"><text></text></inputEntry>\n");
    }
    String[] outputs = {"&quot;" + code + "&quot;", "&quot;" + name + "&quot;",
        "&quot;" + department + "&quot;", String.valueOf(stage), String.valueOf(days)};
    for (int column = 0; column < outputs.length; column++) {
      row.append("        <outputEntry id=\"rule").append(code.replace("-", "")).append("Out")
          .append(column).append("\"><text>").append(outputs[column])
          .append("</text></outputEntry>\n");
    }
    row.append("      </rule>\n");
    return table.replace("    </decisionTable>", row + "    </decisionTable>");
  }
}
