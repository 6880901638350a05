package cn.kaifeng.jointapproval.deadline;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deadline table (db/changelog/project/002-deadline.yaml). */
@Repository
public class DeadlineRepository {

  private static final String COLUMNS = "id, start_on, limit_days, paused_days, warn_share, "
      + "due_on, warn_on, provisional, closed_on, process_instance_id";

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public DeadlineRepository(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  public Optional<Deadline> find(String id) {
    return jdbc.query("select " + COLUMNS + " from deadline where id = ?", DeadlineRepository::map,
        id).stream().findFirst();
  }

  /** The clock a process instance owns. */
  public Optional<Deadline> ownedBy(String processInstanceId) {
    return client.sql("select " + COLUMNS + " from deadline "
            + "where process_instance_id = :processInstanceId")
        .param("processInstanceId", processInstanceId)
        .query(DeadlineRepository::map).optional();
  }

  /** Hands the clock to a process instance; the unique index refuses a second clock for one. */
  public void own(String id, String processInstanceId) {
    int updated = client.sql("update deadline set process_instance_id = :processInstanceId "
            + "where id = :id")
        .param("processInstanceId", processInstanceId).param("id", id).update();
    if (updated != 1) {
      throw new NoSuchElementException("No deadline " + id);
    }
  }

  public void insert(Deadline d) {
    jdbc.update("insert into deadline (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        d.id(), Date.valueOf(d.startOn()), d.limitDays(), d.pausedDays(), d.warnShare(),
        Date.valueOf(d.dueOn()), Date.valueOf(d.warnOn()), d.provisional(),
        d.closedOn() == null ? null : Date.valueOf(d.closedOn()), d.processInstanceId());
  }

  /** Stores dates, pauses and closing; the owner changes only through {@link #own}. */
  public void update(Deadline d) {
    jdbc.update("update deadline set start_on = ?, limit_days = ?, paused_days = ?, "
            + "warn_share = ?, due_on = ?, warn_on = ?, provisional = ?, closed_on = ? where id = ?",
        Date.valueOf(d.startOn()), d.limitDays(), d.pausedDays(), d.warnShare(),
        Date.valueOf(d.dueOn()), Date.valueOf(d.warnOn()), d.provisional(),
        d.closedOn() == null ? null : Date.valueOf(d.closedOn()), d.id());
  }

  /** Open clocks whose period touches a year: a new schedule for it may move their dates. */
  public List<Deadline> openTouchingYear(int year) {
    return jdbc.query("select " + COLUMNS + " from deadline where closed_on is null "
            + "and start_on <= ? and (due_on >= ? or provisional = ?)",
        DeadlineRepository::map, Date.valueOf(LocalDate.of(year, 12, 31)),
        Date.valueOf(LocalDate.of(year - 1, 12, 1)), true);
  }

  private static Deadline map(ResultSet rs, int row) throws SQLException {
    Date closed = rs.getDate("closed_on");
    return new Deadline(rs.getString("id"), rs.getDate("start_on").toLocalDate(),
        rs.getInt("limit_days"), rs.getInt("paused_days"), rs.getBigDecimal("warn_share"),
        rs.getDate("due_on").toLocalDate(), rs.getDate("warn_on").toLocalDate(),
        rs.getBoolean("provisional"), closed == null ? null : closed.toLocalDate(),
        rs.getString("process_instance_id"));
  }
}
