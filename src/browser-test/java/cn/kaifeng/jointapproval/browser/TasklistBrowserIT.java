package cn.kaifeng.jointapproval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What officers see, in a real (headless) Chromium: Tasklist in Chinese, the section's filter with
 * its items and due dates and nothing of another section, the Chinese form with its validation,
 * completing an item, and a county officer completing a supplement. Screenshots of every step go
 * to target/browser-screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserIT {

  private static ConfigurableApplicationContext app;
  private static String base;
  private static String code;
  private static WebDriver browser;
  private static WebDriverWait wait;
  private static int shot;

  @BeforeAll
  static void start() throws Exception {
    app = BrowserTestSupport.startApplication("browser");
    base = BrowserTestSupport.baseUrl(app);
    code = "KF-BROWSER-" + System.currentTimeMillis() % 100000;
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", "兰考县智能家居产业园项目");
    body.put("county", "lankao");
    body.put("landDelistedOn", ChinaTime.today().minusDays(1).toString());
    body.put("investment", 52000);
    body.put("responsibleCadre", "王建国");
    body.put("chiefServiceOfficer", "cso-lankao");
    body.put("contractingLeader", "leader-1");
    BrowserTestSupport.registerProject(base, body);
    // The job executor opens the first stage right after the registration commits.
    var tasks = app.getBean(org.camunda.bpm.engine.TaskService.class);
    long opened = System.currentTimeMillis() + 30_000;
    while (tasks.createTaskQuery().processInstanceBusinessKey(code).count() == 0
        && System.currentTimeMillis() < opened) {
      Thread.sleep(100);
    }
    browser = BrowserTestSupport.chromium(1400, 1000);
    wait = BrowserTestSupport.waitFor(browser);
  }

  @AfterAll
  static void stop() {
    BrowserTestSupport.stop(browser, app);
  }

  private static void screenshot(String name) throws IOException {
    BrowserTestSupport.screenshot(browser, String.format("%02d-%s", ++shot, name), true);
  }

  private static WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static void logIn(String user) throws IOException {
    browser.manage().deleteAllCookies();
    browser.get(base + "/camunda/app/tasklist/default/");
    visible(By.cssSelector("input[type=password]"));
    screenshot("login-" + user);
    BrowserTestSupport.submitLogin(browser, wait, user);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("input[type=password]")));
  }

  private static void openFilter(String name) {
    visible(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='" + name
        + "']")).click();
  }

  private static WebElement taskInList(String text) {
    return visible(By.xpath("//*[contains(@class,'tasks-list')]//a[contains(normalize-space(.),'"
        + text + "')]"));
  }

  @Test
  @Order(1)
  void anOfficerFindsTheSectionsItemWithItsDueDateAndNothingElse() throws IOException {
    logIn("officer-zrzy");
    visible(By.xpath("//*[contains(text(),'本科室待办')]"));
    openFilter("本科室待办");
    taskInList("用地预审与选址意见书（兰考县智能家居产业园项目）");
    screenshot("section-list");
    // The cards fold their columns away; textContent holds them all.
    String list = browser.findElement(By.cssSelector("[class*=tasks-list]"))
        .getAttribute("textContent");
    assertThat(list).contains("用地预审与选址意见书").contains("建设用地规划许可证");
    assertThat(list).doesNotContain("环境影响评价审批").doesNotContain("企业投资项目核准");
    // The page speaks Chinese: the filter names and Tasklist's own labels.
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("本科室待办").doesNotContain("Create Filter")
        .doesNotContain("Start process");
    // The due date column: the item's due date from its clock.
    var due = app.getBean(TaskService.class).createTaskQuery()
        .processInstanceBusinessKey(code).taskCandidateGroup("approval-zrzy")
        .taskNameLike("用地预审%").singleResult().getDueDate();
    assertThat(due).isNotNull();
    // The 办理期限 column of the filter shows the item's due date.
    assertThat(list).contains("办理期限").contains(ChinaTime.dateOf(due).toString());
  }

  @Test
  @Order(2)
  void theFormIsChineseRefusesAReturnWithoutAnOpinionAndCompletes() throws IOException {
    taskInList("用地预审与选址意见书（兰考县智能家居产业园项目）").click();
    visible(By.xpath("//label[contains(.,'办理结果')]"));
    visible(By.xpath("//label[contains(.,'审批意见')]"));
    screenshot("form");
    String form = browser.findElement(By.cssSelector(".fjs-container")).getText();
    assertThat(form).contains("准予许可").contains("退回补正").contains("兰考县智能家居产业园项目")
        .contains("一般项目").contains("兰考县").contains("办理期限");
    // Tasklist's own header shows the days left to the due date ("18 天后").
    assertThat(browser.findElement(By.tagName("body")).getText()).containsPattern("\\d+ 天后");

    claim();
    choose("退回补正");
    completeButton().click();
    visible(By.cssSelector(".fjs-form-field-error"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".fjs-form-field-error"), "此项为必填项"));
    screenshot("validation");
    // Tasklist also reports the refused submission; dismiss its notice.
    for (var close : browser.findElements(By.cssSelector(".alert .close, .alert button"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".alert-danger")));
    assertThat(taskInList("用地预审与选址意见书（兰考县智能家居产业园项目）")).isNotNull();

    // Attach a document in the 附件 tab, then go back to the form.
    Path document = Files.createTempFile("环评批复", ".pdf");
    Files.writeString(document, "%PDF-1.4 test");
    visible(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='附件']")).click();
    visible(By.cssSelector(".ja-attachment-form input[type=file]"))
        .sendKeys(document.toAbsolutePath().toString());
    browser.findElement(By.cssSelector(".ja-attachment-form input[name=description]"))
        .sendKeys("选址论证报告");
    browser.findElement(By.cssSelector(".ja-attachment-form button[type=submit]")).click();
    visible(By.xpath("//ul[contains(@class,'ja-attachment-list')]//a[contains(.,'环评批复')]"));
    screenshot("attachment");
    var attachments = app.getBean(TaskService.class).getTaskAttachments(
        app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(code)
            .taskNameLike("用地预审%").singleResult().getId());
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).getDescription()).isEqualTo("选址论证报告");
    visible(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='表单']")).click();
    choose("准予许可");
    browser.findElement(By.cssSelector(".fjs-container textarea")).sendKeys("材料齐全，准予许可");
    completeButton().click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'tasks-list')]//a[contains(.,'用地预审与选址意见书')]")));
    screenshot("completed");
  }

  /** Tasklist lets the assignee work a task: claim it first, as an officer does. */
  private static void claim() throws IOException {
    visible(By.cssSelector("[ng-click='claim()']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    screenshot("claimed");
  }

  private static void choose(String option) {
    visible(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(.,'" + option
        + "')]")).click();
  }

  private static WebElement completeButton() {
    var button = visible(By.xpath("//button[@type='submit' and (contains(.,'完成') or "
        + "contains(@class,'btn-primary'))]"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    return wait.until(ExpectedConditions.elementToBeClickable(button));
  }

  @Test
  @Order(3)
  void aCountyOfficerCompletesTheSupplement() throws Exception {
    // The environment section returns its item (through the REST API, as another officer).
    var taskService = app.getBean(TaskService.class);
    var eia = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskCandidateGroup("approval-sthj").singleResult();
    taskService.complete(eia.getId(), Map.of("outcome", "RETURNED",
        "opinion", "请补充环境影响报告书公众参与说明"));
    var deadline = System.currentTimeMillis() + 30_000;
    while (taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("supplementItem").count() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }

    logIn("cso-lankao");
    openFilter("待补正");
    taskInList("补正材料：环境影响评价审批").click();
    visible(By.xpath("//label[contains(.,'补正说明')]"));
    screenshot("supplement-form");
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("请补充环境影响报告书公众参与说明");
    // No claim: the supplement is assigned to the project's named chief service officer already.
    browser.findElement(By.cssSelector(".fjs-container textarea")).sendKeys("已补充公众参与说明");
    completeButton().click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'tasks-list')]//a[contains(.,'补正材料：环境影响评价审批')]")));
    screenshot("supplement-done");
  }

  @Test
  @Order(4)
  void cockpitAdminAndTheWelcomePageSpeakChineseToo() throws IOException {
    browser.manage().deleteAllCookies();
    browser.get(base + "/camunda/app/cockpit/default/");
    visible(By.cssSelector("input[type=password]"));
    browser.findElement(By.cssSelector("input[type=text], input[name=username]")).sendKeys("demo");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    visible(By.xpath("//*[contains(text(),'流程')]"));
    screenshot("cockpit");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .doesNotContain("Processes").doesNotContain("Decisions").doesNotContain("Dashboard");

    browser.get(base + "/camunda/app/admin/default/#/users");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户列表"));
    screenshot("admin");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .doesNotContain("Users").doesNotContain("Groups");

    browser.get(base + "/camunda/app/welcome/default/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Tasklist"));
    screenshot("welcome");
    String welcome = browser.findElement(By.tagName("body")).getText();
    // "Camunda Welcome" is the app's own name; its content is Chinese.
    assertThat(welcome).contains("应用").contains("个人资料").doesNotContain("Applications")
        .doesNotContain("Profile").doesNotContain("Links");
    assertThat(welcome.codePoints().filter(c -> c >= 0x4e00 && c <= 0x9fff).count())
        .isGreaterThan(10);
  }

  @Test
  @Order(5)
  void theVicemayorsOfficeRecordsTheMinutesInTheDynamicList() throws Exception {
    var taskService = app.getBean(TaskService.class);
    var management = app.getBean(org.camunda.bpm.engine.ManagementService.class);
    var runtime = app.getBean(org.camunda.bpm.engine.RuntimeService.class);
    // The planning section flags an item; the platform cannot solve it; the meeting collects it.
    var planning = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskNameLike("建设用地规划许可证%").singleResult();
    taskService.complete(planning.getId(), Map.of("outcome", "NEEDS_COORDINATION",
        "opinion", "规划条件需住建、人防共同研究"));
    var coordinate = waitForTask(taskService, "coordinate");
    var opener = management.createJobQuery().processDefinitionKey("vice-mayor-meeting").timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    management.executeJob(opener.getId());
    taskService.complete(coordinate.getId(), Map.of("coordinationNote", "三方意见不一致",
        "coordinationResult", "UNRESOLVED"));
    var meeting = runtime.createProcessInstanceQuery().processDefinitionKey("vice-mayor-meeting")
        .singleResult();
    long deadline = System.currentTimeMillis() + 30_000;
    while (management.createJobQuery().processInstanceId(meeting.getId()).activityId("agendaCloses")
        .count() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    // Wait until the matter is on the agenda, then close it.
    Thread.sleep(2000);
    management.executeJob(management.createJobQuery().processInstanceId(meeting.getId())
        .activityId("agendaCloses").singleResult().getId());
    var prepare = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
    taskService.complete(prepare.getId(), Map.of("meetingDate", ChinaTime.today().toString()));

    logIn("vicemayor");
    openFilter("会议议题");
    taskInList("记录联审联批会议纪要").click();
    claim();
    visible(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(.,'会议决定')]"));
    screenshot("minutes-form");
    // The list is filled from the agenda: the matter's title, reason and the platform's note.
    String values = String.join("|", browser.findElements(By.cssSelector(
        ".fjs-container input, .fjs-container textarea")).stream()
        .map(e -> e.getAttribute("value")).toList());
    assertThat(values).contains("兰考县智能家居产业园项目").contains("建设用地规划许可证")
        .contains("规划条件需住建、人防共同研究").contains("三方意见不一致");
    browser.findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(.,"
        + "'会议决定')]/following::textarea[1]")).sendKeys("由市住建局牵头，人防办配合，10个工作日内明确规划条件");
    // form-js draws its own select: open it and pick the unit.
    browser.findElement(By.xpath("//div[contains(@class,'fjs-container')]"
        + "//label[contains(.,'责任单位')]/following::*[contains(@class,'fjs-input-group')][1]"))
        .click();
    visible(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and "
        + "contains(.,'市住房和城乡建设局行政审批科')]")).click();
    screenshot("minutes-filled");
    completeButton().click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'tasks-list')]//a[contains(.,'记录联审联批会议纪要')]")));
    screenshot("minutes-recorded");
    deadline = System.currentTimeMillis() + 30_000;
    while (taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("carryOut").count() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    var carryOut = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("carryOut").singleResult();
    assertThat(carryOut).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(carryOut.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("approval-zjj"));
  }

  @Test
  @Order(6)
  void theKeyProjectsOfficeAssignsTheWeeksProblemsAndTheUnitFindsItsProblem() throws Exception {
    var taskService = app.getBean(TaskService.class);
    var management = app.getBean(org.camunda.bpm.engine.ManagementService.class);
    var problem = new HashMap<String, Object>();
    problem.put("projectCode", code);
    problem.put("category", "LAND");
    problem.put("description", "用地指标尚未落实，影响土地供应");
    problem.put("level", "CITY");
    problem.put("proposedUnit", "approval-zrzy");
    var raised = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/api/problems"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "keyoffice:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(problem)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
    // The week's list closes (the Thursday timer, fired now).
    var closes = management.createJobQuery().processDefinitionKey("weekly-assignment").timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    management.executeJob(closes.getId());

    logIn("keyoffice");
    openFilter("问题交办");
    taskInList("周交办").click();
    claim();
    visible(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(.,'处理方式')]"));
    String values = String.join("|", browser.findElements(By.cssSelector(
        ".fjs-container input, .fjs-container textarea")).stream()
        .map(e -> e.getAttribute("value")).toList());
    assertThat(values).contains("用地指标尚未落实").contains("兰考县智能家居产业园项目");
    screenshot("weekly-list");
    browser.findElement(By.xpath("//div[contains(@class,'fjs-container')]"
        + "//label[contains(.,'办理期限（工作日）')]/following::input[1]")).sendKeys("5");
    screenshot("weekly-list-filled");
    completeButton().click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'tasks-list')]//a[contains(.,'周交办')]")));
    screenshot("weekly-list-issued");
    var work = waitForTask(taskService, "workProblem");
    assertThat(taskService.getIdentityLinksForTask(work.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("approval-zrzy"));

    logIn("officer-zrzy");
    openFilter("待办问题");
    taskInList("办理问题").click();
    visible(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(.,'办理情况')]"));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("用地指标尚未落实").contains("办理期限");
    screenshot("problem-task");
  }

  private static org.camunda.bpm.engine.task.Task waitForTask(TaskService taskService, String key)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      var task = taskService.createTaskQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey(key).singleResult();
      if (task != null) {
        return task;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no task " + key);
  }
}
