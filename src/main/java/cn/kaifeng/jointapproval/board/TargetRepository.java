package cn.kaifeng.jointapproval.board;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counties' yearly targets per node (board_target). */
@Repository
class TargetRepository {

  private final JdbcClient jdbc;

  TargetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** county → node → target of a year. */
  Map<String, Map<String, Integer>> ofYear(int year) {
    Map<String, Map<String, Integer>> targets = new HashMap<>();
    jdbc.sql("select county, node, target from board_target where target_year = :year")
        .param("year", year)
        .query(rs -> {
          targets.computeIfAbsent(rs.getString("county"), c -> new HashMap<>())
              .put(rs.getString("node"), rs.getInt("target"));
        });
    return targets;
  }

  /** Sets (replaces) one county's target for a node of a year. */
  void set(int year, String county, String node, int target, String by, Instant at) {
    int updated = jdbc.sql("""
            update board_target set target = :target, set_by = :by, set_at = :at
            where target_year = :year and county = :county and node = :node""")
        .param("target", target).param("by", by).param("at", Timestamp.from(at))
        .param("year", year).param("county", county).param("node", node).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into board_target (target_year, county, node, target, set_by, set_at)
              values (:year, :county, :node, :target, :by, :at)""")
          .param("target", target).param("by", by).param("at", Timestamp.from(at))
          .param("year", year).param("county", county).param("node", node).update();
    }
  }
}
