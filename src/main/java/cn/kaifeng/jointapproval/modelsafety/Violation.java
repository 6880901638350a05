package cn.kaifeng.jointapproval.modelsafety;

import org.camunda.bpm.engine.impl.util.xml.Element;

/** One thing a model may not do, at the nearest element that has an id (so Modeler can show it). */
record Violation(Element element, String reason) {

  String elementId() {
    String id = element.attribute("id");
    return id == null ? element.getTagName() : id;
  }

  /** For the designer: the element's id, then what is wrong, in Chinese. */
  String message() {
    return "元素 " + elementId() + "：" + reason;
  }
}
