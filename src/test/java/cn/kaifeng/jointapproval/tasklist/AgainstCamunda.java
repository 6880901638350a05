package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Asks a task or variable instance query twice, with the project's statements
 * ({@code TaskQueryAuthorization.xml}, {@code VariableInstanceQueryAuthorization.xml}) and with
 * Camunda's own, and asserts that both answer the same tasks or variables.
 */
final class AgainstCamunda {

  private final DbSqlSessionFactory sessions;

  AgainstCamunda(ProcessEngine engine) {
    sessions = ((ProcessEngineImpl) engine).getProcessEngineConfiguration()
        .getDbSqlSessionFactory();
  }

  /** The query's answer with ours and with Camunda's statements; 1 if it saw any task. */
  int same(String what, Supplier<List<?>> query) {
    var ours = ids(query.get());
    var theirs = ids(withCamundasStatements(query));
    // The same tasks; a list's order among equal sort keys is the database's choice.
    assertThat(ours).as(what).containsExactlyInAnyOrderElementsOf(theirs);
    return ours.isEmpty() || ours.equals(List.of(0L)) ? 0 : 1;
  }

  /** The answer of Camunda's own statements, which the plugin's mapping otherwise replaces. */
  <T> T withCamundasStatements(Supplier<T> query) {
    var mappings = sessions.getStatementMappings();
    Map<String, String> camunda = new HashMap<>(mappings);
    TaskQueryAuthorizationPlugin.STATEMENTS.keySet().forEach(camunda::remove);
    sessions.setStatementMappings(camunda);
    try {
      return query.get();
    } finally {
      sessions.setStatementMappings(mappings);
    }
  }

  DbSqlSessionFactory sessions() {
    return sessions;
  }

  private static List<Object> ids(List<?> results) {
    List<Object> ids = new ArrayList<>();
    for (Object result : results) {
      ids.add(result instanceof Task task ? task.getId()
          : result instanceof VariableInstance variable ? variable.getId() : result);
    }
    return ids;
  }
}
