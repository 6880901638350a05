package cn.kaifeng.jointapproval.board;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The new-start joint approval map (新开工项目联审联批图) of one county: every project in approval
 * (or ready and waiting for its start, its clock still running) with its items on one working-day
 * axis. {@code axis} lists the dates of the working days from {@code axis[0]} on: a position
 * {@code n} on the map is the date {@code axis[n]}, so holidays and weekends take no room, and
 * today's line and every limit sit on the same scale.
 */
record ApprovalMap(
    String county,
    String countyName,
    LocalDate today,
    int todayAt,
    List<LocalDate> axis,
    List<Project> projects,
    String sort,
    int page,
    int size,
    long totalElements) {

  /**
   * The order of the projects: {@code left} fewest working days left first (the nearest due
   * date), {@code -left} most first, {@code code} by project code.
   */
  enum Sort { left, minusLeft, code;

    static java.util.Optional<Sort> of(String value) {
      return switch (value) {
        case "left" -> java.util.Optional.of(left);
        case "-left" -> java.util.Optional.of(minusLeft);
        case "code" -> java.util.Optional.of(code);
        default -> java.util.Optional.empty();
      };
    }

    String sql() {
      return switch (this) {
        case left -> "pd.due_on asc, p.code asc";
        case minusLeft -> "pd.due_on desc, p.code asc";
        case code -> "p.code asc";
      };
    }

    String value() {
      return this == minusLeft ? "-left" : name();
    }
  }

  record Project(
      String code,
      String name,
      String track,
      String trackName,
      Integer limitWorkingDays,
      LocalDate landDelistedOn,
      int landedAt,
      LocalDate deadline,
      int deadlineAt,
      int workingDaysUsed,
      int workingDaysLeft,
      int pausedWorkingDays,
      String light,
      String status,
      String statusName,
      BigDecimal investment,
      int openMatters,
      List<Item> items) {}

  /**
   * An item from its opening to its approval (or its due date while open); {@code pauses} are
   * its returns for supplement (补正), an open one up to today.
   */
  record Item(
      String itemCode,
      String name,
      String department,
      String departmentName,
      int stage,
      String stageName,
      int promisedDays,
      String status,
      String statusName,
      String light,
      LocalDate opensOn,
      int opensAt,
      LocalDate dueOn,
      int dueAt,
      LocalDate completedOn,
      Integer completedAt,
      int pausedWorkingDays,
      boolean inMatter,
      List<Pause> pauses) {}

  record Pause(LocalDate from, int fromAt, LocalDate until, int untilAt, boolean open) {}
}
