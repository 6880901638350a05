package cn.kaifeng.jointapproval.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * A registration commits the project and leaves its first stage to a job; tests that run without
 * the job executor open it themselves (that job only: mails stay queued).
 */
public final class FirstStage {

  private FirstStage() {}

  public static void open(ApplicationContext app, String projectCode) {
    var runtime = app.getBean(RuntimeService.class);
    var management = app.getBean(ManagementService.class);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(projectCode)
        .processDefinitionKey("joint-approval").list()
        .forEach(instance -> management.createJobQuery().processInstanceId(instance.getId())
            .messages().list().forEach(job -> management.executeJob(job.getId())));
  }
}
