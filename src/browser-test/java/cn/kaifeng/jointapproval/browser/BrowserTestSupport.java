package cn.kaifeng.jointapproval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every browser test needs once: the application on an in-memory database and a free port,
 * Debian's headless Chromium, projects registered over the public API, the webapps' login form,
 * and screenshots under target/browser-screenshots/.
 */
final class BrowserTestSupport {

  static final Path SHOTS = Path.of("target", "browser-screenshots");

  private BrowserTestSupport() {
  }

  /**
   * The application as it ships, on its own in-memory H2 database and a free port; with
   * {@code TESTS_DATABASE=postgres} on an embedded PostgreSQL instead (PostgresForUnitTests
   * replaces the {@code jdbc:h2:mem:test-} URL).
   */
  static ConfigurableApplicationContext startApplication(String database) throws IOException {
    Files.createDirectories(SHOTS);
    return new SpringApplicationBuilder(JointApprovalApplication.class)
        .run("--spring.datasource.url=jdbc:h2:mem:test-" + database + ";DB_CLOSE_DELAY=-1",
            "--server.port=0");
  }

  static String baseUrl(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  /**
   * Debian's Chromium, headless, in Chinese. The flags are the ones a root user in a container
   * needs (no sandbox, no /dev/shm).
   */
  static ChromeDriver chromium(int width, int height) {
    var options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--lang=zh-CN");
    var service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    return new ChromeDriver(service, options);
  }

  static WebDriverWait waitFor(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /** Registers a project as the key projects office does, through POST /api/projects. */
  static void registerProject(String base, Map<String, Object> body) throws Exception {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/api/projects"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "keyoffice:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  /** Fills the webapps' login form on the page the browser shows and submits it. */
  static void submitLogin(WebDriver browser, WebDriverWait wait, String user) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text], input[name=username]")).sendKeys(user);
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** A PNG of what the browser shows, and its page source when asked (to read a failure). */
  static void screenshot(WebDriver browser, String name, boolean withSource) throws IOException {
    var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
    if (withSource) {
      Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource());
    }
  }

  static void stop(WebDriver browser, ConfigurableApplicationContext app) {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }
}
