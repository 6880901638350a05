package cn.kaifeng.jointapproval.modelsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the deploy-time check reads in an expression, without an application around it. */
class ExpressionInspectorTest {

  /** Beans of the application that models may not name; every other name is a variable here. */
  private final ExpressionInspector inspector = new ExpressionInspector(
      Set.of("identityService", "dataSource", "runtimeService", "now")::contains);

  @ParameterizedTest
  @ValueSource(strings = {
      "${deadlines.dueAt(deadlineId)}",
      "${deadlines.dueAt(execution)}",
      "${projectItems.codesInStage(projectCode, 1)}",
      "#{execution.processBusinessKey}",
      "${agendaSize > 0}",
      "${!autoEscalated}",
      "${task.name}：${projectName}",
      "approval-${candidateGroup}",
      "${outcome == 'identityService'}",
      "${execution.getVariable(\"dataSource\")}",
      "${now()}",
      "${amount * 1e3 >= limit.max}",
      "identityService.getClass() outside an expression"})
  void allowsTheProjectsHelpersVariablesAndExecution(String text) {
    assertThat(inspector.problems(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "${identityService.createUser('x')}                      | identityService",
      "${dataSource.connection}                                | dataSource",
      "${flag ? runtimeService : null}                         | runtimeService",
      "${x == '}' && identityService.newUser('m') != null}     | identityService",
      "${execution.getProcessEngineServices()}                 | getProcessEngineServices",
      "${execution.processEngineServices.identityService}      | processEngineServices",
      "${execution . getProcessEngine ()}                      | getProcessEngine",
      "${''.getClass().forName('java.lang.Runtime')}           | getClass",
      "${execution['processEngineServices']}                   | processEngineServices",
      "${task.classLoader}                                     | classLoader",
      "${deadlines.targetSource.target}                        | targetSource",
      "#{projectItems.getClass()}                              | getClass"})
  void refusesOtherBeansEngineServicesAndReflection(String expression, String name) {
    assertThat(inspector.problems(expression)).isNotEmpty()
        .allSatisfy(problem -> assertThat(problem).contains(expression))
        .anySatisfy(problem -> assertThat(problem).contains("\"" + name + "\""));
  }

  @Test
  void namesTheForbiddenWordsOfAStringLiteral() {
    assertThat(inspector.problems("${''.getClass().forName('java.lang.Runtime')}"))
        .anySatisfy(problem -> assertThat(problem).contains("\"forName\""))
        .anySatisfy(problem -> assertThat(problem).contains("\"Runtime\""));
  }

  @Test
  void checksEveryExpressionOfAText() {
    assertThat(inspector.problems("审核 ${projectName}，${dataSource.connection}"))
        .singleElement().asString().contains("dataSource");
  }

  @Test
  void findsEachExpressionWithItsBraces() {
    assertThat(ExpressionInspector.expressions("a ${x == '}'} b #{y} c ${unclosed"))
        .containsExactly("${x == '}'}", "#{y}", "${unclosed");
  }
}
