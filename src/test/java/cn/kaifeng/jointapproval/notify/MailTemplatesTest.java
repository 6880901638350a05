package cn.kaifeng.jointapproval.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates render in Chinese, escape values in HTML, and an operator's file replaces ours. */
class MailTemplatesTest {

  private static MailTemplates templates(String dir) {
    return new MailTemplates(new NotifyProperties("from@example.org", "http://x/", dir, 3,
        Duration.ofMinutes(5), LocalTime.of(8, 30), 180, Duration.ofSeconds(40)));
  }

  @Test
  void rendersTheShippedTemplatesAndEscapesValuesInHtml() {
    var mail = templates("").render("item-yellow", Map.of("itemName", "<施工图>",
        "projectName", "A&B 项目", "dueOn", "2025-04-15", "departmentName", "市住房和城乡建设局行政审批科",
        "taskUrl", "http://x/#/?task=1"));
    assertThat(mail.subject()).isEqualTo("【联审联批·黄灯】<施工图>（A&B 项目）将于 2025-04-15 到期");
    assertThat(mail.text()).contains("“<施工图>”").contains("2025-04-15");
    assertThat(mail.html()).contains("&lt;施工图&gt;").contains("A&amp;B 项目")
        .doesNotContain("<施工图>");
  }

  @Test
  void thePastLimitMailToTheKeyProjectsOfficeFillsEveryPlaceholder() {
    var mail = templates("").render("item-past-limit", Map.of("projectName", "兰考县项目",
        "projectCode", "KF-1", "itemName", "施工图审查", "stage", "2", "promisedDays", "25",
        "dueOn", "2025-07-15", "projectDueOn", "2025-06-30", "limitWorkingDays", "80",
        "taskUrl", "http://x/"));
    assertThat(mail.subject()).isEqualTo("【联审联批·时限预警】兰考县项目：施工图审查的办理期限晚于项目时限");
    assertThat(mail.text()).contains("市重点项目办").contains("2025-07-15").contains("2025-06-30")
        .contains("承诺 25 个工作日").doesNotContain("${");
    assertThat(mail.html()).contains("第 2 阶段").doesNotContain("${");
  }

  @Test
  void anOperatorsFileReplacesOursWithoutABuild(@TempDir Path dir) throws Exception {
    var templates = templates(dir.toString());
    var before = templates.render("item-yellow", Map.of("itemName", "环评"));
    Files.writeString(dir.resolve("item-yellow.subject"), "请尽快办理：${itemName}");
    var mail = templates.render("item-yellow", Map.of("itemName", "环评"));
    assertThat(mail.subject()).isEqualTo("请尽快办理：环评");
    assertThat(mail.text()).contains("环评").isEqualTo(before.text()); // the other parts are ours
    // The running application takes an edit with its next mail, and a removed file brings ours back.
    Files.writeString(dir.resolve("item-yellow.subject"), "已改：${itemName}");
    assertThat(templates.render("item-yellow", Map.of("itemName", "环评")).subject())
        .isEqualTo("已改：环评");
    Files.delete(dir.resolve("item-yellow.subject"));
    assertThat(templates.render("item-yellow", Map.of("itemName", "环评")).subject())
        .isEqualTo(before.subject());
  }

  @Test
  void anUnknownTemplateIsAnError() {
    assertThatThrownBy(() -> templates("").render("no-such-mail", Map.of()))
        .hasMessageContaining("no-such-mail");
  }
}
