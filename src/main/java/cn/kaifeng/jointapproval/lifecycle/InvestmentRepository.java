package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Light;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The monthly investment tables: rounds (a month requested once), requests (a project's task for
 * a month, bound to its process instance) and reports (every version of a month's figure).
 */
@Repository
public class InvestmentRepository {

  /** A project's monthly report task for a month. */
  public record Request(long id, String projectCode, String reportMonth, String deadlineId,
      String processInstanceId, String light, LocalDate openedOn, LocalDate closedOn) {

    public YearMonth month() {
      return YearMonth.parse(reportMonth);
    }
  }

  /** One version of a month's completed investment. */
  public record Report(long id, String projectCode, String reportMonth, int version,
      BigDecimal amount, String note, String reportedBy, Timestamp reportedAt, String via) {}

  private final JdbcClient jdbc;

  public InvestmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // Rounds

  public boolean roundOpened(YearMonth month) {
    return jdbc.sql("select count(*) from investment_round where report_month = :month")
        .param("month", month.toString()).query(Integer.class).single() > 0;
  }

  /** Opens a month's round; false when another node or run opened it first. */
  public boolean openRound(YearMonth month, LocalDate on) {
    return jdbc.sql("""
        insert into investment_round (report_month, opened_on, projects)
        select :month, :on, 0 from (select 1 as one) x
        where not exists (select 1 from investment_round where report_month = :month)""")
        .param("month", month.toString()).param("on", on).update() == 1;
  }

  public void countRound(YearMonth month, int projects) {
    jdbc.sql("update investment_round set projects = :projects where report_month = :month")
        .param("projects", projects).param("month", month.toString()).update();
  }

  // Requests

  public boolean insertRequest(String projectCode, YearMonth month, String deadlineId,
      LocalDate on) {
    return jdbc.sql("""
        insert into investment_request (project_code, report_month, deadline_id, light, opened_on)
        select :code, :month, :deadlineId, :light, :on from (select 1 as one) x
        where not exists (select 1 from investment_request
          where project_code = :code and report_month = :month)""")
        .param("code", projectCode).param("month", month.toString())
        .param("deadlineId", deadlineId).param("light", Light.GREEN.name()).param("on", on)
        .update() == 1;
  }

  public void bindRequest(String projectCode, YearMonth month, String processInstanceId) {
    jdbc.sql("""
        update investment_request set process_instance_id = :pi
        where project_code = :code and report_month = :month""")
        .param("pi", processInstanceId).param("code", projectCode)
        .param("month", month.toString()).update();
  }

  public Optional<Request> requestOf(String processInstanceId) {
    return jdbc.sql("select * from investment_request where process_instance_id = :pi")
        .param("pi", processInstanceId).query(Request.class).optional();
  }

  public Optional<Request> request(String projectCode, YearMonth month) {
    return jdbc.sql("""
        select * from investment_request where project_code = :code and report_month = :month""")
        .param("code", projectCode).param("month", month.toString())
        .query(Request.class).optional();
  }

  public void setLight(long requestId, Light light) {
    jdbc.sql("update investment_request set light = :light where id = :id")
        .param("light", light.name()).param("id", requestId).update();
  }

  public void closeRequest(long requestId, LocalDate on) {
    jdbc.sql("update investment_request set closed_on = :on where id = :id and closed_on is null")
        .param("on", on).param("id", requestId).update();
  }

  // Reports

  /** Every version of every month of a project, oldest first. */
  public List<Report> reports(String projectCode) {
    return jdbc.sql("""
        select * from investment_report where project_code = :code
        order by report_month, version""")
        .param("code", projectCode).query(Report.class).list();
  }

  public Optional<Report> latest(String projectCode, YearMonth month) {
    return jdbc.sql("""
        select * from investment_report where project_code = :code and report_month = :month
        order by version desc""")
        .param("code", projectCode).param("month", month.toString())
        .query(Report.class).list().stream().findFirst();
  }

  public void insertReport(String projectCode, YearMonth month, int version, BigDecimal amount,
      String note, String reportedBy, Instant at, String via) {
    jdbc.sql("""
        insert into investment_report (project_code, report_month, version, amount, note,
          reported_by, reported_at, via)
        values (:code, :month, :version, :amount, :note, :by, :at, :via)""")
        .param("code", projectCode).param("month", month.toString()).param("version", version)
        .param("amount", amount).param("note", note).param("by", reportedBy)
        .param("at", Timestamp.from(at)).param("via", via)
        .update();
  }
}
