package cn.kaifeng.jointapproval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The battle maps and reports at city scale (issue 18 point 4, issue 20 point 1): 10,000 projects
 * and 100,000 approval items on PostgreSQL ({@link BenchPostgres}), loaded with JDBC batch inserts
 * of rows shaped like the application's own (projects at every node, clocks, items with lights and
 * pauses, reached nodes, plans, alerts, problems, supervision cases), then each endpoint of
 * /api/board (its Excel exports included), the problem ledger's list and the monthly, quarterly
 * report (computed from those rows while unpublished) and its workbook read over HTTP with a
 * logged-in webapp session, as the office, a county, a leader and a section. Prints p50 and p95
 * per endpoint and reader and writes them to target/bench/BoardBench.md and .csv.
 * {@code -Dbench.smoke=true}: 300 projects, a few rounds, only checks that it works.
 */
class BoardBench {

  private static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
  private static final int PROJECTS = SMOKE ? 300 : 10_000;
  private static final int ITEMS = SMOKE ? 3_000 : 100_000;
  private static final int WARMUP = SMOKE ? 2 : 20;
  private static final int ROUNDS = SMOKE ? 5 : 100;
  private static final String[] COUNTIES = {"longting", "shunhe", "gulou", "yuwangtai",
      "xiangfu", "qixian", "tongxu", "weishi", "lankao", "shifanqu"};
  private static final String[] SECTIONS = {"fgw", "zrzy", "zjj", "sthj", "rfb", "wlj", "czj",
      "scjg", "slj", "yjj", "jtj", "lyj"};
  /** Share of projects per furthest node, in the order of the life (sums to 100). */
  private static final int[] NODE_SHARE = {15, 10, 10, 25, 5, 20, 10, 5};
  private static final String[] NODES = {"RESERVE", "NEGOTIATING", "SIGNED", "LANDED", "READY",
      "STARTED", "COMPLETED", "OPERATING"};

  /** Excel downloads and reports computed over the whole city: fewer rounds of them. */
  private static final int HEAVY_WARMUP = SMOKE ? 1 : 3;
  private static final int HEAVY_ROUNDS = SMOKE ? 3 : 20;

  private record Endpoint(String reader, String path, boolean heavy) {
    Endpoint(String reader, String path) {
      this(reader, path, false);
    }

    String accept() {
      return path.contains(".xlsx") || path.contains("/workbook") ? "*/*" : "application/json";
    }
  }

