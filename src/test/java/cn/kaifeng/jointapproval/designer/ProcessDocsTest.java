package cn.kaifeng.jointapproval.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every process and user task in {@code bpmn/} carries a Chinese documentation text (Modeler
 * shows it), and the build writes {@value #PAGE} from the models: every process, its tasks,
 * groups, forms and timers.
 */
class ProcessDocsTest {

  static final String PAGE = "target/process-docs/index.html";
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  static Map<String, BpmnModelInstance> models = new TreeMap<>();

  @BeforeAll
  static void load() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
      }
    }
  }

  @Test
  void everyProcessAndUserTaskIsDocumentedInChinese() {
    models.forEach((file, model) -> ProcessDocs.processes(model).forEach(process -> {
      assertThat(ProcessDocs.documentation(process)).as("documentation of " + process.getId()
          + " in " + file).containsPattern(CHINESE);
      for (var task : ProcessDocs.elements(process, UserTask.class)) {
        assertThat(ProcessDocs.documentation(task)).as("documentation of " + task.getId()
            + " in " + file).containsPattern(CHINESE);
      }
    }));
  }

  @Test
  void writesThePageOfEveryProcessItsTasksGroupsFormsAndTimers() throws IOException {
    String html = new ProcessDocs(new IdentityCatalog()).render(models);
    Path page = Path.of(PAGE);
    Files.createDirectories(page.getParent());
    Files.writeString(page, html, StandardCharsets.UTF_8);

    models.values().forEach(model -> ProcessDocs.processes(model).forEach(process -> {
      assertThat(html).contains("id=\"" + process.getId() + "\"");
      for (var task : ProcessDocs.elements(process, UserTask.class)) {
        assertThat(html).contains("<code>" + task.getId() + "</code>")
            .contains("<code>" + task.getCamundaFormRef() + "</code>");
      }
      for (var timer : ProcessDocs.elements(process, TimerEventDefinition.class)) {
        assertThat(html).contains("<code>" + ((org.camunda.bpm.model.bpmn.instance.BaseElement)
            timer.getParentElement()).getId() + "</code>");
      }
    }));
    // Groups by their Chinese names, next to their ids.
    assertThat(html).contains("市委市政府督查局<br><code>supervision-bureau</code>")
        .contains("<code>${itemGroups.section(execution)}</code>");
  }
}
