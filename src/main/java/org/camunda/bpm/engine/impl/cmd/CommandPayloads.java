package org.camunda.bpm.engine.impl.cmd;

import java.util.Map;

/**
 * Reads what a user sends with a task completion or a start-form submission. Camunda keeps these
 * fields protected and offers no getter; this class sits in the commands' package so that the
 * trust boundary (cn.kaifeng.jointapproval.trust) can read them without reflection, and a Camunda
 * upgrade that renames them fails the build instead of silently turning the check off.
 */
public final class CommandPayloads {

  private CommandPayloads() {
  }

  public static String taskId(CompleteTaskCmd command) {
    return command.taskId;
  }

  public static Map<String, Object> variables(CompleteTaskCmd command) {
    return command.variables;
  }

  public static String taskId(SubmitTaskFormCmd command) {
    return command.taskId;
  }

  public static Map<String, Object> variables(SubmitTaskFormCmd command) {
    return command.properties;
  }

  public static String processDefinitionId(SubmitStartFormCmd command) {
    return command.processDefinitionId;
  }

  public static String businessKey(SubmitStartFormCmd command) {
    return command.businessKey;
  }

  public static Map<String, Object> variables(SubmitStartFormCmd command) {
    return command.variables;
  }

  /** The user a task is to be assigned to ({@code null}: unassigned). */
  public static String assignee(AssignTaskCmd command) {
    return command.userId;
  }

  public static org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl instantiation(
      StartProcessInstanceCmd command) {
    return command.instantiationBuilder;
  }
}
