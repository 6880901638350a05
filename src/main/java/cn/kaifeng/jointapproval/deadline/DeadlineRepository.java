package cn.kaifeng.jointapproval.deadline;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deadline table (db/changelog/project/002-deadline.yaml). */
@Repository
public class DeadlineRepository {

  private static final String COLUMNS = "id, start_on, limit_days, paused_days, warn_share, "
      + "due_on, warn_on, provisional, closed_on, process_instance_id";

  /**
   * Mapped by hand: Spring's record mapper looks each component up as a camel-case column first,
   * and PostgreSQL's driver answers every miss with an exception (message and stack trace), eight
   * per clock; clocks are read on every item's opening, timer and view.
   */
  private static final RowMapper<Deadline> DEADLINE = (rs, row) -> new Deadline(
      rs.getString("id"), rs.getObject("start_on", LocalDate.class), rs.getInt("limit_days"),
      rs.getInt("paused_days"), rs.getBigDecimal("warn_share"),
      rs.getObject("due_on", LocalDate.class), rs.getObject("warn_on", LocalDate.class),
      rs.getBoolean("provisional"), rs.getObject("closed_on", LocalDate.class),
      rs.getString("process_instance_id"));

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  public DeadlineRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  public Optional<Deadline> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from deadline where id = :id").param("id", id)
        .query(DEADLINE).optional();
  }

  /** The clocks of these ids that exist, in no particular order. */
  public List<Deadline> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from deadline where id in (:ids)").param("ids", ids)
        .query(DEADLINE).list();
  }

  /** The clock a process instance owns. */
  public Optional<Deadline> ownedBy(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from deadline "
            + "where process_instance_id = :processInstanceId")
        .param("processInstanceId", processInstanceId)
        .query(DEADLINE).optional();
  }

  /** Hands the clock to a process instance; the unique index refuses a second clock for one. */
  public void own(String id, String processInstanceId) {
    OwnedClocks.forget();
    int updated = jdbc.sql("update deadline set process_instance_id = :processInstanceId "
            + "where id = :id")
        .param("processInstanceId", processInstanceId).param("id", id).update();
    if (updated != 1) {
      throw new NoSuchElementException("No deadline " + id);
    }
  }

  /** The parameters are the record's components by name. */
  public void insert(Deadline d) {
    OwnedClocks.forget();
    jdbc.sql("insert into deadline (" + COLUMNS + ") values (:id, :startOn, :limitDays, "
            + ":pausedDays, :warnShare, :dueOn, :warnOn, :provisional, :closedOn, "
            + ":processInstanceId)")
        .paramSource(d).update();
  }

  /** Several clocks in one batch: a registration opens one for each of its items. */
  public void insertAll(List<Deadline> clocks) {
    OwnedClocks.forget();
    batches.batchUpdate("insert into deadline (" + COLUMNS + ") "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        clocks.stream().map(d -> new Object[] {d.id(), d.startOn(), d.limitDays(),
            d.pausedDays(), d.warnShare(), d.dueOn(), d.warnOn(), d.provisional(), d.closedOn(),
            d.processInstanceId()}).toList());
  }

  /** Stores dates, pauses and closing; the owner changes only through {@link #own}. */
  public void update(Deadline d) {
    OwnedClocks.forget();
    jdbc.sql("""
            update deadline set start_on = :startOn, limit_days = :limitDays,
              paused_days = :pausedDays, warn_share = :warnShare, due_on = :dueOn,
              warn_on = :warnOn, provisional = :provisional, closed_on = :closedOn
            where id = :id""")
        .paramSource(d).update();
  }

  /** Open clocks whose period touches a year: a new schedule for it may move their dates. */
  public List<Deadline> openTouchingYear(int year) {
    return jdbc.sql("select " + COLUMNS + " from deadline where closed_on is null "
            + "and start_on <= :yearEnds and (due_on >= :decemberBefore "
            + "or provisional = :provisional)")
        .param("yearEnds", LocalDate.of(year, 12, 31))
        .param("decemberBefore", LocalDate.of(year - 1, 12, 1))
        .param("provisional", true)
        .query(DEADLINE).list();
  }
}
