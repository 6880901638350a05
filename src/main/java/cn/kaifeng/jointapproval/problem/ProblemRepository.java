package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.Light;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The problem ledger's rows and their history. */
@Repository
public class ProblemRepository {

  /** One line of a problem's history. */
  public record Entry(Instant at, String event, String actor, String detail) {}

  /** The filters of the ledger's list; null means any. */
  public record Filter(String project, String county, String unit, ProblemCategory category,
      ProblemLevel level, ProblemStatus status, Boolean overdue) {}

  /** Who reads the list: everything, or the problems of these projects, counties and units. */
  public record Scope(boolean all, String user, Collection<String> groups) {}

  private final JdbcClient jdbc;

  public ProblemRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String id, ProblemRequest request, String raisedBy, Instant raisedAt,
      String processInstanceId) {
    jdbc.sql("""
        insert into problem (id, project_code, category, description, level, proposed_unit,
          status, raised_by, raised_at, process_instance_id)
        values (:id, :project, :category, :description, :level, :unit, 'NEW', :by, :at, :pi)""")
        .param("id", id).param("project", request.projectCode())
        .param("category", request.category().name()).param("description", request.description())
        .param("level", request.level().name()).param("unit", request.proposedUnit())
        .param("by", raisedBy).param("at", Timestamp.from(raisedAt))
        .param("pi", processInstanceId).update();
  }

  public Optional<Problem> find(String id) {
    return jdbc.sql("select * from problem where id = :id").param("id", id)
        .query(ProblemRepository::map).optional();
  }

  public Optional<Problem> ofProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from problem where process_instance_id = :pi")
        .param("pi", processInstanceId).query(ProblemRepository::map).optional();
  }

  public List<Problem> ofProject(String projectCode) {
    return jdbc.sql("select * from problem where project_code = :code order by raised_at, id")
        .param("code", projectCode).query(ProblemRepository::map).list();
  }

  /** Locks the problem's row until the transaction ends. */
  public void lock(String id) {
    jdbc.sql("select id from problem where id = :id for update").param("id", id)
        .query(String.class).optional();
  }

  /** New problems raised up to {@code until}, on no issued sheet yet. */
  public List<Problem> newUntil(Instant until) {
    return jdbc.sql("""
        select * from problem where status = 'NEW' and raised_at <= :until
        order by raised_at, id""").param("until", Timestamp.from(until))
        .query(ProblemRepository::map).list();
  }

  /** Assigned, reported or referred problems: still open after an earlier week. */
  public List<Problem> stillOpen() {
    return jdbc.sql("""
        select * from problem where status in ('ASSIGNED', 'REPORTED', 'REFERRED')
        order by raised_at, id""").query(ProblemRepository::map).list();
  }

  public void assign(String id, String unit, int deadlineDays, String deadlineId) {
    jdbc.sql("""
        update problem set status = 'ASSIGNED', responsible_unit = :unit,
          deadline_days = :days, deadline_id = :deadline, light = 'GREEN' where id = :id""")
        .param("unit", unit).param("days", deadlineDays).param("deadline", deadlineId)
        .param("id", id).update();
  }

  public void setStatus(String id, ProblemStatus status) {
    jdbc.sql("update problem set status = :status where id = :id")
        .param("status", status.name()).param("id", id).update();
  }

  public void merge(String id, String into) {
    jdbc.sql("update problem set status = 'MERGED', merged_into = :into where id = :id")
        .param("into", into).param("id", id).update();
  }

  public void report(String id, String report) {
    jdbc.sql("update problem set status = 'REPORTED', report = :report where id = :id")
        .param("report", report).param("id", id).update();
  }

  public void close(String id, ProblemStatus status, LocalDate on, Integer workingDays) {
    jdbc.sql("""
        update problem set status = :status, closed_on = :on, working_days_taken = :days
        where id = :id""").param("status", status.name()).param("on", on)
        .param("days", workingDays).param("id", id).update();
  }

  public void setLight(String id, Light light) {
    jdbc.sql("update problem set light = :light where id = :id")
        .param("light", light.name()).param("id", id).update();
  }

  public void setCase(String id, String caseId) {
    jdbc.sql("update problem set case_id = :case where id = :id").param("case", caseId)
        .param("id", id).update();
  }

  public void record(String id, String event, String actor, String detail, Instant at) {
    jdbc.sql("""
        insert into problem_history (problem_id, occurred_at, event, actor, detail)
        values (:id, :at, :event, :actor, :detail)""")
        .param("id", id).param("at", Timestamp.from(at)).param("event", event)
        .param("actor", actor).param("detail", detail).update();
  }

  public List<Entry> history(String id) {
    return jdbc.sql("""
        select occurred_at, event, actor, detail from problem_history where problem_id = :id
        order by id""").param("id", id)
        .query((rs, n) -> new Entry(rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("event"), rs.getString("actor"), rs.getString("detail"))).list();
  }

  /** A page of the ledger as {@code scope} may read it, oldest first. */
  public List<Problem> page(Filter filter, Scope scope, LocalDate today, int page, int size) {
    var params = new HashMap<String, Object>();
    String where = where(filter, scope, today, params);
    params.put("limit", size);
    params.put("offset", (long) page * size);
    return jdbc.sql("select p.* from problem p join project pr on pr.code = p.project_code"
        + where + " order by p.raised_at, p.id limit :limit offset :offset")
        .params(params).query(ProblemRepository::map).list();
  }

  public long count(Filter filter, Scope scope, LocalDate today) {
    var params = new HashMap<String, Object>();
    String where = where(filter, scope, today, params);
    return jdbc.sql("select count(*) from problem p join project pr on pr.code = p.project_code"
        + where).params(params).query(Long.class).single();
  }

  private static String where(Filter f, Scope scope, LocalDate today, Map<String, Object> params) {
    var clauses = new ArrayList<String>();
    if (f.project() != null) {
      clauses.add("p.project_code = :project");
      params.put("project", f.project());
    }
    if (f.county() != null) {
      clauses.add("pr.county = :county");
      params.put("county", f.county());
    }
    if (f.unit() != null) {
      clauses.add("p.responsible_unit = :unit");
      params.put("unit", f.unit());
    }
    if (f.category() != null) {
      clauses.add("p.category = :category");
      params.put("category", f.category().name());
    }
    if (f.level() != null) {
      clauses.add("p.level = :level");
      params.put("level", f.level().name());
    }
    if (f.status() != null) {
      clauses.add("p.status = :status");
      params.put("status", f.status().name());
    }
    if (f.overdue() != null) {
      String overdue = "(p.status in ('ASSIGNED', 'REPORTED') and exists (select 1 from deadline d"
          + " where d.id = p.deadline_id and d.due_on < :today))";
      clauses.add(f.overdue() ? overdue : "not " + overdue);
      params.put("today", today);
    }
    if (!scope.all()) {
      var groups = new ArrayList<>(scope.groups());
      groups.add("-none-");
      params.put("groups", groups);
      params.put("user", scope.user());
      clauses.add("""
          ('county-' || pr.county in (:groups) or p.responsible_unit in (:groups)
            or pr.contracting_leader = :user or pr.chief_service_officer = :user
            or exists (select 1 from project_item i where i.project_code = p.project_code
              and i.candidate_group in (:groups)))""");
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  private static Problem map(ResultSet rs, int n) throws SQLException {
    String light = rs.getString("light");
    var closedOn = rs.getObject("closed_on", LocalDate.class);
    return new Problem(rs.getString("id"), rs.getString("project_code"),
        ProblemCategory.valueOf(rs.getString("category")), rs.getString("description"),
        ProblemLevel.valueOf(rs.getString("level")), rs.getString("proposed_unit"),
        ProblemStatus.valueOf(rs.getString("status")), rs.getString("responsible_unit"),
        (Integer) rs.getObject("deadline_days"), rs.getString("deadline_id"),
        light == null ? null : Light.valueOf(light), rs.getString("merged_into"),
        rs.getString("report"), closedOn, (Integer) rs.getObject("working_days_taken"),
        rs.getString("case_id"), rs.getString("raised_by"),
        rs.getTimestamp("raised_at").toInstant(), rs.getString("process_instance_id"));
  }
}
