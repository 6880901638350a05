package cn.kaifeng.jointapproval.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The form-derived check on the shipped forms: what each accepts and what it names as wrong. */
class FormSubmissionValidatorTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final FormSubmissionValidator validator = new FormSubmissionValidator(mapper);

  private FormSchema form(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("forms", name + ".form"))) {
      return FormSchema.parse(in, mapper);
    }
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void theApprovalFormTakesItsTwoFieldsAndNothingElse() throws IOException {
    var form = form("approve-item");
    assertThat(form.fields()).containsOnlyKeys("outcome", "opinion");
    assertThat(validator.validate(form, Map.of("outcome", "APPROVED", "opinion", "同意"))).isEmpty();
    // Typed values as the REST API delivers them are the same thing.
    assertThat(validator.validate(form, Map.of("outcome", Variables.stringValue("RETURNED"),
        "opinion", Variables.stringValue("请补充材料")))).isEmpty();

    assertThat(fields(validator.validate(form, Map.of("outcome", "APPROVED", "opinion", "同意",
        "itemCode", "fgw-proposal", "candidateGroup", "approval-wlj"))))
        .containsExactlyInAnyOrder("itemCode", "candidateGroup");
    assertThat(fields(validator.validate(form, Map.of("outcome", "SIGNED", "opinion", 5))))
        .containsExactlyInAnyOrder("outcome", "opinion");
    assertThat(fields(validator.validate(form, Map.of()))).containsExactlyInAnyOrder("outcome",
        "opinion");
    assertThat(validator.validate(form, Map.of("outcome", "APPROVED", "opinion", "意".repeat(2000))))
        .isEmpty();
    var tooLong = validator.validate(form, Map.of("outcome", "APPROVED", "opinion",
        "意".repeat(2001)));
    assertThat(fields(tooLong)).containsExactly("opinion");
    assertThat(tooLong.get(0).message()).contains("2000");
  }

  @Test
  void aFieldHiddenOnAConditionMayBeMissingButNotWrong() throws IOException {
    var form = form("coordinate-matter");
    assertThat(validator.validate(form, Map.of("coordinationResult", "RESOLVED",
        "coordinationNote", "已协调"))).isEmpty();
    assertThat(validator.validate(form, Map.of("coordinationResult", "ASK_OPINIONS",
        "coordinationNote", "征求意见", "opinionDepartments", List.of("zrzy", "zjj")))).isEmpty();
    assertThat(fields(validator.validate(form, Map.of("coordinationResult", "ASK_OPINIONS",
        "coordinationNote", "征求意见", "opinionDepartments", List.of("zrzy", "cia")))))
        .containsExactly("opinionDepartments");
  }

  @Test
  void theMinutesRowsAreCheckedFieldByFieldWhateverTheirJsonForm() throws IOException {
    var form = form("record-minutes");
    Map<String, Object> row = new HashMap<>(Map.of("matterId", "M-1", "title", "议题",
        "decision", "由市住建局牵头办理", "responsibleUnit", "approval-zjj", "deadlineDays", 10));
    assertThat(validator.validate(form, Map.of("agenda", List.of(row)))).isEmpty();
    // Tasklist sends the list as JSON.
    assertThat(validator.validate(form, Map.of("agenda", Variables.serializedObjectValue(
        mapper.valueToTree(List.of(row)).toString()).serializationDataFormat("application/json")
        .create()))).isEmpty();

    row.put("responsibleUnit", "camunda-admin");
    row.put("deadlineDays", 999);
    row.put("projectCode", "KF-OTHER");
    assertThat(fields(validator.validate(form, Map.of("agenda", List.of(row)))))
        .containsExactlyInAnyOrder("agenda[0].responsibleUnit", "agenda[0].deadlineDays",
            "agenda[0].projectCode");
  }

  @Test
  void theRegistrationFormChecksKindsAndLimits() throws IOException {
    var form = form("register-project");
    Map<String, Object> registration = new HashMap<>(Map.of("code", "KF-1", "name", "项目",
        "county", "lankao", "landDelistedOn", "2026-11-02", "investment", 100.5,
        "responsibleCadre", "甲", "chiefServiceOfficer", "乙", "contractingLeader", "丙",
        "historicArea", true));
    assertThat(validator.validate(form, registration)).isEmpty();
    registration.put("code", "KF 1!");
    registration.put("investment", "很多");
    registration.put("landDelistedOn", "02.11.2026");
    registration.put("historicArea", "yes");
    assertThat(fields(validator.validate(form, registration))).containsExactlyInAnyOrder("code",
        "investment", "landDelistedOn", "historicArea");
  }
}
