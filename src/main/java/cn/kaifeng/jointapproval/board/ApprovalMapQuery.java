package cn.kaifeng.jointapproval.board;

import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.calendar.WorkingDayCalendar;
import cn.kaifeng.jointapproval.deadline.Deadline;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.project.Tracks;
import cn.kaifeng.jointapproval.projectview.ProjectList;
import cn.kaifeng.jointapproval.projectview.ProjectViews;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The new-start joint approval map of a county in two queries: its projects in approval with their
 * clocks and items (one join), and their items' pauses. Working-day positions come from the
 * official calendar in memory.
 */
@Repository
class ApprovalMapQuery {

  /** The projects whose clock runs: in approval, or ready and not yet started. */
  static final String ON_THE_CLOCK = "p.status in ('APPROVING', 'READY_FOR_CONSTRUCTION')";

  private final JdbcClient jdbc;
  private final CalendarService calendars;
  private final DeadlineService deadlines;
  private final Map<String, String> groupNames;

  ApprovalMapQuery(JdbcClient jdbc, CalendarService calendars, DeadlineService deadlines,
      IdentityCatalog catalog) {
    this.jdbc = jdbc;
    this.calendars = calendars;
    this.deadlines = deadlines;
    this.groupNames = catalog.groupNames();
  }

  private record Row(String code, String name, String track, Integer limit, LocalDate landed,
      String light, String status, BigDecimal investment, Integer used, Deadline clock,
      String itemCode, String itemName, String department, String group, int stage,
      int promised, String itemStatus, String itemLight, LocalDate completedOn, boolean inMatter,
      LocalDate opensOn, LocalDate dueOn, int itemPaused) {}

  private record PauseRow(String project, String item, LocalDate from, LocalDate until) {}

  /**
   * A page of the county's map ({@code size} 0: every project, for the Excel list), in the
   * order asked for; the days left follow the due date, so the database sorts and pages.
   */
  @Transactional(readOnly = true)
  ApprovalMap map(County county, BoardReader reader, ApprovalMap.Sort sort, int page, int size) {
    var today = ChinaTime.today();
    Map<String, Object> params = new HashMap<>();
    String visible = ProjectList.visibility(reader.asListReader(), params);
    params.put("county", county.code());
    String onTheClock = " where p.county = :county and " + ON_THE_CLOCK + " and " + visible;
    long total = jdbc.sql("select count(*) from project p" + onTheClock).params(params)
        .query(Long.class).single();
    String where = onTheClock;
    if (size > 0) {
      params.put("limit", size);
      params.put("offset", (long) page * size);
      where = " where p.code in (select p.code from project p join deadline pd"
          + " on pd.id = p.deadline_id" + onTheClock + " order by " + sort.sql()
          + " limit :limit offset :offset)";
    }
    var rows = jdbc.sql("""
            select p.code, p.name, p.track, p.limit_working_days, p.land_delisted_on, p.light,
              p.status, p.investment, p.working_days_used,
              pd.id as pd_id, pd.start_on as pd_start_on, pd.limit_days as pd_limit_days,
              pd.paused_days as pd_paused_days, pd.warn_share as pd_warn_share,
              pd.due_on as pd_due_on, pd.warn_on as pd_warn_on, pd.provisional as pd_provisional,
              pd.closed_on as pd_closed_on,
              i.item_code, i.name as item_name, i.department, i.candidate_group, i.stage,
              i.promised_days, i.status as item_status, i.light as item_light, i.completed_on,
              i.in_matter, d.start_on as i_start_on, d.due_on as i_due_on,
              d.paused_days as i_paused_days
            from project p join deadline pd on pd.id = p.deadline_id
            left join project_item i on i.project_code = p.code
            left join deadline d on d.id = i.deadline_id""" + where
            + " order by " + sort.sql() + ", i.stage, i.item_code")
        .params(params).query(ApprovalMapQuery::row).list();
    Map<String, List<PauseRow>> pauses = new HashMap<>();
    jdbc.sql("select pp.project_code, pp.item_code, pp.paused_on, pp.resumed_on"
            + " from project_pause pp join project p on p.code = pp.project_code" + where
            + " order by pp.paused_on")
        .params(params)
        .query((rs, n) -> new PauseRow(rs.getString("project_code"), rs.getString("item_code"),
            rs.getObject("paused_on", LocalDate.class),
            rs.getObject("resumed_on", LocalDate.class)))
        .list()
        .forEach(p -> pauses.computeIfAbsent(p.project() + "/" + p.item(),
            k -> new ArrayList<>()).add(p));
    return assemble(county, today, rows, pauses, sort, page, size, total);
  }

