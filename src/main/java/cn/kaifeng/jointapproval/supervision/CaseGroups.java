package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.project.NamedOfficer;
import cn.kaifeng.jointapproval.project.ProjectRepository;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who carries out a supervision case, from the ledger: BPMN names the candidates as
 * {@code ${caseGroups.responsibleUnit(execution)}}, the unit the meeting decided on, not a
 * variable that whoever completes a task could write. When that unit is the project's own county,
 * its named chief service officer is the assignee ({@code ${caseGroups.chiefServiceOfficer(execution)}})
 * and the county group stays candidate, as for the county's approval tasks.
 */
@Component("caseGroups")
@ModelExpressionBean
public class CaseGroups {

  private final SupervisionCaseRepository cases;
  private final ProjectRepository projects;
  private final NamedOfficer namedOfficer;

  public CaseGroups(SupervisionCaseRepository cases, ProjectRepository projects,
      NamedOfficer namedOfficer) {
    this.cases = cases;
    this.projects = projects;
    this.namedOfficer = namedOfficer;
  }

  public String responsibleUnit(DelegateExecution execution) {
    return cases.get(SupervisionCase.idOf(execution.getProcessInstanceId())).responsibleUnit();
  }

  /**
   * The project's named chief service officer when the case falls to the project's county;
   * {@code null} (the group only) for any other unit, or when the ledger names nobody who is a
   * user of the county's group (a project registered before people were user ids).
   */
  public String chiefServiceOfficer(DelegateExecution execution) {
    var supervised = cases.get(SupervisionCase.idOf(execution.getProcessInstanceId()));
    var project = projects.get(supervised.projectCode());
    return namedOfficer.of(project, supervised.responsibleUnit());
  }
}
