package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import cn.kaifeng.jointapproval.project.NamedOfficer;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works an approval item's tasks, from the ledger: BPMN names the candidates as
 * {@code ${itemGroups.section(execution)}} (the item's approval section) and
 * {@code ${itemGroups.county(execution)}} (its project's county) and the assignee of the county's
 * tasks as {@code ${itemGroups.chiefServiceOfficer(execution)}} (the project's named chief service
 * officer), not from variables that whoever completes a task could write.
 */
@Component("itemGroups")
@ModelExpressionBean
public class ItemGroups {

  private final ProjectItemRepository items;
  private final ProjectRepository projects;
  private final NamedOfficer namedOfficer;

  public ItemGroups(ProjectItemRepository items, ProjectRepository projects,
      NamedOfficer namedOfficer) {
    this.items = items;
    this.projects = projects;
    this.namedOfficer = namedOfficer;
  }

  /** The approval section of the item bound to this process instance. */
  public String section(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    // The bound row itself: an item's section never changes.
    return BoundItems.of(processInstanceId, items).orElseThrow(() -> new ProcessEngineException(
        "流程实例 " + processInstanceId + " 没有绑定审批事项")).candidateGroup();
  }

  /** The county group of the project of the item bound to this process instance. */
  public String county(DelegateExecution execution) {
    return projects.get(ItemRef.of(execution, items).projectCode()).county().group();
  }

  /**
   * The named chief service officer of the project of the item bound to this process instance, as
   * the assignee of the county's tasks ({@code ${itemGroups.chiefServiceOfficer(execution)}}):
   * that person gets the task, and the county group stays candidate so that a colleague can take
   * it over. {@code null} (no assignee, the county group as before) when the ledger names nobody
   * who is a user of the county's group: a project registered before people were user ids.
   */
  public String chiefServiceOfficer(DelegateExecution execution) {
    var project = projects.get(ItemRef.of(execution, items).projectCode());
    return namedOfficer.of(project, project.county().group());
  }
}
