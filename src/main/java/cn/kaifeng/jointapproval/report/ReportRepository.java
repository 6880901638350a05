package cn.kaifeng.jointapproval.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored reports. Only drafts are ever written after their insert: every update and delete
 * here says {@code status = 'DRAFT'}, so a published version stays as it was published.
 */
@Repository
public class ReportRepository {

  private final JdbcClient jdbc;

  public ReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The period's draft under review, if any (at most one at a time). */
  public Optional<Report> draft(String period) {
    return jdbc.sql("select * from evaluation_report where period = :period and status = 'DRAFT'")
        .param("period", period).query(ReportRepository::report).optional();
  }

  /** A new draft, the next version of the period; the caller binds it to its review instance. */
  public long insertDraft(String period, String reason, String requestedBy) {
    int version = jdbc.sql("select coalesce(max(version), 0) + 1 from evaluation_report "
        + "where period = :period").param("period", period).query(Integer.class).single();
    jdbc.sql("""
        insert into evaluation_report (period, version, status, reason, requested_by, send_backs)
        values (:period, :version, 'DRAFT', :reason, :by, 0)""")
        .param("period", period).param("version", version).param("reason", reason)
        .param("by", requestedBy).update();
    return jdbc.sql("select id from evaluation_report where period = :period and version = :v")
        .param("period", period).param("v", version).query(Long.class).single();
  }

  public void bind(long id, String processInstanceId) {
    jdbc.sql("update evaluation_report set process_instance_id = :pi where id = :id "
        + "and status = 'DRAFT'").param("pi", processInstanceId).param("id", id).update();
  }

  public boolean exists(String period) {
    return jdbc.sql("select count(*) from evaluation_report where period = :period")
        .param("period", period).query(Integer.class).single() > 0;
  }

  public Optional<Report> find(long id) {
    return jdbc.sql("select * from evaluation_report where id = :id").param("id", id)
        .query(ReportRepository::report).optional();
  }

  public Report ofInstance(String processInstanceId) {
    return jdbc.sql("select * from evaluation_report where process_instance_id = :pi")
        .param("pi", processInstanceId).query(ReportRepository::report).optional()
        .orElseThrow(() -> new IllegalStateException(
            "No report bound to process instance " + processInstanceId));
  }

  public List<Report> ofPeriod(String period) {
    return jdbc.sql("select * from evaluation_report where period = :period order by version")
        .param("period", period).query(ReportRepository::report).list();
  }

  /** The highest published version of the period: the one that counts. */
  public Optional<Report> currentPublished(String period) {
    return jdbc.sql("""
        select * from evaluation_report where period = :period and status = 'PUBLISHED'
        order by version desc""").param("period", period).query(ReportRepository::report)
        .list().stream().findFirst();
  }

  /** Replaces a draft's lines with a fresh computation (nothing happens to a published one). */
  public boolean storeDraft(long id, Ranking ranking, int decisionVersion) {
    int updated = jdbc.sql("""
        update evaluation_report set computed_at = :at, decision_version = :dv
        where id = :id and status = 'DRAFT'""")
        .param("at", Timestamp.from(Instant.now())).param("dv", decisionVersion)
        .param("id", id).update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("delete from evaluation_score where report_id = :id and report_id in "
        + "(select r.id from evaluation_report r where r.status = 'DRAFT')").param("id", id)
        .update();
    jdbc.sql("delete from evaluation_line where report_id = :id and report_id in "
        + "(select r.id from evaluation_report r where r.status = 'DRAFT')").param("id", id)
        .update();
    for (var line : ranking.lines()) {
      jdbc.sql("""
          insert into evaluation_line (report_id, unit, audience, unit_name, total, rank_no,
            previous_rank, flag)
          values (:id, :unit, :audience, :name, :total, :rank, :previous, :flag)""")
          .param("id", id).param("unit", line.unit()).param("audience", line.audience().name())
          .param("name", line.unitName()).param("total", line.total())
          .param("rank", line.rank()).param("previous", line.previousRank())
          .param("flag", line.flag()).update();
      int position = 0;
      for (var score : line.scores()) {
        jdbc.sql("""
            insert into evaluation_score (report_id, unit, rule_code, position, rule_name, figure,
              weight, points)
            values (:id, :unit, :rule, :position, :name, :figure, :weight, :points)""")
            .param("id", id).param("unit", line.unit()).param("rule", score.rule())
            .param("position", position++).param("name", score.name())
            .param("figure", score.figure()).param("weight", score.weight())
            .param("points", score.points()).update();
      }
    }
    return true;
  }

  public void comment(long id, String commentary) {
    jdbc.sql("update evaluation_report set commentary = :c where id = :id and status = 'DRAFT'")
        .param("c", commentary).param("id", id).update();
  }

  public void sentBack(long id) {
    jdbc.sql("update evaluation_report set send_backs = send_backs + 1 "
        + "where id = :id and status = 'DRAFT'").param("id", id).update();
  }

