package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the {@code investment} of {@code GET /api/projects/{code}} for a year. */
@Component
public class InvestmentViews {

  private final InvestmentRepository repository;
  private final PlanRepository plans;

  public InvestmentViews(InvestmentRepository repository, PlanRepository plans) {
    this.repository = repository;
    this.plans = plans;
  }

  /** This year's (Beijing). */
  public InvestmentView current(String projectCode) {
    return of(projectCode, ChinaTime.today().getYear());
  }

  public InvestmentView of(String projectCode, int year) {
    var planned = plans.latest(projectCode, year).map(NodePlan::plannedInvestment).orElse(null);
    var byMonth = new LinkedHashMap<String, List<InvestmentRepository.Report>>();
    for (var report : repository.reports(projectCode)) {
      if (report.reportMonth().startsWith(year + "-")) {
        byMonth.computeIfAbsent(report.reportMonth(), m -> new ArrayList<>()).add(report);
      }
    }
    BigDecimal completed = BigDecimal.ZERO;
    List<InvestmentView.Month> months = new ArrayList<>();
    for (var entry : byMonth.entrySet()) {
      var versions = entry.getValue();
      var latest = versions.get(versions.size() - 1);
      completed = completed.add(latest.amount());
      months.add(new InvestmentView.Month(entry.getKey(), latest.amount(), latest.note(),
          latest.reportedBy(), latest.reportedAt().toInstant(), latest.via(), latest.version(),
          versions.subList(0, versions.size() - 1).stream()
              .map(v -> new InvestmentView.Correction(v.version(), v.amount(), v.reportedBy(),
                  v.reportedAt().toInstant())).toList()));
    }
    BigDecimal rate = planned == null || planned.signum() == 0 ? null
        : completed.divide(planned, 4, RoundingMode.HALF_UP);
    return new InvestmentView(year, planned, completed, rate, months);
  }
}
