package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works an approval item's tasks, from the ledger: BPMN names the candidates as
 * {@code ${itemGroups.section(execution)}} (the item's approval section) and
 * {@code ${itemGroups.county(execution)}} (its project's county), not from variables that whoever
 * completes a task could write.
 */
@Component("itemGroups")
@ModelExpressionBean
public class ItemGroups {

  private final ProjectItemRepository items;
  private final ProjectRepository projects;

  public ItemGroups(ProjectItemRepository items, ProjectRepository projects) {
    this.items = items;
    this.projects = projects;
  }

  /** The approval section of the item bound to this process instance. */
  public String section(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    return items.get(item.projectCode(), item.itemCode()).candidateGroup();
  }

  /** The county group of the project of the item bound to this process instance. */
  public String county(DelegateExecution execution) {
    return projects.get(ItemRef.of(execution, items).projectCode()).county().group();
  }
}
