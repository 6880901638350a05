package cn.kaifeng.jointapproval.lifecycle;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's node plan ({@code PUT /api/projects/{code}/plan}) and monthly progress
 * ({@code POST /api/projects/{code}/progress}); the county or the key projects office.
 */
@RestController
@RequestMapping("/api/projects/{code}")
public class LifecycleController {

  private final NodePlans plans;
  private final PlanViews planViews;
  private final InvestmentReports reports;
  private final InvestmentViews investmentViews;

  public LifecycleController(NodePlans plans, PlanViews planViews, InvestmentReports reports,
      InvestmentViews investmentViews) {
    this.plans = plans;
    this.planViews = planViews;
    this.reports = reports;
    this.investmentViews = investmentViews;
  }

  @PutMapping("/plan")
  PlanView setPlan(@PathVariable String code, @RequestBody Map<String, Object> body,
      Authentication user) {
    return planViews.of(plans.set(code, body, user.getName(), groups(user)));
  }

  @PostMapping("/progress")
  InvestmentView report(@PathVariable String code, @RequestBody Map<String, Object> body,
      Authentication user) {
    var month = reports.reportThroughApi(code, body, user.getName(), groups(user));
    return investmentViews.of(code, month.getYear());
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
