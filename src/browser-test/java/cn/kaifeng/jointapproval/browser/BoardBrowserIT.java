package cn.kaifeng.jointapproval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The battle maps in a real (headless) Chromium: the welcome page's link after the webapps'
 * login, each map as the key projects office, a county, a leader and a section with what each
 * sees and does not see, a click from a count to its list and to a project, the targets set by
 * the office, PNG export, and the print stylesheet (A3 landscape) of a map. Screenshots go to
 * target/browser-screenshots/board-*.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardBrowserIT {

  private static final String LANKAO = "兰考县智能家居产业园项目";
  private static final String LANKAO_RESERVE = "兰考县新能源电池材料项目";
  private static final String QIXIAN = "杞县农产品精深加工项目";
  private static final String QIXIAN_SIGNED = "杞县冷链物流园项目";
  private static ConfigurableApplicationContext app;
  private static String base;
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static int shot;
  private static String suffix;

  @BeforeAll
  static void start() throws Exception {
    app = BrowserTestSupport.startApplication("board-browser");
    base = BrowserTestSupport.baseUrl(app);
    suffix = String.valueOf(System.currentTimeMillis() % 100000);
    var today = ChinaTime.today();
    register("KF-BL-" + suffix, LANKAO, "lankao", "leader-1", thisYear(today.minusDays(30)), true,
        null);
    register("KF-BR-" + suffix, LANKAO_RESERVE, "lankao", "leader-2", null, false, "RESERVE");
    register("KF-BQ-" + suffix, QIXIAN, "qixian", "leader-2", thisYear(today.minusDays(10)), false,
        null);
    register("KF-BS-" + suffix, QIXIAN_SIGNED, "qixian", "leader-3", null, false, "SIGNED");

    browser = BrowserTestSupport.chromium(1500, 1100);
    wait = BrowserTestSupport.waitFor(browser);
  }

  /** A past date of this year: the reserve map counts the nodes reached in the current year. */
  private static java.time.LocalDate thisYear(java.time.LocalDate date) {
    var first = ChinaTime.today().withDayOfYear(1);
    return date.isBefore(first) ? first : date;
  }

  private static void register(String code, String name, String county, String leader,
      java.time.LocalDate landed, boolean historicArea, String node) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", name);
    body.put("county", county);
    if (landed != null) {
      body.put("landDelistedOn", landed.toString());
    } else {
      body.put("node", node);
      body.put("nodeDate", thisYear(ChinaTime.today().minusDays(5)).toString());
      if ("SIGNED".equals(node)) {
        body.put("investor", "某冷链物流有限公司");
      }
    }
    body.put("investment", 52000);
    body.put("responsibleCadre", "王建国");
    body.put("chiefServiceOfficer", "cso-" + county);
    body.put("contractingLeader", leader);
    body.put("historicArea", historicArea);
    BrowserTestSupport.registerProject(base, body);
  }

  @AfterAll
  static void stop() {
    BrowserTestSupport.stop(browser, app);
  }

  private static void screenshot(String name) throws IOException {
    BrowserTestSupport.screenshot(browser, String.format("board-%02d-%s", ++shot, name), false);
  }

  private static WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static String text(By by) {
    return visible(by).getText();
  }

  /** Opens the maps as a visitor: sent to the webapps' login, logs in, follows the welcome link. */
  private static void logIn(String user) throws IOException {
    browser.manage().deleteAllCookies();
    browser.get(base + "/board/");
    wait.until(ExpectedConditions.urlContains("/camunda/app/welcome/"));
    BrowserTestSupport.submitLogin(browser, wait, user);
    visible(By.xpath("//a[contains(@href,'/board/')][contains(.,'挂图作战')]")).click();
    wait.until(ExpectedConditions.urlContains("/board/"));
    visible(By.id("county-lights"));
  }

  private static void open(String page) {
    browser.get(base + "/board/" + page);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  @Test
  @Order(1)
  void theOfficeSeesTheWholeCityAndClicksFromACountToTheListAndAProject() throws IOException {
    logIn("keyoffice");
    screenshot("office-overview");
    assertThat(text(By.cssSelector(".board-header nav"))).contains("全市总览")
        .contains("新开工项目联审联批图").contains("领导分包节点推进图").contains("储备项目落地计划图")
        .contains("月度通报");
    assertThat(visible(By.xpath("//nav/a[.='月度通报']")).getAttribute("href"))
        .endsWith("/board/reports/");
    assertThat(text(By.id("card-projects"))).contains("4");
    String counties = text(By.id("county-lights"));
    assertThat(counties).contains("兰考县").contains("杞县").contains("龙亭区");
    // The ECharts canvas is drawn and the chart's numbers are in a table too.
    assertThat(browser.findElements(By.cssSelector("#county-lights canvas"))).isNotEmpty();
    assertThat(js("return echarts.getInstanceByDom(document.querySelector('#county-lights .chart'))"
        + ".getDataURL({type: 'png'})").toString()).startsWith("data:image/png;base64,");

    // 兰考县, 绿灯: two projects, the landed one and the one in 谋划.
    var lankaoGreen = visible(By.xpath("//section[@id='county-lights']//tr[td[1]='兰考县']/td[2]/a"));
    assertThat(lankaoGreen.getText()).isEqualTo("2");
    lankaoGreen.click();
    wait.until(ExpectedConditions.urlContains("list.html"));
    visible(By.xpath("//table//a[contains(.,'KF-BL-')]"));
    screenshot("office-list");
    String list = text(By.cssSelector("table.data"));
    assertThat(list).contains(LANKAO).contains(LANKAO_RESERVE).doesNotContain(QIXIAN);
    assertThat(text(By.id("subtitle"))).contains("兰考县").contains("绿灯");
    assertThat(visible(By.id("excel")).getAttribute("href"))
        .contains("/api/board/projects.xlsx").contains("county=lankao");

    visible(By.xpath("//table//a[contains(.,'KF-BL-')]")).click();
    wait.until(ExpectedConditions.urlContains("project.html"));
    visible(By.cssSelector("ol.timeline li"));
    screenshot("office-project");
    assertThat(text(By.id("title"))).contains(LANKAO);
    assertThat(text(By.id("items"))).contains("文物考古勘探").contains("办理中");
    assertThat(text(By.id("history"))).contains("项目历史（时间线）");
    assertThat(browser.findElements(By.cssSelector("ol.timeline li")).size()).isGreaterThan(1);
  }

  @Test
  @Order(2)
  void theApprovalMapShowsEveryItemOnTheWorkingDayAxisAndPrintsOnA3Landscape()
      throws IOException {
    open("approvals.html?county=lankao");
    visible(By.id("projects-table"));
    visible(By.cssSelector("#chart-panel canvas"));
    screenshot("office-approvals");
    String table = text(By.id("projects-table"));
    assertThat(table).contains(LANKAO).contains("一般项目").doesNotContain(LANKAO_RESERVE);
    // Items per project, readable as a table.
    visible(By.xpath("//table[@id='projects-table']//summary")).click();
    assertThat(text(By.id("projects-table"))).contains("文物考古勘探").contains("市文化广电和旅游局");
    // Sorted by days left: the header sorts.
    visible(By.xpath("//table[@id='projects-table']//th[.='剩余工作日']")).click();

    // Print preview: the print stylesheet hides the navigation and the tools, keeps the chart.
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(js("return getComputedStyle(document.querySelector('header.board-header')).display"))
        .isEqualTo("none");
    assertThat(js("return getComputedStyle(document.querySelector('.tools')).display"))
        .isEqualTo("none");
    assertThat(js("return getComputedStyle(document.querySelector('#chart-panel .chart')).display"))
        .isEqualTo("block");
    screenshot("office-approvals-print");
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    // The page's own @page rule sets the paper: A3 landscape is 420 × 297 mm.
    var pdf = browser.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    Files.write(BrowserTestSupport.SHOTS.resolve("board-approvals-print.pdf"), bytes);
    String document = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(document).containsPattern("/MediaBox \\[0 0 119[01](\\.\\d+)? 84[12](\\.\\d+)?\\]");
  }

  @Test
  @Order(3)
  void theOfficeSetsTheCountiesTargetsOnTheReserveLandingPlanMap() throws IOException {
    open("reserve.html");
    visible(By.id("reserve-table"));
    visible(By.id("save-targets"));
    var reserveTarget = visible(By.cssSelector("input[name='lankao.RESERVE']"));
    reserveTarget.clear();
    reserveTarget.sendKeys("4");
    var landedTarget = browser.findElement(By.cssSelector("input[name='lankao.LANDED']"));
    landedTarget.clear();
    landedTarget.sendKeys("2");
    browser.findElement(By.id("save-targets")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("targets-message"),
        "已保存"));
    screenshot("office-reserve");
    String lankao = text(By.xpath("//table[@id='reserve-table']//tr[td[1]='兰考县']"));
    // 谋划 1 of 4 (25 %), 落地 1 of 2 (50 %).
    assertThat(lankao).contains("1 / 4").contains("25%").contains("1 / 2").contains("50%");
  }

  @Test
  @Order(4)
  void aCountySeesItsOwnProjectsOnly() throws IOException {
    logIn("cso-qixian");
    screenshot("county-overview");
    String counties = text(By.id("county-lights"));
    assertThat(counties).contains("杞县").doesNotContain("兰考县");
    assertThat(text(By.id("card-projects"))).contains("2");

    open("approvals.html");
    visible(By.id("projects-table"));
    screenshot("county-approvals");
    assertThat(browser.findElements(By.cssSelector("#county option"))).hasSize(1);
    assertThat(text(By.id("projects-table"))).contains(QIXIAN).doesNotContain(LANKAO);

    open("reserve.html");
    visible(By.id("reserve-table"));
    screenshot("county-reserve");
    assertThat(text(By.id("reserve-table"))).contains("杞县").doesNotContain("兰考县");
    assertThat(browser.findElements(By.id("save-targets"))).isEmpty();

    // Another county's project: refused by the server, said in Chinese.
    open("project.html?code=KF-BL-" + suffix);
    assertThat(text(By.cssSelector(".error"))).contains("无权查看");
    screenshot("county-refused");
  }

  @Test
  @Order(5)
  void aLeaderSeesTheProjectsTheyContract() throws IOException {
    logIn("leader-2");
    open("leaders.html");
    visible(By.id("leader-title"));
    visible(By.cssSelector("#leader canvas"));
    screenshot("leader-nodes");
    String summary = text(By.id("summary"));
    assertThat(summary).contains("leader-2").doesNotContain("leader-1").doesNotContain("leader-3");
    String projects = text(By.id("leader"));
    assertThat(projects).contains(LANKAO_RESERVE).contains(QIXIAN).doesNotContain(LANKAO)
        .doesNotContain(QIXIAN_SIGNED);
    assertThat(visible(By.id("excel")).getAttribute("href"))
        .contains("/api/board/leaders/projects.xlsx?leader=leader-2");
  }

  @Test
  @Order(6)
  void aSectionSeesTheProjectsWithItsItems() throws IOException {
    logIn("officer-wlj");
    screenshot("section-overview");
    // Only the Lankao project lies in the historic area: the cultural relics survey is its item.
    assertThat(text(By.id("card-projects"))).contains("1");
    open("approvals.html?county=lankao");
    visible(By.id("projects-table"));
    screenshot("section-approvals");
    assertThat(text(By.id("projects-table"))).contains(LANKAO);
    open("approvals.html?county=qixian");
    visible(By.id("empty"));
    assertThat(text(By.id("projects-table"))).doesNotContain(QIXIAN);
    open("leaders.html");
    visible(By.id("leader-title"));
    screenshot("section-leaders");
    assertThat(text(By.id("summary"))).contains("leader-1").doesNotContain("leader-2");
  }

  @Test
  @Order(7)
  void aVisitorWithoutLoginIsSentToTheLogin() {
    browser.manage().deleteAllCookies();
    for (var page : List.of("", "approvals.html", "leaders.html", "reserve.html")) {
      browser.get(base + "/board/" + page);
      wait.until(ExpectedConditions.urlContains("/camunda/app/welcome/"));
    }
  }
}
