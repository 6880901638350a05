package cn.kaifeng.jointapproval.projectview;

import cn.kaifeng.jointapproval.deadline.Deadline;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.AlertKind;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.project.Tracks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /api/projects}: one query for the page (with each project's clock and open alerts)
 * and one for the count, both restricted in SQL to what the reader may read ({@link ProjectAccess}
 * draws the same lines for one project): the city-wide roles everything; a county group its
 * county's projects; an approval section the projects with an item of its section; a unit the
 * projects it carries out a meeting decision for; a city leader the projects they contract. A
 * user of several groups sees the union.
 */
@Repository
public class ProjectList {

  /** Who reads: a user and their groups. */
  public record Reader(String userId, Collection<String> groups) {}

  private static final String NODE_ORDER = orderOf("p.node",
      Arrays.stream(Node.values()).map(Enum::name).toList());
  private static final String LIGHT_ORDER = orderOf("p.light",
      Arrays.stream(Light.values()).map(Enum::name).toList());
  private static final Map<ProjectListQuery.Sort, String> SORT_COLUMNS = Map.of(
      ProjectListQuery.Sort.code, "p.code",
      ProjectListQuery.Sort.name, "p.name",
      ProjectListQuery.Sort.county, "p.county",
      ProjectListQuery.Sort.node, NODE_ORDER,
      ProjectListQuery.Sort.light, LIGHT_ORDER,
      ProjectListQuery.Sort.registeredAt, "p.registered_at",
      ProjectListQuery.Sort.deadline, "d.due_on",
      ProjectListQuery.Sort.landDelistedOn, "p.land_delisted_on",
      ProjectListQuery.Sort.investment, "p.investment");
  /** One boolean column per kind of open alert: no aggregate that H2 and PostgreSQL spell apart. */
  private static final String ALERT_COLUMNS = Arrays.stream(AlertKind.values())
      .map(kind -> "exists (select 1 from project_alert a where a.project_code = p.code"
          + " and a.cleared_on is null and a.kind = '" + kind.name() + "') as alert_"
          + kind.name().toLowerCase(Locale.ROOT))
      .collect(Collectors.joining(",\n  "));

  private final JdbcClient jdbc;
  private final DeadlineService deadlines;

  public ProjectList(JdbcClient jdbc, DeadlineService deadlines) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
  }

  @Transactional(readOnly = true)
  public ProjectSummary.Page page(ProjectListQuery query, Reader reader) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(query, reader, params);
    long total = jdbc.sql("select count(*) from project p where " + where).params(params)
        .query(Long.class).single();
    if (total <= (long) query.page() * query.size()) {
      return new ProjectSummary.Page(List.of(), query.page(), query.size(), total);
    }
    String direction = query.ascending() ? " asc" : " desc";
    params.put("limit", query.size());
    params.put("offset", query.page() * query.size());
    String sql = """
        select p.code, p.name, p.county, p.node, p.status, p.light, p.track,
          p.limit_working_days, p.working_days_used, p.land_delisted_on, p.investment,
          p.contracting_leader, p.chief_service_officer, p.registered_at,
          d.id as d_id, d.start_on as d_start_on, d.limit_days as d_limit_days,
          d.paused_days as d_paused_days, d.warn_share as d_warn_share, d.due_on as d_due_on,
          d.warn_on as d_warn_on, d.provisional as d_provisional, d.closed_on as d_closed_on,
        """ + "  " + ALERT_COLUMNS
        + "\nfrom project p left join deadline d on d.id = p.deadline_id"
        + "\nwhere " + where
        + "\norder by " + SORT_COLUMNS.get(query.sort()) + direction + " nulls last, p.code"
        + direction
        + "\nlimit :limit offset :offset";
    var content = jdbc.sql(sql)
        .params(params)
        .query(this::summary).list();
    return new ProjectSummary.Page(content, query.page(), query.size(), total);
  }

  /** Visibility and filters, with their parameters; never a value spliced into the SQL. */
  private static String where(ProjectListQuery query, Reader reader, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    conditions.add(visibility(reader, params));
    if (query.county() != null) {
      conditions.add("p.county = :county");
      params.put("county", query.county().code());
    }
    if (query.node() != null) {
      conditions.add("p.node = :node");
      params.put("node", query.node().name());
    }
    if (query.light() != null) {
      conditions.add("p.light = :light");
      params.put("light", query.light().name());
    }
    if (query.track() != null) {
      conditions.add("p.track = :track");
      params.put("track", query.track());
    }
    if (query.leader() != null) {
      conditions.add("p.contracting_leader = :leader");
      params.put("leader", query.leader());
    }
    if (query.alert() != null) {
      conditions.add("exists (select 1 from project_alert fa where fa.project_code = p.code"
          + " and fa.cleared_on is null and fa.kind = :alert)");
      params.put("alert", query.alert().name());
    }
    if (query.text() != null) {
      conditions.add("(lower(p.name) like :text escape '!' or lower(p.code) like :text escape '!')");
      params.put("text", "%" + query.text().toLowerCase(Locale.ROOT)
          .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    return String.join("\n  and ", conditions);
  }

  /**
   * The SQL condition (on {@code project p}) that keeps what {@code reader} may read, its
   * parameters put into {@code params}; the battle maps aggregate under the same lines.
   */
  public static String visibility(Reader reader, Map<String, Object> params) {
    var groups = reader.groups();
    if (Roles.cityWide(groups)) {
      return "1 = 1";
    }
    if (groups.isEmpty()) {
      return "1 = 0";
    }
    List<String> readable = new ArrayList<>();
    var counties = groups.stream().map(g -> Arrays.stream(County.values())
        .filter(c -> c.group().equals(g)).findFirst()).flatMap(java.util.Optional::stream)
        .map(County::code).toList();
    if (!counties.isEmpty()) {
      readable.add("p.county in (:readerCounties)");
      params.put("readerCounties", counties);
    }
    // Uncorrelated sub-queries: the database reads a section's items once (an index) and probes
    // it per project, where a correlated EXISTS under OR probed the items for every project.
    readable.add("p.code in (select vi.project_code from project_item vi"
        + " where vi.candidate_group in (:readerGroups))");
    readable.add("p.code in (select vc.project_code from supervision_case vc"
        + " where vc.responsible_unit in (:readerGroups))");
    params.put("readerGroups", List.copyOf(groups));
    if (groups.contains(Roles.CITY_LEADER)) {
      readable.add("p.contracting_leader = :readerId");
      params.put("readerId", reader.userId());
    }
    return "(" + String.join("\n    or ", readable) + ")";
  }

  private ProjectSummary summary(ResultSet rs, int row) throws SQLException {
    var county = County.byCode(rs.getString("county")).orElseThrow();
    var node = Node.valueOf(rs.getString("node"));
    var status = ProjectStatus.valueOf(rs.getString("status"));
    String track = rs.getString("track");
    Integer limit = rs.getObject("limit_working_days", Integer.class);
    Integer used = rs.getObject("working_days_used", Integer.class);
    LocalDate dueOn = null;
    Integer gross = null;
    Integer net = null;
    if (rs.getString("d_id") != null) {
      var clock = new Deadline(rs.getString("d_id"),
          rs.getObject("d_start_on", LocalDate.class), rs.getInt("d_limit_days"),
          rs.getInt("d_paused_days"), rs.getBigDecimal("d_warn_share"),
          rs.getObject("d_due_on", LocalDate.class), rs.getObject("d_warn_on", LocalDate.class),
          rs.getBoolean("d_provisional"), rs.getObject("d_closed_on", LocalDate.class), null);
      dueOn = clock.dueOn();
      gross = deadlines.grossWorkingDays(clock);
      net = deadlines.netWorkingDays(clock);
      if (used == null) {
        used = deadlines.workingDaysUsed(clock);
      }
    }
    Integer left = used == null || limit == null ? null : limit - used;
    List<AlertKind> alerts = new ArrayList<>();
    for (var kind : AlertKind.values()) {
      if (rs.getBoolean("alert_" + kind.name().toLowerCase(Locale.ROOT))) {
        alerts.add(kind);
      }
    }
    return new ProjectSummary(rs.getString("code"), rs.getString("name"), county.code(),
        county.displayName(), node, node.displayName(), status, status.displayName(),
        Light.valueOf(rs.getString("light")), track, Tracks.name(track),
        rs.getObject("land_delisted_on", LocalDate.class), dueOn, used, left, gross, net,
        rs.getBigDecimal("investment"), rs.getString("contracting_leader"),
        rs.getString("chief_service_officer"), rs.getTimestamp("registered_at").toInstant(),
        alerts.stream().map(Enum::name).toList(),
        alerts.stream().map(AlertKind::displayName).toList());
  }

  private static String orderOf(String column, List<String> values) {
    var cases = new StringBuilder("case " + column);
    for (int i = 0; i < values.size(); i++) {
      cases.append(" when '").append(values.get(i)).append("' then ").append(i);
    }
    return cases.append(" end").toString();
  }
}
