package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineIds;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记协调事项: records the matter and starts the platform's own working-day limit
 * ({@code jointapproval.escalation.coordination-limit-days}, default 3). Its project and item are
 * those the ledger bound to the calling {@code approval-item} process instance, not variables; the
 * facts the tasks and forms show are set from the ledger too.
 */
@Component
public class OpenMatterDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final EscalationProperties properties;
  private final Map<String, String> groupNames;

  public OpenMatterDelegate(MatterRepository matters, ProjectRepository projects,
      ProjectItemRepository items, DeadlineService deadlines, ProjectLedger ledger,
      EscalationProperties properties, IdentityCatalog catalog) {
    this.matters = matters;
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.properties = properties;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    var caller = execution.getSuperExecution();
    if (caller == null) {
      throw new ProcessEngineException("跨部门协调流程 " + processInstanceId + " 只能由审批事项办理流程调用");
    }
    var item = items.boundTo(caller.getProcessInstanceId()).orElseThrow(
        () -> new ProcessEngineException("调用跨部门协调的流程实例 " + caller.getProcessInstanceId()
            + " 没有绑定审批事项"));
    var project = projects.get(item.projectCode());
    // Set by the calling activity's model (REQUESTED or OVERDUE) and its reason text: no user
    // has had a task in this process instance yet.
    String origin = (String) execution.getVariable("origin");
    String reason = (String) execution.getVariable("coordinationReason");
    // The process instance id is unique and short enough; it also finds the process again.
    String matterId = Matter.idOf(processInstanceId);
    String clock = DeadlineIds.matter(matterId);
    var deadline = deadlines.open(clock, processInstanceId, ChinaTime.today(),
        properties.coordinationLimitDays());
    matters.insert(matterId, item.projectCode(), item.itemCode(), origin, reason, clock,
        ClockUtil.getCurrentTime().toInstant());
    execution.setVariable("matterId", matterId);
    execution.setVariable("projectCode", item.projectCode());
    execution.setVariable("itemCode", item.itemCode());
    execution.setVariable("projectName", project.name());
    execution.setVariable("itemName", item.name());
    execution.setVariable("departmentName",
        groupNames.getOrDefault(item.candidateGroup(), item.department()));
    execution.setVariable("coordinationDueOn", deadline.dueOn().toString());
    ledger.record(item.projectCode(), "MATTER_OPENED", item.itemCode(), null,
        "跨部门联审联批平台受理协调事项 " + matterId + "，应于 " + deadline.dueOn() + " 前协调完毕。"
            + (reason == null ? "" : reason));
  }
}
