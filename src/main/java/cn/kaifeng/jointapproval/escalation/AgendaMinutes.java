package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * A meeting's minutes read against its agenda in the ledger. The minutes form's list repeats the
 * agenda with read-only matter ids and titles, but a client can change those: only matters on this
 * meeting's agenda count, each exactly once, every one of them needs a decision, a responsible unit
 * (a department's section or a county) and a deadline of 1–250 working days, and titles, projects
 * and items come from the ledger. Anything else refuses the whole minutes, naming every entry.
 */
@Component
class AgendaMinutes {

  /** One decision of the meeting, on a matter of its agenda. */
  record Decision(Matter matter, String title, String decision, String responsibleUnit,
      int deadlineDays) {}

  private final MatterRepository matters;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final Set<String> units;
  private final java.util.Map<String, String> groupNames;

  AgendaMinutes(MatterRepository matters, ProjectRepository projects,
      ProjectItemRepository items, IdentityCatalog catalog) {
    this.matters = matters;
    this.projects = projects;
    this.items = items;
    this.groupNames = catalog.groupNames();
    this.units = catalog.groups().stream().map(IdentityCatalog.GroupEntry::id)
        .filter(g -> g.startsWith("approval-") || g.startsWith("county-"))
        .collect(Collectors.toSet());
  }

  /** The decisions of the minutes {@code agenda} of the meeting process instance {@code meetingId}. */
  List<Decision> read(String meetingId, Object agenda) {
    var onAgenda = new LinkedHashMap<String, Matter>();
    matters.onAgendaOf(meetingId).forEach(m -> onAgenda.put(m.id(), m));
    Set<String> seen = new HashSet<>();
    List<Decision> decisions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int position = 0;
    for (var entry : Minutes.read(agenda)) {
      position++;
      var matter = entry.matterId() == null ? null : onAgenda.get(entry.matterId());
      if (matter == null) {
        problems.add("第 " + position + " 项（" + entry.matterId() + "）：不是本次会议议程上的事项");
        continue;
      }
      String title = title(matter);
      if (!seen.add(matter.id())) {
        problems.add(title + "：重复记录了会议决定");
        continue;
      }
      int before = problems.size();
      if (entry.decision() == null || entry.decision().isBlank()) {
        problems.add(title + "：请填写会议决定");
      }
      if (entry.responsibleUnit() == null || !units.contains(entry.responsibleUnit())) {
        problems.add(title + "：责任单位须为审批科室或县区（收到 " + entry.responsibleUnit() + "）");
      }
      if (entry.deadlineDays() == null || entry.deadlineDays() < 1 || entry.deadlineDays() > 250) {
        problems.add(title + "：落实期限须为 1–250 个工作日");
      }
      if (problems.size() == before) {
        decisions.add(new Decision(matter, title, entry.decision(), entry.responsibleUnit(),
            entry.deadlineDays()));
      }
    }
    for (var matter : onAgenda.values()) {
      if (!seen.contains(matter.id())) {
        problems.add(title(matter) + "（" + matter.id() + "）：议程上的事项缺少会议决定");
      }
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("会议纪要有误：" + String.join("；", problems));
    }
    return decisions;
  }

  /** How the agenda and the minutes name a matter: project (code) · item, or the ranked unit. */
  String title(Matter matter) {
    if (matter.aboutUnit()) {
      return unitTitle(matter, groupNames);
    }
    var project = projects.get(matter.projectCode());
    return project.name() + "（" + project.code() + "）· "
        + matter.subject(code -> items.get(matter.projectCode(), code).name());
  }

  /** A ranking matter's title: the unit and why it is there. */
  static String unitTitle(Matter matter, java.util.Map<String, String> groupNames) {
    return groupNames.getOrDefault(matter.unit(), matter.unit()) + " · 连续两个月考评排名末位";
  }
}
