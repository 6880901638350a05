package cn.kaifeng.jointapproval.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The project table: the record of each registered project. */
@Repository
public class ProjectRepository {

  /** The registration's columns by name; the county is stored by its code, not its enum name. */
  private static final RowMapper<ProjectRegistration> REGISTRATION = registrationMapper();

  private final JdbcClient jdbc;

  public ProjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String code) {
    return jdbc.sql("select count(*) from project where code = :code").param("code", code)
        .query(Integer.class).single() > 0;
  }

  /**
   * Inserts the record of a project registered with its land delisted: joint approval starts at
   * once ({@code processInstanceId}). A concurrent insert of the same code fails on the primary key.
   */
  public void insert(ProjectRegistration r, String processInstanceId, String registeredBy,
      Instant at) {
    insert(r, Node.LANDED, ProjectStatus.APPROVING, processInstanceId, null, false, registeredBy,
        at);
  }

  /**
   * Inserts the record of a project registered before land delisting (谋划, 在谈, 签约): no process,
   * no clock. {@code investor} and {@code fortune500} are known from signing on.
   */
  public void insertPreparing(ProjectRegistration r, Node node, String investor,
      boolean fortune500, String registeredBy, Instant at) {
    insert(r, node, ProjectStatus.PREPARING, null, investor, fortune500, registeredBy, at);
  }

  private void insert(ProjectRegistration r, Node node, ProjectStatus status,
      String processInstanceId, String investor, boolean fortune500, String registeredBy,
      Instant at) {
    jdbc.sql("""
        insert into project (code, name, county, land_delisted_on, free_trade_zone,
          commitment_system, government_invested, investment, industry, responsible_cadre,
          chief_service_officer, contracting_leader, historic_area, forest_land, hazardous_goods,
          civil_air_defence, road_works, special_equipment, annual_energy_tce, land_area_hectares,
          process_instance_id, status, light, registered_by, registered_at, node, investor,
          fortune500)
        values (:code, :name, :county, :landDelistedOn, :freeTradeZone,
          :commitmentSystem, :governmentInvested, :investment, :industry, :responsibleCadre,
          :chiefServiceOfficer, :contractingLeader, :historicArea, :forestLand, :hazardousGoods,
          :civilAirDefence, :roadWorks, :specialEquipment, :annualEnergyTce, :landAreaHectares,
          :processInstanceId, :status, :light, :registeredBy, :registeredAt, :node, :investor,
          :fortune500)""")
        .param("code", r.code()).param("name", r.name()).param("county", r.county().code())
        .param("landDelistedOn", r.landDelistedOn()).param("freeTradeZone", r.freeTradeZone())
        .param("commitmentSystem", r.commitmentSystem())
        .param("governmentInvested", r.governmentInvested()).param("investment", r.investment())
        .param("industry", r.industry()).param("responsibleCadre", r.responsibleCadre())
        .param("chiefServiceOfficer", r.chiefServiceOfficer())
        .param("contractingLeader", r.contractingLeader()).param("historicArea", r.historicArea())
        .param("forestLand", r.forestLand()).param("hazardousGoods", r.hazardousGoods())
        .param("civilAirDefence", r.civilAirDefence()).param("roadWorks", r.roadWorks())
        .param("specialEquipment", r.specialEquipment())
        .param("annualEnergyTce", r.annualEnergyTce())
        .param("landAreaHectares", r.landAreaHectares())
        .param("processInstanceId", processInstanceId)
        .param("status", status.name()).param("light", Light.GREEN.name())
        .param("registeredBy", registeredBy).param("node", node.name())
        .param("investor", investor).param("fortune500", fortune500)
        // The PostgreSQL driver cannot bind an Instant.
        .param("registeredAt", Timestamp.from(at))
        .update();
  }

  public Optional<Project> find(String code) {
    return jdbc.sql("select * from project where code = :code").param("code", code)
        .query(ProjectRepository::map).optional();
  }

  public Project get(String code) {
    return find(code).orElseThrow(() -> new ProjectNotFoundException(code));
  }

  /** The project whose joint approval process instance this is (stored at registration). */
  public Optional<Project> ofProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from project where process_instance_id = :processInstanceId")
        .param("processInstanceId", processInstanceId)
        .query(ProjectRepository::map).optional();
  }

  /**
   * Locks the project row until the transaction ends: item changes that touch the project's
   * clock (pauses) are serialized per project, also across engine nodes.
   */
  public void lock(String code) {
    jdbc.sql("select code from project where code = :code for update").param("code", code)
        .query(String.class).single();
  }

  /** The furthest node the project reached. */
  public void setNode(String code, Node node) {
    jdbc.sql("update project set node = :node where code = :code")
        .param("node", node.name()).param("code", code)
        .update();
  }

  /** Signed (签约): the investor and whether it is a Fortune Global 500 company. */
  public void sign(String code, String investor, boolean fortune500) {
    jdbc.sql("update project set investor = :investor, fortune500 = :fortune500 where code = :code")
        .param("investor", investor).param("fortune500", fortune500).param("code", code)
        .update();
  }

  /**
   * A preparing project's land was delisted on {@code on}: it enters joint approval. Only a
   * project that has no process yet; the process's first step binds itself ({@link #bindProcess}).
   */
  public void land(String code, LocalDate on) {
    int updated = jdbc.sql("""
        update project set land_delisted_on = :on, status = :approving
        where code = :code and status = :preparing and process_instance_id is null""")
        .param("on", on).param("approving", ProjectStatus.APPROVING.name())
        .param("preparing", ProjectStatus.PREPARING.name()).param("code", code)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("Project " + code + " is not preparing");
    }
  }

  /** The joint approval instance started for a project that landed after registration. */
  public void bindProcess(String code, String processInstanceId) {
    int updated = jdbc.sql("""
        update project set process_instance_id = :processInstanceId
        where code = :code and process_instance_id is null""")
        .param("processInstanceId", processInstanceId).param("code", code)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("Project " + code + " has a process already");
    }
  }

  public void setTrack(String code, String track, int limitWorkingDays, String deadlineId) {
    jdbc.sql("""
        update project set track = :track, limit_working_days = :limitWorkingDays,
          deadline_id = :deadlineId
        where code = :code""")
        .param("track", track).param("limitWorkingDays", limitWorkingDays)
        .param("deadlineId", deadlineId).param("code", code)
        .update();
  }

  public void setLight(String code, Light light) {
    jdbc.sql("update project set light = :light where code = :code")
        .param("light", light.name()).param("code", code)
        .update();
  }

  /**
   * Turns the project's light to {@code light} if it shows a lesser one; answers whether it did.
   * Never lowers it (red stays red), also when a yellow and a red timer commit at the same moment:
   * the condition is checked by the update itself, not by an earlier read.
   */
  public boolean raiseLight(String code, Light light) {
    var lower = Arrays.stream(Light.values()).filter(l -> l.compareTo(light) < 0)
        .map(Light::name).toList();
    if (lower.isEmpty()) {
      return false;
    }
    return jdbc.sql("update project set light = :light where code = :code and light in (:lower)")
        .param("light", light.name()).param("code", code).param("lower", lower)
        .update() == 1;
  }

  /** Every item approved on {@code on}: ready for construction, the clock keeps running. */
  public void complete(String code, LocalDate on) {
    jdbc.sql("""
        update project set status = :status, completed_on = :on
        where code = :code""")
        .param("status", ProjectStatus.READY_FOR_CONSTRUCTION.name())
        .param("on", on).param("code", code)
        .update();
  }

  /** Notes the start date someone reported; the process then stops the clock ({@link #started}). */
  public void reportStart(String code, LocalDate on, String by) {
    jdbc.sql("update project set started_on = :on, started_by = :by where code = :code")
        .param("on", on).param("by", by).param("code", code)
        .update();
  }

  /** Construction started: the clock stopped with {@code workingDaysUsed}, pauses excluded. */
  public void started(String code, int workingDaysUsed) {
    jdbc.sql("""
        update project set status = :status, working_days_used = :workingDaysUsed
        where code = :code""")
        .param("status", ProjectStatus.STARTED.name())
        .param("workingDaysUsed", workingDaysUsed).param("code", code)
        .update();
  }

  /**
   * Records that the project past its limit was escalated on {@code on}, unless it already was.
   * Call under the project's row lock ({@link #lock}); answers whether this call recorded it, so
   * that the escalation happens once however often its timers fire.
   */
  public boolean markOverrunEscalated(String code, LocalDate on) {
    return jdbc.sql("""
        update project set overrun_escalated_on = :on
        where code = :code and overrun_escalated_on is null""")
        .param("on", on).param("code", code)
        .update() == 1;
  }

  /** The day the project past its limit was escalated, if it was. */
  public Optional<LocalDate> overrunEscalatedOn(String code) {
    return jdbc.sql("select overrun_escalated_on from project where code = :code")
        .param("code", code)
        .query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
        .optional().flatMap(o -> o);
  }

  /** Hand-mapped only where the columns are not a flat record: the registration inside. */
  private static Project map(ResultSet rs, int row) throws SQLException {
    return new Project(REGISTRATION.mapRow(rs, row), rs.getString("track"),
        rs.getObject("limit_working_days", Integer.class), rs.getString("deadline_id"),
        rs.getString("process_instance_id"), ProjectStatus.valueOf(rs.getString("status")),
        Light.valueOf(rs.getString("light")), rs.getObject("working_days_used", Integer.class),
        rs.getObject("completed_on", LocalDate.class), rs.getString("registered_by"),
        rs.getTimestamp("registered_at").toInstant(),
        rs.getObject("started_on", LocalDate.class), rs.getString("started_by"),
        Node.valueOf(rs.getString("node")), rs.getString("investor"),
        rs.getBoolean("fortune500"));
  }

  /**
   * By hand: Spring's record mapper looks each component up as a camel-case column first, and
   * PostgreSQL's driver answers each miss with an exception; a project is read by every item's
   * opening, timer and view.
   */
  private static RowMapper<ProjectRegistration> registrationMapper() {
    return (rs, row) -> new ProjectRegistration(rs.getString("code"), rs.getString("name"),
        county(rs.getString("county")), rs.getObject("land_delisted_on", LocalDate.class),
        rs.getBoolean("free_trade_zone"), rs.getBoolean("commitment_system"),
        rs.getBoolean("government_invested"), rs.getBigDecimal("investment"),
        rs.getString("industry"), rs.getString("responsible_cadre"),
        rs.getString("chief_service_officer"), rs.getString("contracting_leader"),
        rs.getBoolean("historic_area"), rs.getBoolean("forest_land"),
        rs.getBoolean("hazardous_goods"), rs.getBoolean("civil_air_defence"),
        rs.getBoolean("road_works"), rs.getBoolean("special_equipment"),
        rs.getBigDecimal("annual_energy_tce"), rs.getBigDecimal("land_area_hectares"));
  }

  private static County county(String code) {
    return County.byCode(code)
        .orElseThrow(() -> new IllegalStateException("Unknown county " + code));
  }
}