  @Test
  void boardEndpointsAtCityScale() throws Exception {
    try (var postgres = BenchPostgres.start()) {
      var app = new SpringApplicationBuilder(JointApprovalApplication.class).run(
          "--spring.profiles.active=postgres",
          "--SPRING_DATASOURCE_URL=" + postgres.jdbcUrl(),
          "--SPRING_DATASOURCE_USERNAME=" + postgres.username(),
          "--SPRING_DATASOURCE_PASSWORD=" + postgres.password(),
          "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
      try {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        long loadStart = System.nanoTime();
        try (var db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
            postgres.password())) {
          load(db);
        }
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        var today = ChinaTime.today();
        String lastMonth = YearMonth.from(today).minusMonths(1).toString();
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        var endpoints = List.of(
            new Endpoint("keyoffice", "/api/board/overview"),
            new Endpoint("cso-lankao", "/api/board/overview"),
            new Endpoint("leader-1", "/api/board/overview"),
            new Endpoint("officer-wlj", "/api/board/overview"),
            new Endpoint("keyoffice", "/api/board/approvals?county=lankao"),
            new Endpoint("cso-lankao", "/api/board/approvals?county=lankao"),
            new Endpoint("officer-wlj", "/api/board/approvals?county=lankao"),
            new Endpoint("keyoffice", "/api/board/leaders"),
            new Endpoint("leader-1", "/api/board/leaders"),
            new Endpoint("keyoffice", "/api/board/leaders/projects?leader=leader-1&size=50"),
            new Endpoint("leader-1", "/api/board/leaders/projects?leader=leader-1&size=50"),
            new Endpoint("keyoffice", "/api/board/reserve"),
            new Endpoint("cso-lankao", "/api/board/reserve"),
            new Endpoint("keyoffice", "/api/projects?county=lankao&light=RED&size=50"),
            new Endpoint("keyoffice", "/api/board/me"),
            new Endpoint("keyoffice", "/api/board/targets/" + today.getYear()),
            new Endpoint("keyoffice", "/api/problems?size=50"),
            // Problems are on every fifth project (in shunhe and tongxu).
            new Endpoint("cso-shunhe", "/api/problems?county=shunhe&size=50"),
            new Endpoint("keyoffice", "/api/problems?overdue=true&size=50"),
            new Endpoint("keyoffice", "/api/board/approvals.xlsx?county=lankao", true),
            new Endpoint("keyoffice", "/api/board/projects.xlsx?county=lankao", true),
            new Endpoint("keyoffice", "/api/board/reserve.xlsx", true),
            new Endpoint("keyoffice", "/api/reports?period=" + lastMonth, true),
            new Endpoint("keyoffice", "/api/reports?period=" + quarter, true),
            new Endpoint("cso-lankao", "/api/reports?period=" + quarter, true),
            new Endpoint("keyoffice", "/api/reports/workbook?period=" + lastMonth, true));
        List<String> rows = new ArrayList<>();
        for (var endpoint : endpoints) {
          // The session of the webapps' login, as a browser on /board/ has.
          var client = TasklistSession.login(base, endpoint.reader(), "welcome").client();
          int warmup = endpoint.heavy() ? HEAVY_WARMUP : WARMUP;
          long[] times = new long[endpoint.heavy() ? HEAVY_ROUNDS : ROUNDS];
          int bytes = 0;
          for (int i = 0; i < warmup + times.length; i++) {
            long start = System.nanoTime();
            var response = client.send(HttpRequest.newBuilder(URI.create(base + endpoint.path()))
                .header("Accept", endpoint.accept()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            assertThat(response.statusCode())
                .as(endpoint + " " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
            bytes = response.body().length;
            if (i >= warmup) {
              times[i - warmup] = took;
            }
          }
          Arrays.sort(times);
          rows.add(String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%.1f,%d", endpoint.path(),
              endpoint.reader(), millis(times, 0.50), millis(times, 0.95),
              times[times.length - 1] / 1e6, bytes));
        }
        report(rows, loadMillis);
      } finally {
        app.close();
      }
    }
  }

  private static double millis(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static void report(List<String> rows, long loadMillis) throws Exception {
    var dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    var csv = new StringBuilder("endpoint,reader,p50_ms,p95_ms,max_ms,bytes\n");
    var md = new StringBuilder("## BoardBench: battle maps and reports at city scale\n\n")
        .append(String.format(Locale.ROOT, "%,d projects, %,d approval items on PostgreSQL"
            + " (loaded in %,d ms); %d rounds after %d warm-up (Excel downloads and reports:"
            + " %d after %d), one logged-in webapp session per reader.%n%n", PROJECTS, ITEMS,
            loadMillis, ROUNDS, WARMUP, HEAVY_ROUNDS, HEAVY_WARMUP))
        .append("| endpoint | reader | p50 ms | p95 ms | max ms | bytes |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    for (var row : rows) {
      csv.append(row).append('\n');
      md.append("| ").append(String.join(" | ", row.split(","))).append(" |\n");
    }
    Files.writeString(dir.resolve("BoardBench.csv"), csv);
    Files.writeString(dir.resolve("BoardBench.md"), md);
    System.out.println(md);
  }

  /** Rows shaped like the application's, in batches; one transaction. */
  private static void load(Connection db) throws SQLException {
    db.setAutoCommit(false);
    var random = new Random(18);
    var today = ChinaTime.today();
    var now = Timestamp.from(Instant.now());
    int landedProjects = 0;
    String[] nodeOf = new String[PROJECTS];
    for (int p = 0, n = 0, sum = NODE_SHARE[0]; p < PROJECTS; p++) {
      while (p * 100L >= (long) sum * PROJECTS && n < NODES.length - 1) {
        sum += NODE_SHARE[++n];
      }
      nodeOf[p] = NODES[n];
      if (n >= 3) {
        landedProjects++;
      }
    }
    try (var project = db.prepareStatement("""
            insert into project (code, name, county, land_delisted_on, free_trade_zone,
              commitment_system, government_invested, investment, industry, responsible_cadre,
              chief_service_officer, contracting_leader, historic_area, forest_land,
              hazardous_goods, civil_air_defence, road_works, special_equipment,
              annual_energy_tce, land_area_hectares, track, limit_working_days, deadline_id,
              status, light, working_days_used, completed_on, registered_by, registered_at,
              started_on, node, investor, fortune500)
            values (?, ?, ?, ?, false, false, false, ?, '装备制造', '王建国', ?, ?, ?, false,
              false, false, false, false, 0, 0, ?, ?, ?, ?, ?, ?, ?, 'keyoffice', ?, ?, ?, ?,
              false)""");
        var deadline = db.prepareStatement("""
            insert into deadline (id, start_on, limit_days, paused_days, warn_share, due_on,
              warn_on, provisional, closed_on) values (?, ?, ?, ?, 0.75, ?, ?, false, ?)""");
        var item = db.prepareStatement("""
            insert into project_item (project_code, item_code, name, department, candidate_group,
              stage, promised_days, deadline_id, status, light, escalated, completed_on,
              in_matter) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)""");
        var node = db.prepareStatement("""
            insert into project_node (project_code, node, reached_on, recorded_by, recorded_at)
            values (?, ?, ?, 'cso', ?)""");
        var pause = db.prepareStatement("""
            insert into project_pause (project_code, item_code, paused_on, resumed_on)
            values (?, ?, ?, ?)""");
        var alert = db.prepareStatement("""
            insert into project_alert (project_code, kind, node, raised_on, detail)
            values (?, ?, ?, ?, '计划节点已过')""");
        var plan = db.prepareStatement("""
            insert into project_plan (id, project_code, plan_year, version, planned_investment,
              changed_by, changed_at, changes) values (?, ?, ?, 1, 10000, 'cso', ?, '制定计划')""");
        var planNode = db.prepareStatement(
            "insert into project_plan_node (plan_id, node, planned_on) values (?, ?, ?)");
        var problem = db.prepareStatement("""
            insert into problem (id, project_code, category, description, level, proposed_unit,
              status, responsible_unit, deadline_days, deadline_id, light, raised_by, raised_at)
            values (?, ?, 'LAND', '用地指标尚未落实', 'CITY', 'approval-zrzy', ?, ?, 10, ?,
              'GREEN', 'cso', ?)""");
        var supervision = db.prepareStatement("""
            insert into supervision_case (id, origin, project_code, decision, responsible_unit,
              deadline_id, status, overdue, opened_at) values (?, 'PROJECT_OVERRUN', ?,
              '查明超期原因并整改', ?, ?, ?, false, ?)""")) {
      int itemsLeft = ITEMS;
      int landedLeft = landedProjects;
      for (int p = 0; p < PROJECTS; p++) {
        String code = String.format("KF-B-%05d", p);
        String county = COUNTIES[p % COUNTIES.length];
        String leader = "leader-" + (1 + p % 5);
        int nodeIndex = Arrays.asList(NODES).indexOf(nodeOf[p]);
        boolean landed = nodeIndex >= 3;
        LocalDate landedOn = today.minusDays(20 + random.nextInt(landed && nodeIndex > 4 ? 700
            : 140));
        String status = switch (nodeOf[p]) {
          case "RESERVE", "NEGOTIATING", "SIGNED" -> "PREPARING";
          case "LANDED" -> "APPROVING";
          case "READY" -> "READY_FOR_CONSTRUCTION";
          default -> "STARTED";
        };
        int roll = random.nextInt(100);
        String light = !landed ? "GREEN" : roll < 70 ? "GREEN" : roll < 90 ? "YELLOW" : "RED";
        String clock = landed ? "project:" + code : null;
        LocalDate due = landedOn.plusDays(112);
        LocalDate started = nodeIndex >= 5 ? landedOn.plusDays(100) : null;
        if (landed) {
          deadline.setString(1, clock);
          deadline.setDate(2, Date.valueOf(landedOn));
          deadline.setInt(3, 80);
          deadline.setInt(4, random.nextInt(4));
          deadline.setDate(5, Date.valueOf(due));
          deadline.setDate(6, Date.valueOf(landedOn.plusDays(84)));
          deadline.setDate(7, started == null ? null : Date.valueOf(started));
          deadline.addBatch();
        }
        project.setString(1, code);
        project.setString(2, county + "重点项目" + p);
        project.setString(3, county);
        project.setDate(4, landed ? Date.valueOf(landedOn) : null);
        project.setBigDecimal(5, java.math.BigDecimal.valueOf(5000 + random.nextInt(200_000)));
        project.setString(6, "cso-" + county);
        project.setString(7, leader);
        project.setBoolean(8, p % 3 == 0);
        project.setString(9, landed ? "GENERAL" : null);
        project.setObject(10, landed ? 80 : null);
        project.setString(11, clock);
        project.setString(12, status);
        project.setString(13, light);
        project.setObject(14, started == null ? null : 70);
        project.setDate(15, nodeIndex >= 4 ? Date.valueOf(landedOn.plusDays(90)) : null);
        project.setTimestamp(16, now);
        project.setDate(17, started == null ? null : Date.valueOf(started));
        project.setString(18, nodeOf[p]);
        project.setString(19, nodeIndex >= 2 ? "某投资有限公司" : null);
        project.addBatch();
        // The nodes it reached, one row each, a month apart before landing.
        for (int k = 0; k <= nodeIndex; k++) {
          if (k < 3 && k != 0 && random.nextInt(3) == 0) {
            continue;
          }
          node.setString(1, code);
          node.setString(2, NODES[k]);
          node.setDate(3, Date.valueOf(k < 3 ? landedOn.minusDays(30L * (3 - k))
              : landedOn.plusDays(45L * (k - 3))));
          node.setTimestamp(4, now);
          node.addBatch();
        }
        if (p % 2 == 0) {
          // Explicit ids (the column is generated by default): no round trip per plan.
          long planId = p + 1L;
          plan.setLong(1, planId);
          plan.setString(2, code);
          plan.setInt(3, today.getYear());
          plan.setTimestamp(4, now);
          plan.addBatch();
          for (int k = Math.min(nodeIndex + 1, 7); k < 8 && k <= nodeIndex + 3; k++) {
            planNode.setLong(1, planId);
            planNode.setString(2, NODES[k]);
            planNode.setDate(3, Date.valueOf(today.plusDays(30L * (k - nodeIndex) - 40)));
            planNode.addBatch();
          }
        }
        if (p % 10 == 3) {
          alert.setString(1, code);
          alert.setString(2, p % 20 == 3 ? "START_OVERDUE" : "NODE_LATE");
          alert.setString(3, p % 20 == 3 ? "STARTED" : NODES[Math.min(nodeIndex + 1, 7)]);
          alert.setDate(4, Date.valueOf(today.minusDays(3)));
          alert.addBatch();
        }
        if (p % 5 == 1) {
          String problemClock = "problem:Q-" + code;
          deadline.setString(1, problemClock);
          deadline.setDate(2, Date.valueOf(today.minusDays(20)));
          deadline.setInt(3, 10);
          deadline.setInt(4, 0);
          deadline.setDate(5, Date.valueOf(today.minusDays(20 - 14 * (p % 3))));
          deadline.setDate(6, Date.valueOf(today.minusDays(10)));
          deadline.setDate(7, null);
          deadline.addBatch();
          problem.setString(1, "Q-" + code);
          problem.setString(2, code);
          problem.setString(3, p % 3 == 0 ? "NEW" : "ASSIGNED");
          problem.setString(4, "approval-" + SECTIONS[p % SECTIONS.length]);
          problem.setString(5, problemClock);
          problem.setTimestamp(6, now);
          problem.addBatch();
        }
        if (landed && "RED".equals(light) && p % 4 == 0) {
          String caseClock = "case:C-" + code;
          deadline.setString(1, caseClock);
          deadline.setDate(2, Date.valueOf(today.minusDays(30)));
          deadline.setInt(3, 10);
          deadline.setInt(4, 0);
          deadline.setDate(5, Date.valueOf(today.minusDays(16)));
          deadline.setDate(6, Date.valueOf(today.minusDays(19)));
          deadline.setDate(7, null);
          deadline.addBatch();
          supervision.setString(1, "C-" + code);
          supervision.setString(2, code);
          supervision.setString(3, "county-" + county);
          supervision.setString(4, caseClock);
          supervision.setString(5, "IN_PROGRESS");
          supervision.setTimestamp(6, now);
          supervision.addBatch();
        }
        if (landed) {
          int count = itemsLeft / landedLeft--;
          itemsLeft -= count;
          for (int i = 0; i < count; i++) {
            String itemCode = String.format("ITEM-%02d", i);
            String section = SECTIONS[(i + p) % SECTIONS.length];
            int stage = 1 + i * 3 / count;
            LocalDate opens = landedOn.plusDays(30L * (stage - 1));
            LocalDate itemDue = opens.plusDays(28);
            boolean approving = "APPROVING".equals(status);
            String itemStatus = !approving || stage == 1 && i % 3 != 0 ? "APPROVED"
                : stage == 3 ? "PLANNED" : i % 7 == 0 ? "RETURNED" : "OPEN";
            String itemClock = "item:" + code + ":" + itemCode;
            LocalDate done = "APPROVED".equals(itemStatus) ? opens.plusDays(10 + i % 15) : null;
            deadline.setString(1, itemClock);
            deadline.setDate(2, Date.valueOf(opens));
            deadline.setInt(3, 20);
            deadline.setInt(4, "RETURNED".equals(itemStatus) ? 3 : 0);
            deadline.setDate(5, Date.valueOf(itemDue));
            deadline.setDate(6, Date.valueOf(opens.plusDays(21)));
            deadline.setDate(7, done == null ? null : Date.valueOf(done));
            deadline.addBatch();
            item.setString(1, code);
            item.setString(2, itemCode);
            item.setString(3, "审批事项" + i);
            item.setString(4, section);
            item.setString(5, "approval-" + section);
            item.setInt(6, stage);
            item.setInt(7, 20);
            item.setString(8, itemClock);
            item.setString(9, itemStatus);
            item.setString(10, "APPROVED".equals(itemStatus) ? "GREEN"
                : i % 5 == 0 ? "RED" : i % 3 == 0 ? "YELLOW" : "GREEN");
            item.setDate(11, done == null ? null : Date.valueOf(done));
            item.setBoolean(12, "OPEN".equals(itemStatus) && i % 11 == 0);
            item.addBatch();
            if ("RETURNED".equals(itemStatus) || done != null && i % 9 == 0) {
              pause.setString(1, code);
              pause.setString(2, itemCode);
              pause.setDate(3, Date.valueOf(opens.plusDays(3)));
              pause.setDate(4, "RETURNED".equals(itemStatus) ? null
                  : Date.valueOf(opens.plusDays(7)));
              pause.addBatch();
            }
          }
        }
        if (p % 500 == 499 || p == PROJECTS - 1) {
          // Parents first: the foreign keys point to project and (for plans) project_plan.
          deadline.executeBatch();
          project.executeBatch();
          item.executeBatch();
          node.executeBatch();
          pause.executeBatch();
          alert.executeBatch();
          plan.executeBatch();
          planNode.executeBatch();
          problem.executeBatch();
          supervision.executeBatch();
        }
      }
    }
    db.commit();
    try (var analyze = db.createStatement()) {
      analyze.execute("analyze");
    }
  }
}
