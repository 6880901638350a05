package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Binds a starting {@code approval-item} process instance to its item in the ledger, with the
 * item's clock: every later step finds the item by its own process instance id. Which item it is
 * comes from the calling joint approval instance (its project, by the ledger) and the item code its
 * stage's multi-instance loop set on the calling execution, both written by the engine. The item
 * must belong to that project, be in the stage under way, not be approved, and not be handled by
 * another running instance.
 */
@Component
class ItemBinding {

  private static final Logger log = LoggerFactory.getLogger(ItemBinding.class);

  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;

  ItemBinding(ProjectRepository projects, ProjectItemRepository items,
      DeadlineService deadlines) {
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
  }

  Bound bind(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    var caller = execution.getSuperExecution();
    if (caller == null) {
      throw refused(processInstanceId, "审批事项办理流程只能由重大项目联审联批流程按阶段调用");
    }
    var project = projects.ofProcessInstance(caller.getProcessInstanceId()).orElseThrow(
        () -> refused(processInstanceId, "调用它的流程实例 " + caller.getProcessInstanceId()
            + " 不是已登记项目的联审联批流程"));
    // The loop's element variable: local to the caller's own execution, found before any other.
    if (!(caller.getVariable("itemCode") instanceof String itemCode)) {
      throw refused(processInstanceId, "调用方没有给出事项代码");
    }
    var item = items.find(project.code(), itemCode).orElseThrow(
        () -> refused(processInstanceId, "项目 " + project.code() + " 没有审批事项 " + itemCode));
    if (item.status() == ItemStatus.APPROVED) {
      throw refused(processInstanceId, item.name() + "已办结");
    }
    int stage = items.currentStage(project.code());
    if (item.stage() != stage) {
      throw refused(processInstanceId, item.name() + "属于第 " + item.stage() + " 阶段，当前办理第 "
          + stage + " 阶段");
    }
    String previous = item.processInstanceId();
    if (previous != null && !previous.equals(processInstanceId) && running(execution, previous)) {
      throw refused(processInstanceId, item.name() + "已由流程实例 " + previous + " 办理");
    }
    if (!items.bind(project.code(), itemCode, processInstanceId, previous)) {
      throw refused(processInstanceId, item.name() + "同时被另一流程实例办理");
    }
    deadlines.own(item.deadlineId(), processInstanceId);
    if (previous != null && !previous.equals(processInstanceId)) {
      log.warn("Item {}/{} moved from ended process instance {} to {}", project.code(), itemCode,
          previous, processInstanceId);
    }
    return new Bound(project, item);
  }

  /** The calling project as read from its row, and the item this instance now works. */
  record Bound(Project project, ProjectItem item) {}

  private static boolean running(DelegateExecution execution, String processInstanceId) {
    return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() > 0;
  }

  private static ProcessEngineException refused(String processInstanceId, String why) {
    return new ProcessEngineException("审批事项办理流程 " + processInstanceId + " 不能开始：" + why);
  }
}