  private ApprovalMap assemble(County county, LocalDate today, List<Row> rows,
      Map<String, List<PauseRow>> pauses, ApprovalMap.Sort sort, int page, int size,
      long total) {
    var calendar = calendars.calendar();
    LocalDate origin = rows.stream().map(Row::landed).min(LocalDate::compareTo).orElse(today);
    LocalDate last = today;
    for (var row : rows) {
      last = later(last, row.clock().dueOn());
      if (row.dueOn() != null) {
        last = later(last, row.dueOn());
      }
    }
    var position = new Positions(calendar, origin);
    Map<String, ApprovalMap.Project> projects = new LinkedHashMap<>();
    Map<String, List<ApprovalMap.Item>> items = new HashMap<>();
    for (var row : rows) {
      projects.computeIfAbsent(row.code(), code -> project(row, position, today));
      if (row.itemCode() == null) {
        continue;
      }
      var itemPauses = pauses.getOrDefault(row.code() + "/" + row.itemCode(), List.of()).stream()
          .map(p -> new ApprovalMap.Pause(p.from(), position.of(p.from()),
              p.until() == null ? today : p.until(),
              position.of(p.until() == null ? today : p.until()), p.until() == null))
          .toList();
      var status = ItemStatus.valueOf(row.itemStatus());
      items.computeIfAbsent(row.code(), k -> new ArrayList<>()).add(new ApprovalMap.Item(
          row.itemCode(), row.itemName(), row.department(),
          groupNames.getOrDefault(row.group(), row.department()), row.stage(),
          Tracks.stageName(row.stage()), row.promised(), status.name(),
          ProjectViews.itemStatusName(status), row.itemLight(), row.opensOn(),
          position.of(row.opensOn()), row.dueOn(), position.of(row.dueOn()), row.completedOn(),
          row.completedOn() == null ? null : position.of(row.completedOn()), row.itemPaused(),
          row.inMatter(), itemPauses));
    }
    var list = projects.values().stream().map(p -> withItems(p,
        items.getOrDefault(p.code(), List.of()))).toList();
    return new ApprovalMap(county.code(), county.displayName(), today, position.of(today),
        position.axis(last), list, sort.value(), page, size, total);
  }

  private ApprovalMap.Project project(Row row, Positions position, LocalDate today) {
    var clock = row.clock();
    int used = row.used() != null ? row.used() : deadlines.workingDaysUsed(clock);
    int limit = row.limit() == null ? clock.limitDays() : row.limit();
    var status = ProjectStatus.valueOf(row.status());
    return new ApprovalMap.Project(row.code(), row.name(), row.track(), Tracks.name(row.track()),
        row.limit(), row.landed(), position.of(row.landed()), clock.dueOn(),
        position.of(clock.dueOn()), used, limit - used, clock.pausedDays(), row.light(),
        status.name(), status.displayName(), row.investment(), 0, List.of());
  }

  private static ApprovalMap.Project withItems(ApprovalMap.Project p, List<ApprovalMap.Item> items) {
    int matters = (int) items.stream().filter(ApprovalMap.Item::inMatter).count();
    return new ApprovalMap.Project(p.code(), p.name(), p.track(), p.trackName(),
        p.limitWorkingDays(), p.landDelistedOn(), p.landedAt(), p.deadline(), p.deadlineAt(),
        p.workingDaysUsed(), p.workingDaysLeft(), p.pausedWorkingDays(), p.light(), p.status(),
        p.statusName(), p.investment(), matters, items);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return b.isAfter(a) ? b : a;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    var clock = new Deadline(rs.getString("pd_id"), rs.getObject("pd_start_on", LocalDate.class),
        rs.getInt("pd_limit_days"), rs.getInt("pd_paused_days"),
        rs.getBigDecimal("pd_warn_share"), rs.getObject("pd_due_on", LocalDate.class),
        rs.getObject("pd_warn_on", LocalDate.class), rs.getBoolean("pd_provisional"),
        rs.getObject("pd_closed_on", LocalDate.class), null);
    return new Row(rs.getString("code"), rs.getString("name"), rs.getString("track"),
        rs.getObject("limit_working_days", Integer.class),
        rs.getObject("land_delisted_on", LocalDate.class), rs.getString("light"),
        rs.getString("status"), rs.getBigDecimal("investment"),
        rs.getObject("working_days_used", Integer.class), clock, rs.getString("item_code"),
        rs.getString("item_name"), rs.getString("department"), rs.getString("candidate_group"),
        rs.getInt("stage"), rs.getInt("promised_days"), rs.getString("item_status"),
        rs.getString("item_light"), rs.getObject("completed_on", LocalDate.class),
        rs.getBoolean("in_matter"), rs.getObject("i_start_on", LocalDate.class),
        rs.getObject("i_due_on", LocalDate.class), rs.getInt("i_paused_days"));
  }

  /** Working-day positions from an origin: the origin is 0, each working day after it one more. */
  private record Positions(WorkingDayCalendar calendar, LocalDate origin) {

    int of(LocalDate date) {
      return calendar.count(origin, date);
    }

    /** The date of every position from the origin up to {@code last}. */
    List<LocalDate> axis(LocalDate last) {
      List<LocalDate> dates = new ArrayList<>();
      dates.add(origin);
      for (var day = origin.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
        if (calendar.isWorkingDay(day)) {
          dates.add(day);
        }
      }
      return dates;
    }
  }
}
