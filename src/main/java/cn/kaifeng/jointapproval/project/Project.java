package cn.kaifeng.jointapproval.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A project's ledger record (项目台账). Track and clock are set once the process decided them;
 * {@code completedOn} is the day it became ready (具备开工条件), {@code startedOn} the day
 * construction started; {@code workingDaysUsed} is stored once the clock stopped (at the start).
 * {@code node} is the furthest node of its life reached (DOMAIN.md §8.1); a project registered
 * before land delisting has status {@code PREPARING} and neither process, track nor clock.
 */
public record Project(
    ProjectRegistration registration,
    String track,
    Integer limitWorkingDays,
    String deadlineId,
    String processInstanceId,
    ProjectStatus status,
    Light light,
    Integer workingDaysUsed,
    LocalDate completedOn,
    String registeredBy,
    Instant registeredAt,
    LocalDate startedOn,
    String startedBy,
    Node node,
    String investor,
    boolean fortune500) {

  public String code() {
    return registration.code();
  }

  public String name() {
    return registration.name();
  }

  public County county() {
    return registration.county();
  }

  public BigDecimal investment() {
    return registration.investment();
  }
}
