package cn.kaifeng.jointapproval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.report.Period;
import cn.kaifeng.jointapproval.report.ReportDrafts;
import cn.kaifeng.jointapproval.report.ReportRepository;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report page as the key projects office sees it, in a real (headless) Chromium: a month
 * published through its review task, its ranking charts and tables, and the login it needs.
 * Screenshots go to target/browser-screenshots/.
 */
class ReportBrowserIT {

  private static final Period MONTH = Period.parse("2026-11", "period");
  private static ConfigurableApplicationContext app;
  private static String base;
  private static long reportId;
  private static WebDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    app = BrowserTestSupport.startApplication("report-browser");
    base = BrowserTestSupport.baseUrl(app);
    var jdbc = app.getBean(JdbcClient.class);
    project(jdbc, "KF-RPT-1", "lankao", "SIGNED", true);
    project(jdbc, "KF-RPT-2", "qixian", "RESERVE", false);
    project(jdbc, "KF-RPT-3", "gulou", "LANDED", false);
    var drafts = app.getBean(ReportDrafts.class);
    reportId = new TransactionTemplate(app.getBean(
        org.springframework.transaction.PlatformTransactionManager.class))
        .execute(status -> drafts.open(MONTH, null, null));
    // The job executor computes the draft; the office publishes it from its task.
    var tasks = app.getBean(TaskService.class);
    var review = await(() -> tasks.createTaskQuery().processInstanceBusinessKey(MONTH.code())
        .taskDefinitionKey("reviewReport").singleResult());
    tasks.complete(review.getId(), Map.of("decision", "PUBLISH",
        "commentary", "兰考县签约世界500强项目，予以通报表扬。"));
    var reports = app.getBean(ReportRepository.class);
    await(() -> reports.currentPublished(MONTH.code()).orElse(null));
    await(() -> reports.find(reportId).filter(r -> r.published()).orElse(null));

    browser = BrowserTestSupport.chromium(1400, 1600);
    wait = BrowserTestSupport.waitFor(browser);
  }

  private static void project(JdbcClient jdbc, String code, String county, String node,
      boolean fortune500) {
    jdbc.sql("""
        insert into project (code, name, county, free_trade_zone, commitment_system,
          government_invested, investment, responsible_cadre, chief_service_officer,
          contracting_leader, historic_area, forest_land, hazardous_goods, civil_air_defence,
          road_works, special_equipment, annual_energy_tce, land_area_hectares, status, light,
          registered_by, registered_at, node, fortune500)
        values (:code, :name, :county, false, false, false, 52000, '王建国', :officer,
          'leader-1', false, false, false, false, false, false, 0, 0, 'APPROVING', 'GREEN',
          'keyoffice', :at, :node, :fortune500)""")
        .param("code", code).param("name", "通报项目" + code).param("county", county)
        .param("officer", "cso-" + county).param("at", Timestamp.from(Instant.now()))
        .param("node", node).param("fortune500", fortune500).update();
    jdbc.sql("""
        insert into project_node (project_code, node, reached_on, recorded_by, recorded_at)
        values (:code, :node, :on, 'keyoffice', :at)""")
        .param("code", code).param("node", node).param("on", LocalDate.parse("2026-11-05"))
        .param("at", Timestamp.from(Instant.now())).update();
  }

  private static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
    for (int i = 0; i < 120; i++) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out");
  }

  @AfterAll
  static void stop() {
    BrowserTestSupport.stop(browser, app);
  }

  private static void screenshot(String name) throws IOException {
    BrowserTestSupport.screenshot(browser, "report-" + name, true);
  }

  @Test
  void theOfficeOpensThePublishedReportWithItsRankingCharts() throws IOException {
    // Not logged in: the page sends the browser to the login.
    browser.get(base + "/board/reports/?id=" + reportId);
    wait.until(ExpectedConditions.urlContains("/camunda/app/welcome/"));

    browser.get(base + "/camunda/app/tasklist/default/");
    BrowserTestSupport.submitLogin(browser, wait, "keyoffice");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("input[type=password]")));

    browser.get(base + "/board/reports/?id=" + reportId);
    screenshot("loading");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"),
        "2026年11月重大项目推进考评通报（第 1 版）"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#countyChart svg")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#countyTable table")));
    screenshot("published");
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("已发布").contains("市重点办点评").contains("世界500强")
        .contains("县区排名").contains("市直部门排名").contains("兰考县").contains("500强企业签约")
        .contains("市发展和改革委员会");
    String firstRow = browser.findElement(By.cssSelector("#countyTable tbody tr"))
        .getText();
    assertThat(firstRow).startsWith("1 兰考县").contains("8.00").contains("前三");
    assertThat(browser.findElements(By.cssSelector("#countyChart svg path"))).isNotEmpty();
    assertThat(browser.findElement(By.id("excel")).getAttribute("href"))
        .endsWith("/api/reports/" + reportId + "/workbook");

    // A quarter is computed on request, on the same page.
    browser.get(base + "/board/reports/?period=2026-Q4");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meta"),
        "实时计算，未发布"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#countyTable table")));
    screenshot("quarter");
    assertThat(browser.findElement(By.id("title")).getText()).contains("2026年第四季度");
  }
}
