package cn.kaifeng.jointapproval.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The official working-day calendar. Answers come from an in-memory snapshot of the calendar
 * tables; the snapshot is re-read when this node loads a year and, for the other nodes of a
 * cluster, when a cheap signature query shows that the tables changed (checked at most every
 * {@link #RECHECK}).
 */
@Service
public class CalendarService {

  static final Duration RECHECK = Duration.ofSeconds(30);

  public enum DayKind { WORKDAY, WEEKEND, HOLIDAY, MAKE_UP_WORKDAY }

  public record DayInfo(LocalDate date, boolean workingDay, String name, DayKind kind,
      boolean provisional) {}

  public record AddResult(LocalDate from, int add, LocalDate date, boolean provisional) {}

  public record CountResult(LocalDate from, LocalDate to, int count, boolean provisional) {}

  private final CalendarRepository repository;
  private final ApplicationEventPublisher events;

  private volatile Snapshot snapshot;

  private record Snapshot(WorkingDayCalendar calendar, String signature, long checkedAtNanos) {}

  public CalendarService(CalendarRepository repository, ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
  }

  public WorkingDayCalendar calendar() {
    var current = snapshot;
    long now = System.nanoTime();
    if (current == null) {
      return reload().calendar();
    }
    if (now - current.checkedAtNanos() > RECHECK.toNanos()) {
      String signature = repository.signature();
      if (!signature.equals(current.signature())) {
        return reload().calendar();
      }
      snapshot = new Snapshot(current.calendar(), signature, now);
    }
    return current.calendar();
  }

  public DayInfo day(LocalDate date) {
    var calendar = calendar();
    var scheduled = calendar.scheduled(date);
    boolean working = calendar.isWorkingDay(date);
    DayKind kind;
    if (scheduled != null && scheduled.offDay()) {
      kind = DayKind.HOLIDAY;
    } else if (scheduled != null) {
      kind = DayKind.MAKE_UP_WORKDAY;
    } else {
      kind = working ? DayKind.WORKDAY : DayKind.WEEKEND;
    }
    return new DayInfo(date, working, scheduled == null ? null : scheduled.name(), kind,
        !calendar.isPublished(date.getYear()));
  }

  public AddResult add(LocalDate from, int n) {
    var calendar = calendar();
    var date = calendar.add(from, n);
    return new AddResult(from, n, date, calendar.isProvisional(from, date));
  }

  public CountResult count(LocalDate from, LocalDate to) {
    var calendar = calendar();
    return new CountResult(from, to, calendar.count(from, to), calendar.isProvisional(from, to));
  }

  /**
   * Loads or replaces a year's official schedule. Validation happens before (see
   * {@link HolidayScheduleParser}); here the rows are swapped and {@link CalendarYearLoaded} is
   * announced, so that open deadlines are recomputed, all in one transaction. Other nodes see the
   * new year within {@link #RECHECK}.
   */
  @Transactional
  public void loadYear(HolidaySchedule schedule, String source) {
    repository.replaceYear(schedule.year(), String.join(" ", schedule.papers()), source,
        schedule.days());
    // The snapshot is rebuilt inside the transaction (this connection sees the new rows), so that
    // the deadlines recomputed below use the new schedule; it is rebuilt again once the transaction ends either way.
    reload();
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        reload(); // committed: as other connections now see it; rolled back: the old schedule
      }
    });
    events.publishEvent(new CalendarYearLoaded(schedule.year()));
  }

  private synchronized Snapshot reload() {
    String signature = repository.signature();
    var calendar = new WorkingDayCalendar(repository.allDays(), repository.publishedYears());
    var fresh = new Snapshot(calendar, signature, System.nanoTime());
    snapshot = fresh;
    return fresh;
  }

  /** A year's schedule as published: the same shape as the files of holiday-cn. */
  public record HolidaySchedule(int year, List<String> papers, List<ScheduledDay> days) {}

  /** Published inside the loading transaction; listeners act after it commits. */
  public record CalendarYearLoaded(int year) {}
}
