package cn.kaifeng.jointapproval.deadline;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored working-day clocks that processes use. Each process instance owns at most one clock (a
 * joint approval its project's, an approval item its item's, a coordination its matter's, a
 * supervision its case's), recorded in the ledger when the step that opens it runs. BPMN reads the
 * owned clock through the bean name {@code deadlines}, for example a boundary timer
 * {@code ${deadlines.overdueAt(execution)}} or a task's due date
 * {@code ${deadlines.dueAt(execution)}}; {@link DeadlineRetimer} re-times the owner whenever its
 * clock's dates move. No process variable names the clock: whoever completes a task can write
 * variables.
 */
@Service("deadlines")
@ModelExpressionBean
public class DeadlineService {

  private final DeadlineRepository repository;
  private final DeadlineCalculator calculator;
  private final DeadlineRetimer retimer;
  private final double warnShare;

  public DeadlineService(DeadlineRepository repository, DeadlineCalculator calculator,
      DeadlineRetimer retimer, DeadlineProperties properties) {
    this.repository = repository;
    this.calculator = calculator;
    this.retimer = retimer;
    this.warnShare = properties.warnShare();
  }

  /**
   * Starts a clock of {@code limitDays} working days after {@code start} that no process
   * instance follows yet (see {@link #own}).
   */
  @Transactional
  public Deadline open(String id, LocalDate start, int limitDays) {
    return open(id, null, start, limitDays);
  }

  /**
   * Starts several clocks that no process instance follows yet, in one batch: as {@link #open}
   * for each, in that order.
   */
  @Transactional
  public List<Deadline> openAll(List<Opening> openings) {
    var clocks = openings.stream()
        .map(o -> newClock(o.id(), null, o.start(), o.limitDays())).toList();
    repository.insertAll(clocks);
    return clocks;
  }

  /** A clock to open: its id, the day its period starts after, its working days. */
  public record Opening(String id, LocalDate start, int limitDays) {}

  /** Starts a clock that {@code processInstanceId}'s tasks and timers follow. */
  @Transactional
  public Deadline open(String id, String processInstanceId, LocalDate start, int limitDays) {
    var deadline = newClock(id, processInstanceId, start, limitDays);
    repository.insert(deadline);
    return deadline;
  }

  private Deadline newClock(String id, String processInstanceId, LocalDate start, int limitDays) {
    var dates = calculator.dates(start, limitDays, 0, warnShare);
    return new Deadline(id, start, limitDays, 0, BigDecimal.valueOf(warnShare), dates.dueOn(),
        dates.warnOn(), dates.provisional(), null, processInstanceId);
  }

  /** Hands an opened clock to the process instance that now works against it. */
  @Transactional
  public void own(String id, String processInstanceId) {
    repository.own(id, processInstanceId);
  }

  /** The clock a process instance owns. */
  public Deadline ownedBy(String processInstanceId) {
    return repository.ownedBy(processInstanceId).orElseThrow(() -> new ProcessEngineException(
        "流程实例 " + processInstanceId + " 没有办理期限（deadline），无法计算日期"));
  }

  public Deadline get(String id) {
    return repository.find(id)
        .orElseThrow(() -> new NoSuchElementException("No deadline " + id));
  }

  /**
   * Several clocks in one read, by id (a project's items): each must exist, as with
   * {@link #get(String)}.
   */
  public Map<String, Deadline> getAll(Collection<String> ids) {
    var found = new HashMap<String, Deadline>();
    repository.findAll(Set.copyOf(ids)).forEach(d -> found.put(d.id(), d));
    for (String id : ids) {
      if (!found.containsKey(id)) {
        throw new NoSuchElementException("No deadline " + id);
      }
    }
    return found;
  }

  /**
   * Plans an open clock anew from {@code start} for {@code limitDays} working days, pauses reset
   * (a stage's clock when the stage really opens); its owner keeps it. Nothing is re-timed: the
   * only caller is the item's first step, before its task and timers exist, which read the new
   * dates when they are created (re-timing looked for tasks and timers that were not there, two
   * queries per item opened).
   */
  @Transactional
  public Deadline restart(String id, LocalDate start, int limitDays) {
    var current = get(id);
    var dates = calculator.dates(start, limitDays, 0, current.warnShare().doubleValue());
    var updated = new Deadline(id, start, limitDays, 0, current.warnShare(), dates.dueOn(),
        dates.warnOn(), dates.provisional(), current.closedOn(), current.processInstanceId());
    if (!updated.equals(current)) {
      repository.update(updated);
    }
    return updated;
  }

  /** Adds a paused stretch (returned for supplement until resubmitted); the dates move back. */
  @Transactional
  public Deadline pause(String id, LocalDate from, LocalDate until) {
    var current = get(id);
    int paused = calculator.pausedWorkingDays(List.of(new DeadlineCalculator.Pause(from, until)));
    return recompute(current, current.pausedDays() + paused);
  }

  /**
   * Sets the total working days the clock stood still, for a clock whose pauses are derived from
   * others (a project stands still while any of its items waits for a supplement).
   */
  @Transactional
  public Deadline setPausedDays(String id, int pausedDays) {
    return recompute(get(id), pausedDays);
  }

  /** Moves the clock back by {@code days} working days during which it did not run. */
  @Transactional
  public Deadline addPausedDays(String id, int days) {
    var current = get(id);
    return recompute(current, current.pausedDays() + days);
  }

  @Transactional
  public Deadline close(String id, LocalDate on) {
    var current = get(id);
    var closed = current.with(current.pausedDays(), current.dueOn(), current.warnOn(),
        current.provisional(), on);
    repository.update(closed);
    return closed;
  }

  /** Working days used so far (or until closed), pauses excluded. */
  public int workingDaysUsed(Deadline deadline) {
    LocalDate asOf = deadline.open() ? ChinaTime.today() : deadline.closedOn();
    return calculator.workingDaysUsed(deadline.startOn(), asOf, deadline.pausedDays());
  }

  /**
   * Gross working days of the clock's period: from the working day after its start up to its
   * closing day, or today while open, pauses included.
   */
  public int grossWorkingDays(Deadline deadline) {
    LocalDate asOf = deadline.open() ? ChinaTime.today() : deadline.closedOn();
    return calculator.workingDaysUsed(deadline.startOn(), asOf, 0);
  }

  /** Net working days of the clock's period: {@link #grossWorkingDays} less its paused days. */
  public int netWorkingDays(Deadline deadline) {
    return workingDaysUsed(deadline);
  }

  /** Recomputes every open clock that a (re)loaded year may move; returns those that moved. */
  @Transactional
  public List<Deadline> recomputeForYear(int year) {
    List<Deadline> moved = new ArrayList<>();
    for (var deadline : repository.openTouchingYear(year)) {
      var before = deadline;
      var after = recompute(deadline, deadline.pausedDays());
      if (!after.equals(before)) {
        moved.add(after);
      }
    }
    return moved;
  }

  private Deadline recompute(Deadline d, int pausedDays) {
    var dates = calculator.dates(d.startOn(), d.limitDays(), pausedDays,
        d.warnShare().doubleValue());
    var updated = d.with(pausedDays, dates.dueOn(), dates.warnOn(), dates.provisional(),
        d.closedOn());
    if (!updated.equals(d)) {
      repository.update(updated);
      if (!updated.dueOn().equals(d.dueOn()) || !updated.warnOn().equals(d.warnOn())) {
        retimer.retime(updated);
      }
    }
    return updated;
  }

  // Expressions for BPMN, on the clock the calling process instance owns: instants in Beijing time.

  /** When the clock turns yellow: the start of its warning day. */
  public Date warnAt(DelegateExecution execution) {
    return ChinaTime.startOf(owned(execution).warnOn());
  }

  /**
   * When an overdue clock has been overdue for {@code workingDays} full working days: the start of
   * the day after the {@code workingDays}-th working day after the due date.
   */
  public Date escalateAt(DelegateExecution execution, int workingDays) {
    var due = owned(execution).dueOn();
    return ChinaTime.startOf(calculator.dueDate(due, workingDays).plusDays(1));
  }

  /** The end of the due date, for a task's due date. */
  public Date dueAt(DelegateExecution execution) {
    return ChinaTime.endOf(owned(execution).dueOn());
  }

  /** When the clock turns red: the start of the day after the due date. */
  public Date overdueAt(DelegateExecution execution) {
    return ChinaTime.startOf(owned(execution).dueOn().plusDays(1));
  }

  /** Read once per transaction: a task's dates and timers ask for the same clock. */
  private Deadline owned(DelegateExecution execution) {
    return OwnedClocks.get(execution.getProcessInstanceId(), this::ownedBy);
  }
}
