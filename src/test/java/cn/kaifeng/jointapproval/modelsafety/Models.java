package cn.kaifeng.jointapproval.modelsafety;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Small models as Camunda Modeler saves them, and its way of deploying them. */
final class Models {

  private Models() {
  }

  /** A BPMN document with one executable process; {@code root} goes beside the process. */
  static String bpmn(String processId, String process, String root) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_%1$s" targetNamespace="http://kaifeng.cn/joint-approval/test">
          %3$s
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start" />
            %2$s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, process, root);
  }

  static String bpmn(String processId, String process) {
    return bpmn(processId, process, "");
  }

  /** A one-input decision table; {@code language} is written on its input expression. */
  static String dmn(String decisionId, String inputExpressionId, String language) {
    String attribute = language == null ? "" : " expressionLanguage=\"" + language + "\"";
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_%1$s" name="测试" namespace="http://kaifeng.cn/joint-approval/test">
          <decision id="%1$s" name="测试决策" camunda:historyTimeToLive="1">
            <decisionTable id="Table_%1$s">
              <input id="Input_%1$s">
                <inputExpression id="%2$s" typeRef="string"%3$s><text>track</text></inputExpression>
              </input>
              <output id="Output_%1$s" name="limit" typeRef="integer" />
              <rule id="Rule_%1$s">
                <inputEntry id="InputEntry_%1$s"><text>"GENERAL"</text></inputEntry>
                <outputEntry id="OutputEntry_%1$s"><text>80</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(decisionId, inputExpressionId, attribute);
  }

  /** POST /engine-rest/deployment/create as Camunda Modeler sends it, as the designer demo. */
  static ResponseEntity<JsonNode> deployAsModeler(TestRestTemplate rest, String fileName,
      String xml) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", fileName);
    form.add("deploy-changed-only", "false");
    form.add("deployment-source", "Camunda Modeler");
    form.add(fileName, new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("demo", "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(form, headers), JsonNode.class);
  }
}
