package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a month's completed investment (万元) and progress note, from the Tasklist task
 * 月度投资进度填报 or from {@code POST /api/projects/{code}/progress}. A month is reported once; a
 * second report of the same month corrects it: a new version, the earlier ones kept, the history
 * saying from what to what. A report through the API ends that month's open task.
 */
@Service
public class InvestmentReports {

  static final String MESSAGE = "InvestmentReported";
  static final int NOTE_MAX = 500;
  private static final Set<String> FIELDS = Set.of("month", "investment", "note");

  private final ProjectRepository projects;
  private final InvestmentRepository repository;
  private final ProjectLedger ledger;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public InvestmentReports(ProjectRepository projects, InvestmentRepository repository,
      ProjectLedger ledger, RuntimeService runtimeService, IdentityService identityService) {
    this.projects = projects;
    this.repository = repository;
    this.ledger = ledger;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** The API's report; answers the month reported. A refusal changes nothing. */
  @Transactional
  public YearMonth reportThroughApi(String code, Map<String, Object> body, String userId,
      Collection<String> groups) {
    var project = projects.get(code);
    ProjectEditors.check(project, groups, "填报投资进度：");
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
        .forEach(k -> errors.put(k, "未知字段"));
    YearMonth month = month(body.get("month"), errors);
    BigDecimal amount = Amounts.nonNegative(body.get("investment"), "investment",
        "完成投资（万元）", errors);
    String note = note(body.get("note"), errors);
    // Investment is reported from signing on (the monthly task asks the same projects).
    if (project.node().compareTo(Node.SIGNED) < 0) {
      errors.put("projectCode", "项目尚在" + project.node().displayName()
          + "阶段，签约后才能填报投资进度");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    record(code, month, amount, note, userId, "API");
    closeOpenTask(code, month);
    return month;
  }

  /**
   * Stores the figure as the month's next version and writes the history; the month's request, if
   * any, is closed.
   */
  @Transactional
  public void record(String code, YearMonth month, BigDecimal amount, String note, String userId,
      String via) {
    projects.lock(code); // versions are numbered one after another
    var previous = repository.latest(code, month);
    int version = previous.map(r -> r.version() + 1).orElse(1);
    repository.insertReport(code, month, version, amount, note, userId,
        ClockUtil.getCurrentTime().toInstant(), via);
    repository.request(code, month)
        .ifPresent(request -> repository.closeRequest(request.id(), ChinaTime.today()));
    String figure = amount.stripTrailingZeros().toPlainString();
    ledger.record(code, previous.isEmpty() ? "INVESTMENT_REPORTED" : "INVESTMENT_CORRECTED", null,
        userId, previous.map(p -> month + " 月度完成投资更正：" + p.amount().stripTrailingZeros()
                .toPlainString() + " → " + figure + " 万元（第 " + version + " 版）")
            .orElse(month + " 月度完成投资 " + figure + " 万元") + "；进展：" + note);
  }

  private void closeOpenTask(String code, YearMonth month) {
    var request = repository.request(code, month).orElse(null);
    if (request == null || request.processInstanceId() == null) {
      return;
    }
    boolean running = runtimeService.createProcessInstanceQuery()
        .processInstanceId(request.processInstanceId()).count() > 0;
    if (!running) {
      return;
    }
    // Our own call, not the user's: only the application itself correlates messages.
    var previous = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceId(request.processInstanceId()).correlateWithResult();
    } finally {
      if (previous != null) {
        identityService.setAuthentication(previous);
      }
    }
  }

  private static YearMonth month(Object raw, Map<String, String> errors) {
    if (!(raw instanceof String text)) {
      errors.put("month", "必须填写月份（YYYY-MM）");
      return null;
    }
    try {
      var month = YearMonth.parse(text);
      if (month.isAfter(YearMonth.from(ChinaTime.today()))) {
        errors.put("month", "不能填报以后月份的投资");
        return null;
      }
      if (month.getYear() < 2019) {
        errors.put("month", "月份应在 2019 年以后");
        return null;
      }
      return month;
    } catch (DateTimeParseException e) {
      errors.put("month", "月份格式应为 YYYY-MM");
      return null;
    }
  }

  static String note(Object raw, Map<String, String> errors) {
    if (!(raw instanceof String text) || text.isBlank()) {
      errors.put("note", "必须填写进展情况");
      return null;
    }
    if (text.length() > NOTE_MAX) {
      errors.put("note", "进展情况不能超过 " + NOTE_MAX + " 字");
      return null;
    }
    return text.strip();
  }
}
