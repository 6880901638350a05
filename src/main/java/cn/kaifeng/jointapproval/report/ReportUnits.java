package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.County;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The units a report ranks: every county and district (DOMAIN.md §4), and every city department
 * with an approval section (the groups {@code approval-*} of the identity catalogue), named after
 * the department.
 */
@Component
public class ReportUnits {

  private static final String SECTION = "行政审批科";

  private final List<ReportUnit> units;

  public ReportUnits(IdentityCatalog catalog) {
    var counties = Arrays.stream(County.values())
        .map(c -> new ReportUnit(c.group(), c.displayName(), Audience.COUNTY));
    var departments = catalog.groups().stream().filter(g -> g.id().startsWith("approval-"))
        .map(g -> new ReportUnit(g.id(), g.name().endsWith(SECTION)
            ? g.name().substring(0, g.name().length() - SECTION.length()) : g.name(),
            Audience.DEPARTMENT));
    this.units = Stream.concat(counties, departments).toList();
  }

  public List<ReportUnit> all() {
    return units;
  }

  public List<ReportUnit> of(Audience audience) {
    return units.stream().filter(u -> u.audience() == audience).toList();
  }

  public Optional<ReportUnit> find(String group) {
    return units.stream().filter(u -> u.group().equals(group)).findFirst();
  }
}
