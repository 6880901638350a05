package cn.kaifeng.jointapproval.projectview;





import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.lifecycle.InvestmentView;
import cn.kaifeng.jointapproval.lifecycle.PlanView;
import cn.kaifeng.jointapproval.lifecycle.ProjectAlert;
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
 * {@code workingDaysUsed} is the net figure (stored once the project started). {@code alerts}: the
 * open alerts of plan against fact (应开未开, 应竣未竣, 节点滞后); {@code cases}: every supervision
 * case of the project, those of meeting decisions (also shown with their matter) and those opened
 * when the project passed its limit (no matter, no item); {@code plan}: the node plan in force
 * (null without one) with its versions; {@code investmentProgress}: this year's planned and completed
 * investment, 投资完成率 and the monthly reports. {@code node} is the furthest node of its life
 * reached, {@code nodes} each node with its date, who recorded it and when.
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
    List<ProjectAlert.View> alerts,
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
    List<Case> cases,
    List<ProjectLedger.Entry> history,
    PlanView plan,
    InvestmentView investmentProgress,
    List<cn.kaifeng.jointapproval.problem.ProblemView> problems) {

  /**
   * A supervision case (督办件) of the project; {@code matterId} and {@code itemCode} are null for
   * a case of the project past its limit ({@code origin} {@code PROJECT_OVERRUN}).
   */
  public record Case(
      String caseId,
      String origin,
      String originName,
      String matterId,
      String itemCode,
      String decision,
      String responsibleUnit,
      String responsibleUnitName,
      LocalDate deadline,
      String status,
      String statusName,
      boolean overdue,
      LocalDate closedOn) {}

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
