package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The Tasklist filter 本科室待办 shows an officer their section's items, earliest due first. */
@SpringBootTest
@ActiveProfiles("test")
class SectionFilterTest {

  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired ProjectRegistrationService registration;
  @Autowired SectionFilterInitializer initializer;

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  @Test
  void existsOnceAndListsTheSectionsItemsByDueDate() {
    initializer.run(null); // a second start creates no second filter
    var filters = filterService.createFilterQuery().filterName("本科室待办").list();
    assertThat(filters).hasSize(1);

    var code = ProjectFixtures.newCode("FLT");
    registration.register(ProjectFixtures.body(code, ChinaTime.today().minusDays(2).toString()),
        "keyoffice", List.of("key-projects-office"));

    identityService.setAuthentication("officer-zrzy", List.of("approval-zrzy"));
    List<Task> tasks = filterService.list(filters.get(0).getId());
    var mine = tasks.stream().filter(t -> t.getName().contains("兰考县智能家居产业园项目")).toList();
    assertThat(mine).isNotEmpty();
    assertThat(tasks).isSortedAccordingTo(
        java.util.Comparator.comparing(Task::getDueDate,
            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    assertThat(tasks).allSatisfy(t -> assertThat(t.getName()).doesNotContain("环境影响评价"));
  }
}
