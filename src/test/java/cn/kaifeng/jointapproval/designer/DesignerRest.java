package cn.kaifeng.jointapproval.designer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** What Camunda Modeler and Cockpit send to /engine-rest, for the designer's tests. */
final class DesignerRest {

  private DesignerRest() {
  }

  /**
   * POST /engine-rest/deployment/create as Camunda Modeler's Deploy sends it: the diagram and the
   * files attached to it as parts named by their file names, the deployment's name and source.
   */
  static ResponseEntity<JsonNode> deployAsModeler(TestRestTemplate rest, String user,
      String password, String name, Map<String, String> files) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", name);
    form.add("deploy-changed-only", "false");
    form.add("deployment-source", "Camunda Modeler");
    files.forEach((fileName, content) -> form.add(fileName,
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return fileName;
          }
        }));
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(form, headers), JsonNode.class);
  }

  static <T> ResponseEntity<T> postJson(TestRestTemplate rest, String user, String password,
      String path, Object body, Class<T> type) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password).postForEntity(path, new HttpEntity<>(body, headers),
        type);
  }
}
