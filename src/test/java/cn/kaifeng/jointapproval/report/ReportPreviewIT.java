package cn.kaifeng.jointapproval.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A report that is not published is computed when it is read (the office's preview of a month,
 * anybody's quarter), on PostgreSQL over HTTP. The read runs in a read-only transaction, which
 * PostgreSQL enforces (H2 does not): computing the ranking must write nothing, not even the
 * decision history of the scoring table.
 */
@ExtendWith(SharedPostgres.class)
class ReportPreviewIT {

  private static ConfigurableApplicationContext app;
  private static String base;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  private final String lastMonth = YearMonth.from(ChinaTime.today()).minusMonths(1).toString();
  private final String quarter = ChinaTime.today().getYear() + "-Q"
      + ((ChinaTime.today().getMonthValue() - 1) / 3 + 1);

  @BeforeAll
  static void start(SharedPostgres.Database database) {
    app = database.startApplication();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theOfficeReadsTheMonthBeforeItIsPublished() throws IOException {
    var report = json.readTree(ok("keyoffice", "/api/reports?period=" + lastMonth).body());
    assertThat(report.get("status").asText()).isEqualTo(ReportView.PRELIMINARY);
    assertRanked(report);
  }

  @Test
  void aCountyReadsTheQuarterAsItStands() throws IOException {
    var report = json.readTree(ok("cso-lankao", "/api/reports?period=" + quarter).body());
    assertThat(report.get("status").asText()).isEqualTo(ReportView.PRELIMINARY);
    assertRanked(report);
  }

  @Test
  void theMonthsWorkbookIsComputedAsWell() {
    var response = ok("keyoffice", "/api/reports/workbook?period=" + lastMonth);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).contains("spreadsheetml"));
    // An .xlsx file is a zip archive.
    assertThat(response.body()).startsWith((byte) 'P', (byte) 'K');
  }

  @Test
  void readingAReportLeavesNoDecisionHistory() {
    var history = app.getBean(HistoryService.class);
    long before = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ScoringTable.DECISION).count();
    ok("keyoffice", "/api/reports?period=" + lastMonth);
    ok("cso-lankao", "/api/reports?period=" + quarter);
    assertThat(history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ScoringTable.DECISION).count()).isEqualTo(before);
  }

  private static void assertRanked(JsonNode report) {
    assertThat(report.get("counties")).isNotEmpty();
    assertThat(report.get("departments")).isNotEmpty();
    // The scoring table's weights reached the lines.
    assertThat(report.get("counties").get(0).get("scores")).isNotEmpty();
  }

  private static HttpResponse<byte[]> ok(String user, String path) {
    var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode())
          .as(path + " as " + user + ": " + new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      return response;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
