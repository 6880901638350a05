package cn.kaifeng.jointapproval.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail templates: for a name, {@code <name>.subject}, {@code <name>.txt} and {@code <name>.html}
 * with {@code ${key}} placeholders. Read at every use from {@code jointapproval.mail.templates-dir}
 * when the file is there (an operator's edit applies to the next mail), else from the shipped
 * {@code classpath:mail/}, which cannot change while the application runs and is read once; values
 * are HTML-escaped in the HTML part, except keys ending in {@code Html}, which are rendered escaped
 * already.
 */
@Component
public class MailTemplates {

  /** A rendered mail. */
  public record Rendered(String subject, String text, String html) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private final NotifyProperties properties;
  /** The shipped templates by file name, read from the jar at their first use. */
  private final Map<String, String> shipped = new ConcurrentHashMap<>();

  public MailTemplates(NotifyProperties properties) {
    this.properties = properties;
  }

  public Rendered render(String name, Map<String, ?> model) {
    return new Rendered(fill(read(name + ".subject"), model, false).strip(),
        fill(read(name + ".txt"), model, false), fill(read(name + ".html"), model, true));
  }

  private String read(String file) {
    try {
      if (!properties.templatesDir().isBlank()) {
        Path override = Path.of(properties.templatesDir(), file);
        if (Files.isRegularFile(override)) {
          return Files.readString(override, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mail template " + file, e);
    }
    return shipped.computeIfAbsent(file, MailTemplates::readShipped);
  }

  private static String readShipped(String file) {
    var resource = new ClassPathResource("mail/" + file);
    if (!resource.exists()) {
      throw new IllegalArgumentException("No mail template " + file);
    }
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mail template " + file, e);
    }
  }

  private static String fill(String template, Map<String, ?> model, boolean html) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1);
      Object value = model.get(key);
      String text = value == null ? "" : value.toString();
      if (html && !key.endsWith("Html")) {
        text = HtmlUtils.htmlEscape(text, "UTF-8");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