  /** Publishes a draft; false if it was not a draft any more. */
  public boolean publish(long id, String by, String changes) {
    return jdbc.sql("""
        update evaluation_report set status = 'PUBLISHED', published_at = :at,
          published_by = :by, changes = :changes
        where id = :id and status = 'DRAFT'""")
        .param("at", Timestamp.from(Instant.now())).param("by", by).param("changes", changes)
        .param("id", id).update() == 1;
  }

  public Ranking ranking(long id) {
    Map<String, List<Ranking.Score>> scores = new LinkedHashMap<>();
    jdbc.sql("select * from evaluation_score where report_id = :id order by unit, position")
        .param("id", id)
        .query((rs, n) -> scores.computeIfAbsent(rs.getString("unit"), u -> new ArrayList<>())
            .add(new Ranking.Score(rs.getString("rule_code"), rs.getString("rule_name"),
                rs.getBigDecimal("figure"), rs.getBigDecimal("weight"),
                rs.getBigDecimal("points"))))
        .list();
    var lines = jdbc.sql("""
        select * from evaluation_line where report_id = :id order by audience, rank_no, unit""")
        .param("id", id)
        .query((rs, n) -> new Ranking.Line(rs.getString("unit"), rs.getString("unit_name"),
            Audience.valueOf(rs.getString("audience")),
            List.copyOf(scores.getOrDefault(rs.getString("unit"), List.of())),
            rs.getBigDecimal("total"), rs.getInt("rank_no"),
            rs.getObject("previous_rank", Integer.class), rs.getString("flag")))
        .list();
    return new Ranking(lines);
  }

  // --- 末位表态

  /** A statement row for the unit and month, unless it has one; answers its id if inserted. */
  public Optional<Long> insertStatement(long reportId, String period, ReportUnit unit,
      LocalDate dueOn, boolean consecutive) {
    if (jdbc.sql("select count(*) from last_place_statement where period = :p and unit = :u")
        .param("p", period).param("u", unit.group()).query(Integer.class).single() > 0) {
      return Optional.empty();
    }
    jdbc.sql("""
        insert into last_place_statement (report_id, period, unit, unit_name, due_on, consecutive)
        values (:report, :period, :unit, :name, :due, :consecutive)""")
        .param("report", reportId).param("period", period).param("unit", unit.group())
        .param("name", unit.name()).param("due", dueOn).param("consecutive", consecutive)
        .update();
    return Optional.of(jdbc.sql(
            "select id from last_place_statement where period = :p and unit = :u")
        .param("p", period).param("u", unit.group()).query(Long.class).single());
  }

  public void bindStatement(long id, String processInstanceId) {
    jdbc.sql("update last_place_statement set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  public void statementMatter(long id, String matterId) {
    jdbc.sql("update last_place_statement set matter_id = :m where id = :id")
        .param("m", matterId).param("id", id).update();
  }

  public Statement statementOf(String processInstanceId) {
    return jdbc.sql("select * from last_place_statement where process_instance_id = :pi")
        .param("pi", processInstanceId).query(ReportRepository::statement).optional()
        .orElseThrow(() -> new IllegalStateException(
            "No statement bound to process instance " + processInstanceId));
  }

  /** Records the statement once; false if it was submitted already. */
  public boolean submitStatement(long id, String causes, String measures, String by) {
    return jdbc.sql("""
        update last_place_statement set causes = :causes, measures = :measures,
          submitted_by = :by, submitted_at = :at
        where id = :id and submitted_at is null""")
        .param("causes", causes).param("measures", measures).param("by", by)
        .param("at", Timestamp.from(Instant.now())).param("id", id).update() == 1;
  }

  public List<Statement> statements(String period) {
    return jdbc.sql("select * from last_place_statement where period = :p order by id")
        .param("p", period).query(ReportRepository::statement).list();
  }

  private static Report report(ResultSet rs, int n) throws SQLException {
    return new Report(rs.getLong("id"), rs.getString("period"), rs.getInt("version"),
        rs.getString("status"), rs.getString("process_instance_id"),
        instant(rs.getTimestamp("computed_at")), rs.getObject("decision_version", Integer.class),
        rs.getString("commentary"), rs.getInt("send_backs"), rs.getString("changes"),
        rs.getString("reason"), rs.getString("requested_by"),
        instant(rs.getTimestamp("published_at")), rs.getString("published_by"));
  }

  private static Statement statement(ResultSet rs, int n) throws SQLException {
    return new Statement(rs.getLong("id"), rs.getLong("report_id"), rs.getString("period"),
        rs.getString("unit"), rs.getString("unit_name"), rs.getString("process_instance_id"),
        rs.getObject("due_on", LocalDate.class), rs.getBoolean("consecutive"),
        rs.getString("matter_id"), rs.getString("causes"), rs.getString("measures"),
        rs.getString("submitted_by"), instant(rs.getTimestamp("submitted_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
