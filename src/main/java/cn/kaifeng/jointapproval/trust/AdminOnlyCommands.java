package cn.kaifeng.jointapproval.trust;

import java.util.Set;

/**
 * The engine commands that change running work behind a form's back: variable writes outside a
 * form submission, messages and signals, modification, migration, restart, suspension, deletion,
 * job and incident handling, external tasks and every batch. Only {@code camunda-admin} may send
 * them from outside; the processes' own steps still use them (they run inside a command already).
 * Camunda's authorizations cover some of these too; this list does not depend on how the grants
 * are set up.
 */
final class AdminOnlyCommands {

  /** Simple names of the command classes, or of a superclass they share. */
  private static final Set<String> NAMES = Set.of(
      // variables of tasks, executions and process instances, and their history
      "AbstractVariableCmd", "AbstractSetVariableCmd", "AbstractRemoveVariableCmd",
      "AbstractPatchVariablesCmd", "DeleteHistoricVariableInstanceCmd",
      "DeleteHistoricVariableInstancesByProcessInstanceIdCmd",
      // messages and signals
      "AbstractCorrelateMessageCmd", "CorrelateMessageCmd", "CorrelateAllMessageCmd",
      "MessageEventReceivedCmd", "SignalCmd", "SignalEventReceivedCmd",
      // starting somewhere other than the start event, modifying, migrating, restarting
      "StartProcessInstanceAtActivitiesCmd", "AbstractModificationCmd",
      "AbstractProcessInstanceModificationCommand", "AbstractInstanceCancellationCmd",
      "AbstractInstantiationCmd", "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
      "ProcessInstanceModificationCmd", "ProcessInstanceModificationBatchCmd",
      "AbstractRestartProcessInstanceCmd", "RestartProcessInstancesCmd",
      "SetProcessDefinitionVersionCmd",
      // suspension of anything
      "AbstractSetStateCmd", "AbstractUpdateProcessInstancesSuspendStateCmd",
      // deleting instances, history, deployments, definitions, the audit log, jobs and tasks
      "AbstractDeleteProcessInstanceCmd", "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd",
      "DeleteHistoricProcessInstancesCmd", "DeleteHistoricTaskInstanceCmd",
      "DeleteHistoricCaseInstanceCmd", "DeleteHistoricCaseInstancesBulkCmd",
      "DeleteHistoricDecisionInstancesBulkCmd", "DeleteHistoricDecisionInstanceByInstanceIdCmd",
      "DeleteHistoricDecisionInstanceByDefinitionIdCmd", "DeleteDeploymentCmd",
      "AbstractDeleteProcessDefinitionCmd", "DeleteUserOperationLogEntryCmd",
      "DeleteProcessInstanceCommentCmd", "DeleteJobCmd", "DeleteJobsCmd", "DeleteTaskCmd",
      "DeleteBatchCmd", "DeleteHistoricBatchCmd",
      // jobs and incidents
      "SetJobRetriesCmd", "AbstractSetJobsRetriesBatchCmd", "SetJobsRetriesBatchCmd",
      "SetJobDuedateCmd", "SetJobPriorityCmd", "SetJobDefinitionPriorityCmd",
      "RecalculateJobDuedateCmd", "ExecuteJobsCmd", "UnlockJobCmd", "CreateIncidentCmd",
      // a refused "execute job" must not count as a failed attempt of the job either
      "FailedJobListener", "FailedJobListenerCmd", "JobRetryCmd",
      "ResolveIncidentCmd", "SetAnnotationForIncidentCmd",
      // BPMN errors and escalations thrown from a task carry variables past the form
      "HandleTaskBpmnErrorCmd", "HandleTaskEscalationCmd",
      // who else may see or work a task
      "AbstractAddIdentityLinkCmd", "DeleteIdentityLinkCmd", "DeleteGroupIdentityLinkCmd",
      "DeleteUserIdentityLinkCmd", "AddIdentityLinkForProcessDefinitionCmd",
      "DeleteIdentityLinkForProcessDefinitionCmd",
      // external tasks (the models have none; nobody outside may complete one)
      "ExternalTaskCmd", "HandleExternalTaskCmd", "FetchExternalTasksCmd",
      "AbstractSetExternalTaskRetriesCmd", "SetExternalTaskPriorityCmd",
      // history clean-up and removal times
      "HistoryCleanupCmd", "SetRemovalTimeToHistoricBatchesCmd",
      "SetRemovalTimeToHistoricDecisionInstancesCmd",
      "SetRemovalTimeToHistoricProcessInstancesCmd",
      "UpdateProcessDefinitionHistoryTimeToLiveCmd",
      "UpdateDecisionDefinitionHistoryTimeToLiveCmd",
      "UpdateCaseDefinitionHistoryTimeToLiveCmd");

  /** Whole packages of commands that only change state. */
  private static final Set<String> PACKAGES = Set.of(
      "org.camunda.bpm.engine.impl.cmd.batch",
      "org.camunda.bpm.engine.impl.batch",
      "org.camunda.bpm.engine.impl.migration",
      "org.camunda.bpm.engine.impl.cmd.optimize");

  private AdminOnlyCommands() {
  }

  static boolean contains(Object command) {
    Class<?> type = command.getClass();
    String packageName = type.getPackageName();
    for (String prefix : PACKAGES) {
      if (packageName.startsWith(prefix)) {
        return true;
      }
    }
    // CMMN is not used; only its read commands may pass.
    if (packageName.startsWith("org.camunda.bpm.engine.impl.cmmn.cmd")
        && !type.getSimpleName().startsWith("Get")) {
      return true;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (NAMES.contains(c.getSimpleName())) {
        return true;
      }
    }
    return false;
  }
}
