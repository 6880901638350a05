package cn.kaifeng.jointapproval.identity;

import cn.kaifeng.jointapproval.database.TransactionMemory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who a named person is: whether a user id exists and belongs to a group. Read from Camunda's
 * identity service without the caller's authorizations (a county officer registering a project may
 * not list users, but the registration must still know that the named leader is a city leader).
 * Inside a running engine command (a start form, a process step) it joins that command. An answer
 * holds for the rest of the transaction: a registration names its leader and chief service officer
 * to the API's validation, the trust boundary and the ledger's step, which ask alike.
 */
@Component
public class People {

  /** Whether the user exists, and whether it is a member of the group asked about. */
  public enum Membership { NO_SUCH_USER, OTHER_GROUP, MEMBER }

  private record Question(String userId, String groupId) {}

  private static final TransactionMemory<Question, Membership> ANSWERS = new TransactionMemory<>();

  /** Lazily: the engine's plugins (the trust boundary) use beans that use this one. */
  private final ObjectProvider<ProcessEngine> engine;

  public People(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  public Membership membership(String userId, String groupId) {
    return ANSWERS.get(new Question(userId, groupId), q -> lookUp(q.userId(), q.groupId()));
  }

  private Membership lookUp(String userId, String groupId) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getObject()
        .getProcessEngineConfiguration();
    Command<Membership> lookup = context -> context.runWithoutAuthorization(() -> {
      var identity = context.getReadOnlyIdentityProvider();
      // A member exists: one query in the usual case, a second only to say why not.
      if (identity.createUserQuery(context).userId(userId).memberOfGroup(groupId).count() > 0) {
        return Membership.MEMBER;
      }
      return identity.createUserQuery(context).userId(userId).count() == 0
          ? Membership.NO_SUCH_USER : Membership.OTHER_GROUP;
    });
    return configuration.getCommandExecutorTxRequired().execute(lookup);
  }

  public boolean isMember(String userId, String groupId) {
    return membership(userId, groupId) == Membership.MEMBER;
  }
}
