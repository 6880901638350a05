package cn.kaifeng.jointapproval.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The element templates Camunda Modeler offers for the models in {@code bpmn/}, by file. */
final class ElementTemplates {

  static final Path FOLDER = Path.of("bpmn", ".camunda", "element-templates");

  private ElementTemplates() {
  }

  /** File name → template; a file may hold one template or an array of them. */
  static Map<String, JsonNode> byFile() {
    var mapper = new ObjectMapper();
    Map<String, JsonNode> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(FOLDER)) {
      for (Path file : list.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        files.put(file.getFileName().toString(), mapper.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Template id → template, every template of every file. */
  static Map<String, JsonNode> byId() {
    Map<String, JsonNode> templates = new LinkedHashMap<>();
    for (JsonNode node : byFile().values()) {
      for (JsonNode template : node.isArray() ? node : java.util.List.of(node)) {
        templates.put(template.get("id").asText(), template);
      }
    }
    return templates;
  }
}
