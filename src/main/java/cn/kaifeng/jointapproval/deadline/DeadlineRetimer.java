package cn.kaifeng.jointapproval.deadline;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves what a process shows and waits for when a clock's dates move: the due and follow-up dates
 * of the user tasks and the timers that see a variable {@code deadlineId} naming the clock. Timers are re-evaluated from their own expressions, so a designer's timer
 * definition stays the single source of when it fires.
 */
@Component
public class DeadlineRetimer {

  public static final String VARIABLE = "deadlineId";
  private static final Logger log = LoggerFactory.getLogger(DeadlineRetimer.class);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  public DeadlineRetimer(RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  public void retime(Deadline deadline) {
    var processInstanceIds = runtimeService.createVariableInstanceQuery()
        .variableValueEquals(VARIABLE, deadline.id())
        .list().stream()
        .map(variable -> variable.getProcessInstanceId())
        .distinct()
        .toList();
    for (String processInstanceId : processInstanceIds) {
      // The variable may sit on the task's own scope or on a parent: what counts is what the
      // task or timer sees.
      for (var task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
        if (deadline.id().equals(taskService.getVariable(task.getId(), VARIABLE))) {
          task.setDueDate(ChinaTime.endOf(deadline.dueOn()));
          task.setFollowUpDate(ChinaTime.startOf(deadline.warnOn()));
          taskService.saveTask(task);
          // The due date Tasklist's lists show is the task's own copy.
          taskService.setVariableLocal(task.getId(), "dueOn", deadline.dueOn().toString());
        }
      }
      for (var job : managementService.createJobQuery().processInstanceId(processInstanceId)
          .timers().list()) {
        if (deadline.id().equals(runtimeService.getVariable(job.getExecutionId(), VARIABLE))) {
          managementService.recalculateJobDuedate(job.getId(), false);
        }
      }
      log.info("Re-timed process instance {} for deadline {}: due {}, warn {}",
          processInstanceId, deadline.id(), deadline.dueOn(), deadline.warnOn());
    }
  }
}
