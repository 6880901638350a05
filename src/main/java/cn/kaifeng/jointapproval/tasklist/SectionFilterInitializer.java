package cn.kaifeng.jointapproval.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filter 本科室待办 once: the open tasks of the groups of whoever looks,
 * earliest due date first, with the project's facts as columns. Without a filter Tasklist shows
 * an officer an empty list.
 */
@Component
public class SectionFilterInitializer implements ApplicationRunner {

  public static final String NAME = "本科室待办";
  private static final Logger log = LoggerFactory.getLogger(SectionFilterInitializer.class);

  private final FilterService filterService;
  private final TaskService taskService;

  public SectionFilterInitializer(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (filterService.createFilterQuery().filterName(NAME).count() > 0) {
      return;
    }
    var query = taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .orderByDueDate().asc();
    var filter = filterService.newTaskFilter(NAME).setQuery(query).setProperties(Map.of(
        "description", "本科室的事项，按办理期限排序",
        "priority", -10,
        "refresh", true,
        "variables", List.of(
            Map.of("name", "projectName", "label", "项目"),
            Map.of("name", "projectCode", "label", "项目代码"),
            Map.of("name", "countyName", "label", "县区"),
            Map.of("name", "dueOn", "label", "办理期限"))));
    filterService.saveFilter(filter);
    log.info("Created Tasklist filter {}", NAME);
  }
}
