package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports (DOMAIN.md §8.6): {@code GET /api/reports?period=2026-11|2026-B6|2026-Q3|2026-H1|2026}
 * answers the period's current published version, or the period computed now when none is
 * published (always so for two months, quarters and halves); {@code GET /api/reports/{id}} one
 * stored version; {@code .../workbook} the same as Excel; {@code POST /api/reports/versions} asks
 * for a new version of a month or a year after a correction (reviewed like the first). A stored
 * report is never changed through the API: PUT, PATCH and DELETE answer 409.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  private static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Set<String> VERSION_FIELDS = Set.of("period", "reason");

  private final ReportRepository reports;
  private final ReportViews views;
  private final ReportWorkbook workbook;
  private final ReportDrafts drafts;
  private final ReportAccess access;

  public ReportController(ReportRepository reports, ReportViews views, ReportWorkbook workbook,
      ReportDrafts drafts, ReportAccess access) {
    this.reports = reports;
    this.views = views;
    this.workbook = workbook;
    this.drafts = drafts;
    this.access = access;
  }

  @GetMapping
  @Transactional(readOnly = true)
  public ReportView byPeriod(@RequestParam String period, Authentication user) {
    return forPeriod(Period.parse(period, "period"), user);
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public ReportView byId(@PathVariable String id, Authentication user) {
    return views.of(stored(id, user));
  }

  @GetMapping("/{id}/workbook")
  @Transactional(readOnly = true)
  public ResponseEntity<byte[]> workbookById(@PathVariable String id, Authentication user) {
    return excel(views.of(stored(id, user)));
  }

  @GetMapping("/workbook")
  @Transactional(readOnly = true)
  public ResponseEntity<byte[]> workbookByPeriod(@RequestParam String period,
      Authentication user) {
    return excel(forPeriod(Period.parse(period, "period"), user));
  }

  /** A new version of a month's or a year's report after a data correction. */
  @PostMapping("/versions")
  @Transactional
  public ResponseEntity<ReportView> newVersion(@RequestBody Map<String, Object> body,
      Authentication user) {
    if (!access.requestsVersions(user)) {
      throw new ForbiddenException("只有市重点办可以重新编制通报");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(k -> !VERSION_FIELDS.contains(k))
        .forEach(k -> errors.put(k, "未知字段"));
    Period period = null;
    if (!(body.get("period") instanceof String text)) {
      errors.put("period", "请填写期间，例如 2026-11 或 2026");
    } else {
      try {
        period = Period.parse(text, "period");
        if (!period.kept()) {
          errors.put("period", "只有月度和年度通报需要审核发布；双月、季度和半年随时查询即可");
        }
      } catch (InvalidRequestException e) {
        errors.putAll(e.errors());
      }
    }
    if (!(body.get("reason") instanceof String reason) || reason.isBlank()) {
      errors.put("reason", "请说明更正了哪些数据");
    } else if (reason.length() > 2000) {
      errors.put("reason", "不超过 2000 字");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    if (reports.currentPublished(period.code()).isEmpty()) {
      throw new ReportConflictException(period.label() + "通报尚未发布，请在审核任务中处理");
    }
    if (reports.draft(period.code()).isPresent()) {
      throw new ReportConflictException(period.label() + "通报已有一个待审核的新版本");
    }
    long id = drafts.open(period, ((String) body.get("reason")).strip(), user.getName());
    var draft = reports.find(id).orElseThrow();
    return ResponseEntity.created(URI.create("/api/reports/" + id)).body(views.of(draft));
  }

  /** Stored reports never change through the API. */
  @RequestMapping(path = {"/{id}", "/{id}/**"},
      method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
  public void refuseChange(@PathVariable String id) {
    throw new ReportConflictException("已发布的通报不可更改；更正数据后请申请发布新版本"
        + "（POST /api/reports/versions）");
  }

  private ReportView forPeriod(Period period, Authentication user) {
    var published = reports.currentPublished(period.code());
    if (published.isPresent()) {
      return views.of(published.get());
    }
    if (period.kept() && !access.readsUnpublished(user)) {
      throw new ReportNotFoundException(period.label());
    }
    return views.preliminary(period);
  }

  private Report stored(String id, Authentication user) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of("id", "通报编号应为数字");
    }
    var report = reports.find(number).orElseThrow(() -> new ReportNotFoundException(id));
    if (!report.published() && !access.readsUnpublished(user)) {
      throw new ReportNotFoundException(id);
    }
    return report;
  }

  private ResponseEntity<byte[]> excel(ReportView report) {
    String name = report.period() + (report.version() == null ? "-实时" : "-v" + report.version())
        + "-考评通报.xlsx";
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(workbook.of(report));
  }
}
