package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The webapps speak Chinese: each app's config.js selects zh-CN, and zh-CN.json translates every
 * key of the English file that the webapp jar ships, with its placeholders intact.
 */
class WebappLocalesTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Set<String> NAMES = Set.of("Camunda", "Tasklist", "Cockpit", "Admin",
      "BPMN", "DMN", "CMMN", "Modeler", "JSON", "XML", "REST", "API", "URL", "FEEL", "HTML",
      "CSV", "Optimize", "SQL", "UUID", "JUEL", "LDAP", "CTRL", "null", "resolve", "yyyy", "ddTHH",
      "YYYY", "DDTHH");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

  private static JsonNode read(String path) throws IOException {
    // The shipped English file comes from the webjar; ours from the application's resources.
    var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + path);
    assertThat(resources).as(path).isNotEmpty();
    String text = resources[0].getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "");
    return new ObjectMapper().readTree(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyKeyIsTranslatedAndTheAppSpeaksChinese(String app) throws IOException {
    var config = new ClassPathResource(APP + app + "/scripts/config.js")
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(config).contains("availableLocales: ['zh-CN']").contains("fallbackLocale: 'zh-CN'");

    JsonNode en = read(APP + app + "/locales/en.json");
    JsonNode zh = read(APP + app + "/locales/zh-CN.json");
    List<String> problems = new ArrayList<>();
    Iterator<String> keys = en.get("labels").fieldNames();
    int count = 0;
    while (keys.hasNext()) {
      String key = keys.next();
      count++;
      String english = en.get("labels").get(key).asText();
      JsonNode translated = zh.get("labels").get(key);
      if (translated == null) {
        problems.add(key + ": missing");
        continue;
      }
      String chinese = translated.asText();
      if (!placeholders(english).equals(placeholders(chinese))) {
        problems.add(key + ": placeholders differ");
      }
      String words = PLACEHOLDER.matcher(chinese).replaceAll(" ").replaceAll("<[^>]*>", " ");
      boolean english3 = Pattern.compile("[A-Za-z]{3,}").matcher(words).results()
          .anyMatch(m -> !NAMES.contains(m.group()));
      boolean cjk = chinese.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff);
      if (english3 && !cjk) {
        problems.add(key + ": still English: " + chinese);
      }
    }
    assertThat(count).isPositive();
    assertThat(problems).as(app).isEmpty();
    if (en.has("dateLocales")) {
      assertThat(zh.at("/dateLocales/months/0").asText()).isEqualTo("一月");
    }
  }

  private static List<String> placeholders(String text) {
    return PLACEHOLDER.matcher(text).results().map(m -> m.group()).sorted().toList();
  }
}
