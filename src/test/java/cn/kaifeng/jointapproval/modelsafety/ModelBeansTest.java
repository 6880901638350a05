package cn.kaifeng.jointapproval.modelsafety;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.trust.TaskCompleterListener;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.impl.bpmn.listener.ClassDelegateExecutionListener;
import org.junit.jupiter.api.Test;

/** Which classes models may name and which beans expressions may see. */
class ModelBeansTest {

  @Test
  void aClassMustLieInTheProjectsPackage() {
    assertThat(ModelBeans.isProjectClass("cn.kaifeng.jointapproval.approval.ApproveItemDelegate"))
        .isTrue();
    assertThat(ModelBeans.isProjectClass("java.lang.Runtime")).isFalse();
    assertThat(ModelBeans.isProjectClass("cn.kaifeng.jointapprovalx.Evil")).isFalse();
    assertThat(ModelBeans.isProjectClass("cn.kaifeng.jointapproval")).isFalse();
    assertThat(ModelBeans.isProjectClass(null)).isFalse();
  }

  @Test
  void delegatesListenersAndMarkedHelpersOfTheProjectAreModelBeans() {
    assertThat(ModelBeans.isModelBean(TaskCompleterListener.class)).isTrue();
    assertThat(ModelBeans.isModelBean(DeadlineService.class)).isTrue();
    assertThat(ModelBeans.isModelBean(ProjectRepository.class)).as("not marked").isFalse();
    assertThat(ModelBeans.isModelBean(ClassDelegateExecutionListener.class))
        .as("a listener outside the project").isFalse();
  }
}
