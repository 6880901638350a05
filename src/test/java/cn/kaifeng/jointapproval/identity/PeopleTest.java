package cn.kaifeng.jointapproval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.identity.People.Membership;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Who a named person is: asked once per transaction, asked again in the next one. */
@SpringBootTest
@ActiveProfiles("test")
class PeopleTest {

  private static final String USER = "people-test-leader";

  @Autowired People people;
  @Autowired IdentityService identityService;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void removeTheUser() {
    identityService.deleteUser(USER);
  }

  @Test
  void aTransactionAsksOnceAndTheNextOneAsksAgain() {
    var user = identityService.newUser(USER);
    user.setFirstName("测试");
    user.setLastName("市领导");
    identityService.saveUser(user);
    identityService.createMembership(USER, Roles.CITY_LEADER);
    var separately = new TransactionTemplate(transactions);
    separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(people.membership(USER, Roles.CITY_LEADER)).isEqualTo(Membership.MEMBER);
      assertThat(people.membership(USER, "county-lankao")).isEqualTo(Membership.OTHER_GROUP);
      // An administrator removes the membership meanwhile, in a transaction of their own.
      separately.executeWithoutResult(
          inner -> identityService.deleteMembership(USER, Roles.CITY_LEADER));
      assertThat(people.membership(USER, Roles.CITY_LEADER))
          .as("the answer this transaction's checks already relied on")
          .isEqualTo(Membership.MEMBER);
    });

    assertThat(people.membership(USER, Roles.CITY_LEADER)).isEqualTo(Membership.OTHER_GROUP);
    assertThat(people.membership("no-such-person", Roles.CITY_LEADER))
        .isEqualTo(Membership.NO_SUCH_USER);
  }
}
