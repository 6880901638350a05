package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The shared Tasklist filters: who sees which, and what each lists. */
@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTest extends ApprovalTestSupport {

  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired TasklistFilterInitializer initializer;

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  private List<String> visibleFilters(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<Task> list(String user, String group, String filterName) {
    var id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    identityService.setAuthentication(user, List.of(group));
    try {
      return filterService.list(id);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void eachRoleSeesItsOwnFiltersCreatedOnce() {
    initializer.run(null);
    assertThat(filterService.createFilterQuery().count())
        .isEqualTo(TasklistFilterInitializer.FILTERS.size());
    assertThat(visibleFilters("officer-fgw", "approval-fgw"))
        .containsExactlyInAnyOrder("本科室待办", "我的任务", "即将到期", "已超期", "待办问题");
    assertThat(visibleFilters("cso-lankao", "county-lankao"))
        .containsExactlyInAnyOrder("本科室待办", "我的任务", "待补正", "待办问题");
    assertThat(visibleFilters("coordinator", "joint-review-platform"))
        .containsExactlyInAnyOrder("我的任务", "协调事项", "待办问题");
    assertThat(visibleFilters("keyoffice", "key-projects-office"))
        .containsExactlyInAnyOrder("我的任务", "问题交办", "考评通报", "待办问题");
    assertThat(visibleFilters("vicemayor", "executive-vice-mayor"))
        .containsExactlyInAnyOrder("我的任务", "会议议题");
    assertThat(visibleFilters("supervisor", "supervision-bureau"))
        .containsExactlyInAnyOrder("我的任务", "督办件");
    var filter = filterService.createFilterQuery().filterName("本科室待办").singleResult();
    assertThat(filter.getProperties().get("variables").toString())
        .contains("projectName", "projectCode", "countyName", "dueOn");
  }

  @Test
  void theSectionsListHoldsOnlyItsItemsEarliestDueFirstAndTheLightsFollowTheDates() {
    today(LocalDate.parse("2025-03-03"));
    var code = register(ProjectFixtures.body(ProjectFixtures.newCode("FLT"), "2025-03-03"))
        .code();
    var zrzy = list("officer-zrzy", "approval-zrzy", "本科室待办").stream()
        .filter(t -> code.equals(runtimeService.createProcessInstanceQuery()
            .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    assertThat(zrzy).hasSize(3).allSatisfy(t -> assertThat(
        taskService.getIdentityLinksForTask(t.getId())).anySatisfy(
            l -> assertThat(l.getGroupId()).isEqualTo("approval-zrzy")));
    assertThat(list("officer-zrzy", "approval-zrzy", "本科室待办"))
        .isSortedAccordingTo(Comparator.comparing(Task::getDueDate,
            Comparator.nullsLast(Comparator.naturalOrder())));

    var landTitle = review(code, "zrzy-land-title"); // 10 working days: yellow on day 8
    today(calendar.calendar().add(LocalDate.parse("2025-03-03"), 9));
    assertThat(list("officer-zrzy", "approval-zrzy", "即将到期")).extracting(Task::getId)
        .contains(landTitle.getId());
    assertThat(list("officer-zrzy", "approval-zrzy", "已超期")).extracting(Task::getId)
        .doesNotContain(landTitle.getId());
    today(calendar.calendar().add(LocalDate.parse("2025-03-03"), 11));
    assertThat(list("officer-zrzy", "approval-zrzy", "已超期")).extracting(Task::getId)
        .contains(landTitle.getId());

    complete(review(code, "sthj-eia"), Map.of("outcome", "RETURNED", "opinion", "补"));
    assertThat(list("cso-lankao", "county-lankao", "待补正")).extracting(Task::getName)
        .contains("补正材料：环境影响评价审批（兰考县智能家居产业园项目）");
  }
}
