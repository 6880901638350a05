package cn.kaifeng.jointapproval.projectview;

import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as a row of {@code GET /api/projects}: where it stands, its clock and its people, not
 * its items and history (those are {@code GET /api/projects/{code}}). {@code deadline} and the
 * working days (used and left against the limit, gross and net as on the project's page) are empty
 * before land delisting; {@code alerts} are the open findings' kinds,
 * {@code alertNames} what people read.
 */
public record ProjectSummary(
    String code,
    String name,
    String county,
    String countyName,
    Node node,
    String nodeName,
    ProjectStatus status,
    String statusName,
    Light light,
    String track,
    String trackName,
    LocalDate landDelistedOn,
    LocalDate deadline,
    Integer workingDaysUsed,
    Integer workingDaysLeft,
    Integer grossWorkingDays,
    Integer netWorkingDays,
    BigDecimal investment,
    String contractingLeader,
    String chiefServiceOfficer,
    Instant registeredAt,
    List<String> alerts,
    List<String> alertNames) {

  /** A page of the list, as every list of the API answers (DOMAIN.md §8). */
  public record Page(List<ProjectSummary> content, int page, int size, long totalElements) {}
}
