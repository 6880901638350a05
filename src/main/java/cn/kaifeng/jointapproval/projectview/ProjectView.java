package cn.kaifeng.jointapproval.projectview;





import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.Node;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as the API answers it (DOMAIN.md §6): the ledger, its clock, its items, its history.
 * {@code grossWorkingDays} counts every working day from the day after the clock's start to its end
 * (construction start, an item's approval) or today; {@code netWorkingDays} the same less the
 * paused days (an item its own pauses, the project the union of all its items' pauses).
 * {@code workingDaysUsed} is the net figure (stored once the project started). {@code alerts}:
 * 应开未开 while a ready project waits too long for its start. {@code node} is the furthest node of
 * its life reached, {@code nodes} each node with its date, who recorded it and when.
 */
public record ProjectView(
    String code,
    String name,
    String county,
    String countyName,
    LocalDate landDelistedOn,
    boolean freeTradeZone,
    boolean commitmentSystem,
    boolean governmentInvested,
    BigDecimal investment,
    String industry,
    String responsibleCadre,
    String chiefServiceOfficer,
    String contractingLeader,
    Conditions conditions,
    String track,
    String trackName,
    Integer limitWorkingDays,
    LocalDate deadline,
    boolean deadlineProvisional,
    Integer workingDaysUsed,
    Integer workingDaysLeft,
    int pausedWorkingDays,
    Integer grossWorkingDays,
    Integer netWorkingDays,
    Light light,
    List<String> alerts,
    ProjectStatus status,
    String statusName,
    Node node,
    String nodeName,
    String investor,
    boolean fortune500,
    List<NodeEntry> nodes,
    LocalDate completedOn,
    LocalDate startedOn,
    String processInstanceId,
    String registeredBy,
    Instant registeredAt,
    List<Item> items,
    List<Matter> matters,
    List<ProjectLedger.Entry> history) {

  /**
   * A matter handed to the joint review platform, as far as it got: coordination, the meeting's
   * agenda, its decision and the supervision case.
   */
  public record Matter(
      String matterId,
      String itemCode,
      String origin,
      String reason,
      String stage,
      String stageName,
      LocalDate deadline,
      LocalDate meetingOn,
      String decision,
      String responsibleUnit,
      String caseId,
      String caseStatus,
      boolean caseOverdue,
      String resolution,
      LocalDate closedOn) {}

  /**
   * A node the project reached (DOMAIN.md §8.1): its date, who recorded it (none: the process)
   * and when, and what people read about it.
   */
  public record NodeEntry(Node node, String nodeName, LocalDate date, String recordedBy,
      Instant recordedAt, String detail) {}

  /** The facts that decide which items a project needs. */
  public record Conditions(boolean historicArea, boolean forestLand, boolean hazardousGoods,
      boolean civilAirDefence, boolean roadWorks, boolean specialEquipment,
      BigDecimal annualEnergyTce, BigDecimal landAreaHectares) {}

  public record Item(
      String itemCode,
      String name,
      String department,
      String departmentName,
      String candidateGroup,
      int stage,
      String stageName,
      int promisedDays,
      ItemStatus status,
      String statusName,
      LocalDate dueOn,
      boolean dueOnProvisional,
      int pausedWorkingDays,
      int grossWorkingDays,
      int netWorkingDays,
      Light light,
      boolean escalated,
      String opinion,
      LocalDate completedOn) {}
}
