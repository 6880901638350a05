package cn.kaifeng.jointapproval.deadline;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves what a process shows and waits for when a clock's dates move: the due and follow-up dates
 * of the user tasks and the timers of the process instance that owns the clock (the ledger says
 * which; a process instance owns at most one clock). A task without a due date (a supplement, a
 * verification) keeps having none. Timers are re-evaluated from their own expressions, so a
 * designer's timer definition stays the single source of when it fires.
 */
@Component
public class DeadlineRetimer {

  private static final Logger log = LoggerFactory.getLogger(DeadlineRetimer.class);

  private final TaskService taskService;
  private final ManagementService managementService;

  public DeadlineRetimer(TaskService taskService, ManagementService managementService) {
    this.taskService = taskService;
    this.managementService = managementService;
  }

  public void retime(Deadline deadline) {
    String processInstanceId = deadline.processInstanceId();
    if (processInstanceId == null) {
      return; // a planned item's clock: its process has not started yet
    }
    for (var task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (task.getDueDate() == null) {
        continue;
      }
      task.setDueDate(ChinaTime.endOf(deadline.dueOn()));
      if (task.getFollowUpDate() != null) {
        task.setFollowUpDate(ChinaTime.startOf(deadline.warnOn()));
      }
      taskService.saveTask(task);
      // The due date Tasklist's lists show is the task's own copy.
      taskService.setVariableLocal(task.getId(), "dueOn", deadline.dueOn().toString());
    }
    for (var job : managementService.createJobQuery().processInstanceId(processInstanceId)
        .timers().list()) {
      managementService.recalculateJobDuedate(job.getId(), false);
    }
    log.info("Re-timed process instance {} for deadline {}: due {}, warn {}",
        processInstanceId, deadline.id(), deadline.dueOn(), deadline.warnOn());
  }
}
