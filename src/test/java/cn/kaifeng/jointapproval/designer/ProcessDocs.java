package cn.kaifeng.jointapproval.designer;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a designer or an officer reads to see what the models do: every process with its
 * documentation, its user tasks (group, assignee, form, due dates), its timers, service steps
 * and called processes, all read from the models in {@code bpmn/}.
 */
final class ProcessDocs {

  private final Map<String, String> groupNames;

  ProcessDocs(IdentityCatalog catalog) {
    this.groupNames = catalog.groupNames();
  }

  /** The page, models in the given order. */
  String render(Map<String, BpmnModelInstance> modelsByFile) {
    var page = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="UTF-8">
        <title>流程说明 · 开封市重大项目联审联批</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; }
        table { border-collapse: collapse; margin-bottom: 1.5em; }
        th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        code { font-size: 90%; }
        </style>
        </head>
        <body>
        <h1>流程说明</h1>
        <p>由 <code>bpmn/</code> 中的模型在构建时生成（<code>./mvnw verify</code>）。</p>
        <ul>
        """);
    modelsByFile.forEach((file, model) -> processes(model).forEach(p -> page.append(
        "<li><a href=\"#%s\">%s</a>（<code>%s</code>）</li>\n".formatted(esc(p.getId()),
            esc(p.getName()), esc(file)))));
    page.append("</ul>\n");
    modelsByFile.forEach((file, model) -> processes(model).forEach(p -> process(page, file, p)));
    return page.append("</body>\n</html>\n").toString();
  }

  private void process(StringBuilder page, String file, Process process) {
    page.append("<h2 id=\"%s\">%s <code>%s</code></h2>\n".formatted(esc(process.getId()),
        esc(process.getName()), esc(process.getId())));
    page.append("<p>%s</p>\n".formatted(esc(documentation(process))));
    page.append("<p>文件 <code>bpmn/%s</code>；历史保留 %s 天</p>\n".formatted(esc(file),
        esc(String.valueOf(process.getCamundaHistoryTimeToLiveString()))));

    var tasks = elements(process, UserTask.class);
    page.append("<h3>用户任务</h3>\n");
    if (tasks.isEmpty()) {
      page.append("<p>无</p>\n");
    } else {
      page.append("<table><tr><th>任务</th><th>说明</th><th>候选组</th><th>办理人</th>"
          + "<th>表单</th><th>到期日 / 跟进日</th></tr>\n");
      for (var task : tasks) {
        page.append("<tr><td>%s<br><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td>"
            .formatted(esc(task.getName()), esc(task.getId()), esc(documentation(task)),
                groups(task.getCamundaCandidateGroups()), code(task.getCamundaAssignee())))
            .append("<td>%s</td><td>%s<br>%s</td></tr>\n".formatted(
                code(task.getCamundaFormRef()), code(task.getCamundaDueDate()),
                code(task.getCamundaFollowUpDate())));
      }
      page.append("</table>\n");
    }

    var timers = elements(process, TimerEventDefinition.class);
    page.append("<h3>计时器</h3>\n");
    if (timers.isEmpty()) {
      page.append("<p>无</p>\n");
    } else {
      page.append("<table><tr><th>事件</th><th>位置</th><th>时间</th></tr>\n");
      for (var timer : timers) {
        var event = (FlowElement) timer.getParentElement();
        String where = event instanceof BoundaryEvent boundary
            ? "附在“" + boundary.getAttachedTo().getName() + "”上"
                + (boundary.cancelActivity() ? "（中断）" : "（不中断）")
            : event instanceof StartEvent ? "开始事件" : "中间事件";
        page.append("<tr><td>%s<br><code>%s</code></td><td>%s</td><td>%s</td></tr>\n".formatted(
            esc(event.getName()), esc(event.getId()), esc(where), code(when(timer))));
      }
      page.append("</table>\n");
    }

    page.append("<h3>自动步骤与调用的流程</h3>\n<ul>\n");
    for (var service : elements(process, ServiceTask.class)) {
      page.append("<li>%s：<code>%s</code></li>\n".formatted(esc(service.getName()),
          esc(service.getCamundaDelegateExpression())));
    }
    for (var call : elements(process, CallActivity.class)) {
      page.append("<li>%s：调用 <a href=\"#%s\"><code>%s</code></a></li>\n".formatted(
          esc(call.getName()), esc(call.getCalledElement()), esc(call.getCalledElement())));
    }
    page.append("</ul>\n");
  }

  static Collection<Process> processes(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class);
  }

  /** The elements of a type inside the process, in document order. */
  static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<T> elements(
      Process process, Class<T> type) {
    return process.getModelInstance().getModelElementsByType(type).stream()
        .filter(e -> inside(process, e)).toList();
  }

  private static boolean inside(Process process,
      org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
    for (var e = element.getParentElement(); e != null; e = e.getParentElement()) {
      if (e == process) {
        return true;
      }
    }
    return false;
  }

  static String documentation(BaseElement element) {
    return element.getChildElementsByType(Documentation.class).stream()
        .map(Documentation::getTextContent).map(String::strip).collect(Collectors.joining(" "));
  }

  private static String when(TimerEventDefinition timer) {
    if (timer.getTimeDate() != null) {
      return "日期 " + timer.getTimeDate().getTextContent();
    }
    if (timer.getTimeCycle() != null) {
      return "周期 " + timer.getTimeCycle().getTextContent();
    }
    return timer.getTimeDuration() == null ? "" : "时长 " + timer.getTimeDuration().getTextContent();
  }

  private String groups(String candidates) {
    if (candidates == null || candidates.isBlank()) {
      return "";
    }
    return java.util.Arrays.stream(candidates.split(","))
        .map(String::strip)
        .map(g -> groupNames.containsKey(g) ? esc(groupNames.get(g)) + "<br>" + code(g) : code(g))
        .collect(Collectors.joining("<br>"));
  }

  private static String code(String text) {
    return text == null || text.isBlank() ? "" : "<code>" + esc(text) + "</code>";
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
