package cn.kaifeng.jointapproval.tasklist;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task, as it is created, its own copy of the facts Tasklist's lists show
 * (project, code, county, due date). An officer may read their task but not the process instance
 * behind it, and Tasklist's list columns only show variables the user may read.
 */
@Component
public class TaskColumnsPlugin extends AbstractProcessEnginePlugin {

  /** The list columns (see {@link TasklistFilterInitializer#VARIABLES}). */
  public static final List<String> COLUMNS = List.of("projectName", "projectCode", "countyName");

  static final TaskListener COPY_COLUMNS = TaskColumnsPlugin::copyColumns;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
            COPY_COLUMNS);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void copyColumns(DelegateTask task) {
    for (String column : COLUMNS) {
      Object value = task.getVariable(column);
      if (value != null) {
        task.setVariableLocal(column, value);
      }
    }
    if (task.getDueDate() != null) {
      task.setVariableLocal("dueOn", ChinaTime.dateOf(task.getDueDate()).toString());
    }
  }
}
