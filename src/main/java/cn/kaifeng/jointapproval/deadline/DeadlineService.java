package cn.kaifeng.jointapproval.deadline;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored working-day clocks that processes use. BPMN reads its dates through the bean name
 * {@code deadlines}, for example a boundary timer {@code ${deadlines.overdueAt(deadlineId)}} or a
 * task's due date {@code ${deadlines.dueAt(deadlineId)}}; a scope that carries a local variable
 * {@code deadlineId} is re-timed by {@link DeadlineRetimer} whenever its clock's dates move.
 */
@Service("deadlines")
@ModelExpressionBean
public class DeadlineService {

  private final DeadlineRepository repository;
  private final DeadlineCalculator calculator;
  private final DeadlineRetimer retimer;

  public DeadlineService(DeadlineRepository repository, DeadlineCalculator calculator,
      DeadlineRetimer retimer) {
    this.repository = repository;
    this.calculator = calculator;
    this.retimer = retimer;
  }

  /** Starts a clock of {@code limitDays} working days after {@code start}. */
  @Transactional
  public Deadline open(String id, LocalDate start, int limitDays, double warnShare) {
    var dates = calculator.dates(start, limitDays, 0, warnShare);
    var deadline = new Deadline(id, start, limitDays, 0, BigDecimal.valueOf(warnShare),
        dates.dueOn(), dates.warnOn(), dates.provisional(), null);
    repository.insert(deadline);
    return deadline;
  }

  public Deadline get(String id) {
    return repository.find(id)
        .orElseThrow(() -> new NoSuchElementException("No deadline " + id));
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
    var closed = new Deadline(current.id(), current.startOn(), current.limitDays(),
        current.pausedDays(), current.warnShare(), current.dueOn(), current.warnOn(),
        current.provisional(), on);
    repository.update(closed);
    return closed;
  }

  /** Working days used so far (or until closed), pauses excluded. */
  public int workingDaysUsed(Deadline deadline) {
    LocalDate asOf = deadline.open() ? ChinaTime.today() : deadline.closedOn();
    return calculator.workingDaysUsed(deadline.startOn(), asOf, deadline.pausedDays());
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
    var updated = new Deadline(d.id(), d.startOn(), d.limitDays(), pausedDays, d.warnShare(),
        dates.dueOn(), dates.warnOn(), dates.provisional(), d.closedOn());
    if (!updated.equals(d)) {
      repository.update(updated);
      if (!updated.dueOn().equals(d.dueOn()) || !updated.warnOn().equals(d.warnOn())) {
        retimer.retime(updated);
      }
    }
    return updated;
  }

  // Expressions for BPMN: instants in Beijing time.

  /** When the clock turns yellow: the start of its warning day. */
  public Date warnAt(String id) {
    return ChinaTime.startOf(get(id).warnOn());
  }

  /**
   * When an overdue clock has been overdue for {@code workingDays} full working days: the start of
   * the day after the {@code workingDays}-th working day after the due date.
   */
  public Date escalateAt(String id, int workingDays) {
    var due = get(id).dueOn();
    return ChinaTime.startOf(calculator.dueDate(due, workingDays).plusDays(1));
  }

  /** The end of the due date, for a task's due date. */
  public Date dueAt(String id) {
    return ChinaTime.endOf(get(id).dueOn());
  }

  /** When the clock turns red: the start of the day after the due date. */
  public Date overdueAt(String id) {
    return ChinaTime.startOf(get(id).dueOn().plusDays(1));
  }
}
