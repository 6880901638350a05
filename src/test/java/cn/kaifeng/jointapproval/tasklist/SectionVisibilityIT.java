package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.support.FirstStage;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nobody sees more with the faster task queries: over HTTP on PostgreSQL, an officer's Tasklist
 * filters (list and count), {@code /engine-rest/task} and {@code /engine-rest/history/task} return
 * their own section's tasks and nothing of another section's.
 */
@ExtendWith(SharedPostgres.class)
class SectionVisibilityIT {

  private static ConfigurableApplicationContext app;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start(SharedPostgres.Database database) {
    app = database.startApplication();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    var registration = app.getBean(ProjectRegistrationService.class);
    String today = LocalDate.now().minusDays(3).toString();
    FirstStage.open(app, registration.register(ProjectFixtures.everything(ProjectFixtures.body(
        ProjectFixtures.newCode("VIS"), today)), "keyoffice", List.of("key-projects-office")));
    var other = ProjectFixtures.body(ProjectFixtures.newCode("VIS"), today);
    other.put("county", "qixian");
    other.put("chiefServiceOfficer", "cso-qixian");
    FirstStage.open(app, registration.register(other, "keyoffice",
        List.of("key-projects-office")));
    // A finished task of each section, for the history.
    var tasks = app.getBean(TaskService.class);
    for (String section : List.of("approval-fgw", "approval-zrzy")) {
      Task task = tasks.createTaskQuery().taskCandidateGroup(section).list().get(0);
      tasks.complete(task.getId(), Map.of("outcome", "APPROVED", "opinion", "同意"));
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fgw", "zrzy", "sthj"})
  void anOfficerSeesOnlyTheirSectionsTasks(String section) throws Exception {
    String officer = "officer-" + section;
    String group = "approval-" + section;
    var tasks = app.getBean(TaskService.class);
    Set<String> ours = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
        .list().stream().map(Task::getId).collect(Collectors.toSet());
    assertThat(ours).isNotEmpty();
    assertThat(tasks.createTaskQuery().count()).isGreaterThan(ours.size());

    assertThat(ids(get(officer, "/engine-rest/task?maxResults=1000"))).isEqualTo(ours);
    assertThat(get(officer, "/engine-rest/task/count").get("count").asInt())
        .isEqualTo(ours.size());

    var filters = get(officer, "/engine-rest/filter?resourceType=Task");
    assertThat(filters.size()).isPositive();
    for (JsonNode filter : filters) {
      String id = filter.get("id").asText();
      var listed = ids(post(officer, "/engine-rest/filter/" + id + "/list?maxResults=1000"));
      assertThat(ours).as(filter.get("name").asText()).containsAll(listed);
      assertThat(get(officer, "/engine-rest/filter/" + id + "/count").get("count").asInt())
          .as(filter.get("name").asText() + " count").isEqualTo(listed.size());
      if (filter.get("name").asText().equals("本科室待办")) {
        assertThat(listed).isEqualTo(ours);
      }
    }

    var history = app.getBean(HistoryService.class);
    Set<String> ourHistory = history.createHistoricIdentityLinkLogQuery().groupId(group).list()
        .stream().map(HistoricIdentityLinkLog::getTaskId).collect(Collectors.toSet());
    var seen = ids(get(officer, "/engine-rest/history/task?maxResults=1000"));
    assertThat(ourHistory).containsAll(seen);
    assertThat(seen).containsAll(ours);
    if (!section.equals("sthj")) {
      assertThat(seen).as("finished tasks too").hasSizeGreaterThan(ours.size());
    }
  }

  private static Set<String> ids(JsonNode list) {
    Set<String> ids = new HashSet<>();
    list.forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  private static JsonNode get(String user, String path) throws Exception {
    return send(request(user, path).GET().build());
  }

  private static JsonNode post(String user, String path) throws Exception {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
  }

  private static HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode send(HttpRequest request) throws Exception {
    var reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(reply.statusCode()).as(request.uri() + ": " + reply.body()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }
}
