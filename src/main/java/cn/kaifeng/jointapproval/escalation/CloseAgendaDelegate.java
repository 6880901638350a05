package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * 议程截止: the agenda is fixed. Sets {@code agendaSize} and the list {@code agenda} that the
 * minutes form repeats over: per matter its project, item, reason and the platform's note, with
 * empty decision fields for the meeting to fill in.
 */
@Component
public class CloseAgendaDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final ObjectMapper mapper = new ObjectMapper();
  private final cn.kaifeng.jointapproval.notify.Notifier notifier;
  private final java.util.Map<String, String> groupNames;

  public CloseAgendaDelegate(MatterRepository matters, ProjectRepository projects,
      ProjectItemRepository items, cn.kaifeng.jointapproval.notify.Notifier notifier,
      cn.kaifeng.jointapproval.identity.IdentityCatalog catalog) {
    this.notifier = notifier;
    this.groupNames = catalog.groupNames();
    this.matters = matters;
    this.projects = projects;
    this.items = items;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var agenda = matters.onAgendaOf(execution.getProcessInstanceId());
    ArrayNode list = mapper.createArrayNode();
    var units = new java.util.LinkedHashSet<String>();
    units.add("executive-vice-mayor");
    var lines = new StringBuilder();
    var linesHtml = new StringBuilder();
    for (var matter : agenda) {
      if (matter.aboutUnit()) {
        // A unit ranked last twice running answers for itself at the meeting.
        String title = AgendaMinutes.unitTitle(matter, groupNames);
        units.add(matter.unit());
        lines.append("· ").append(title).append('\n');
        linesHtml.append("<li>").append(org.springframework.web.util.HtmlUtils.htmlEscape(title,
            "UTF-8")).append("</li>\n");
        list.addObject()
            .put("matterId", matter.id())
            .put("title", title)
            .put("reason", matter.reason() == null ? "" : matter.reason())
            .put("coordinationNote", "")
            .put("decision", "")
            .put("responsibleUnit", matter.unit())
            .put("deadlineDays", 10);
        continue;
      }
      var project = projects.get(matter.projectCode());
      var item = matter.itemCode() == null ? null
          : items.get(matter.projectCode(), matter.itemCode());
      // A problem's matter has no item: its county answers by default.
      String unit = item == null ? project.county().group() : item.candidateGroup();
      units.add(unit);
      units.add(project.county().group());
      String title = project.name() + "（" + project.code() + "）· "
          + matter.subject(code -> item.name());
      lines.append("· ").append(title).append('\n');
      linesHtml.append("<li>").append(org.springframework.web.util.HtmlUtils.htmlEscape(title,
          "UTF-8")).append("</li>\n");
      list.addObject()
          .put("matterId", matter.id())
          .put("title", title)
          .put("reason", matter.reason() == null ? "" : matter.reason())
          .put("coordinationNote", matter.coordinationNote() == null ? ""
              : matter.coordinationNote())
          .put("decision", "")
          .put("responsibleUnit", unit)
          .put("deadlineDays", 10);
    }
    execution.setVariable("agendaSize", agenda.size());
    if (!agenda.isEmpty()) {
      notifier.toGroups("agenda-closed", units, java.util.Map.of(
          "agendaClosesOn", String.valueOf(execution.getVariable("agendaClosesOn")),
          "agendaSize", agenda.size(), "agendaItems", lines.toString(),
          "agendaItemsHtml", linesHtml.toString()));
    }
    execution.setVariable("agenda", SpinValues.jsonValue(list.toString()).create());
  }
}
