package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.identity.People;
import org.springframework.stereotype.Component;

/**
 * A project's named chief service officer as the assignee of the county's tasks of the project:
 * the county group stays candidate, so a colleague can take a task over. One rule for every task
 * that falls to the county (补正, a supervision case, a problem).
 */
@Component
public class NamedOfficer {

  private final People people;

  public NamedOfficer(People people) {
    this.people = people;
  }

  /**
   * The officer when {@code unit} is the project's own county group and the ledger names a user
   * of that group; {@code null} (the group only) for any other unit, or for a project registered
   * before people were user ids.
   */
  public String of(Project project, String unit) {
    String county = project.county().group();
    String officer = project.registration().chiefServiceOfficer();
    return county.equals(unit) && officer != null && people.isMember(officer, county)
        ? officer : null;
  }
}
