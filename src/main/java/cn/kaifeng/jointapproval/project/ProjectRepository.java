package cn.kaifeng.jointapproval.project;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The project table: the record of each registered project. */
@Repository
public class ProjectRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public ProjectRepository(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  public boolean exists(String code) {
    Integer n = jdbc.queryForObject("select count(*) from project where code = ?", Integer.class,
        code);
    return n != null && n > 0;
  }

  /** Inserts the record; a concurrent insert of the same code fails on the primary key. */
  public void insert(ProjectRegistration r, String processInstanceId, String registeredBy,
      Instant at) {
    jdbc.update("""
        insert into project (code, name, county, land_delisted_on, free_trade_zone,
          commitment_system, government_invested, investment, industry, responsible_cadre,
          chief_service_officer, contracting_leader, historic_area, forest_land, hazardous_goods,
          civil_air_defence, road_works, special_equipment, annual_energy_tce, land_area_hectares,
          process_instance_id, status, light, registered_by, registered_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        r.code(), r.name(), r.county().code(), Date.valueOf(r.landDelistedOn()),
        r.freeTradeZone(), r.commitmentSystem(), r.governmentInvested(), r.investment(),
        r.industry(), r.responsibleCadre(), r.chiefServiceOfficer(), r.contractingLeader(),
        r.historicArea(), r.forestLand(), r.hazardousGoods(), r.civilAirDefence(), r.roadWorks(),
        r.specialEquipment(), r.annualEnergyTce(), r.landAreaHectares(), processInstanceId,
        ProjectStatus.APPROVING.name(), Light.GREEN.name(), registeredBy, Timestamp.from(at));
  }

  public Optional<Project> find(String code) {
    return jdbc.query("select * from project where code = ?", ProjectRepository::map, code)
        .stream().findFirst();
  }

  public Project get(String code) {
    return find(code).orElseThrow(() -> new ProjectNotFoundException(code));
  }

  /** The project whose joint approval process instance this is (stored at registration). */
  public Optional<Project> ofProcessInstance(String processInstanceId) {
    return client.sql("select * from project where process_instance_id = :processInstanceId")
        .param("processInstanceId", processInstanceId)
        .query(ProjectRepository::map).optional();
  }

  /**
   * Locks the project row until the transaction ends: item changes that touch the project's
   * clock (pauses) are serialized per project, also across engine nodes.
   */
  public void lock(String code) {
    jdbc.queryForObject("select code from project where code = ? for update", String.class, code);
  }

  public void setTrack(String code, String track, int limitWorkingDays, String deadlineId) {
    jdbc.update("update project set track = ?, limit_working_days = ?, deadline_id = ? "
        + "where code = ?", track, limitWorkingDays, deadlineId, code);
  }

  public void setLight(String code, Light light) {
    jdbc.update("update project set light = ? where code = ?", light.name(), code);
  }

  public void complete(String code, int workingDaysUsed, LocalDate on) {
    jdbc.update("update project set status = ?, working_days_used = ?, completed_on = ? "
            + "where code = ?", ProjectStatus.READY_FOR_CONSTRUCTION.name(), workingDaysUsed,
        Date.valueOf(on), code);
  }

  private static Project map(ResultSet rs, int row) throws SQLException {
    var registration = new ProjectRegistration(rs.getString("code"), rs.getString("name"),
        County.byCode(rs.getString("county")).orElseThrow(),
        rs.getDate("land_delisted_on").toLocalDate(), rs.getBoolean("free_trade_zone"),
        rs.getBoolean("commitment_system"), rs.getBoolean("government_invested"),
        rs.getBigDecimal("investment"), rs.getString("industry"),
        rs.getString("responsible_cadre"), rs.getString("chief_service_officer"),
        rs.getString("contracting_leader"), rs.getBoolean("historic_area"),
        rs.getBoolean("forest_land"), rs.getBoolean("hazardous_goods"),
        rs.getBoolean("civil_air_defence"), rs.getBoolean("road_works"),
        rs.getBoolean("special_equipment"), rs.getBigDecimal("annual_energy_tce"),
        rs.getBigDecimal("land_area_hectares"));
    int limit = rs.getInt("limit_working_days");
    Integer limitDays = rs.wasNull() ? null : limit;
    int used = rs.getInt("working_days_used");
    Integer usedDays = rs.wasNull() ? null : used;
    Date completed = rs.getDate("completed_on");
    return new Project(registration, rs.getString("track"), limitDays,
        rs.getString("deadline_id"), rs.getString("process_instance_id"),
        ProjectStatus.valueOf(rs.getString("status")), Light.valueOf(rs.getString("light")),
        usedDays, completed == null ? null : completed.toLocalDate(),
        rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant());
  }
}
