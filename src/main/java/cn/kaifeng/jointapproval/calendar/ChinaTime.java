package cn.kaifeng.jointapproval.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Dates of this system are dates in Asia/Shanghai, whatever the server's zone. "Now" is the process
 * engine's clock, so that tests which move the engine clock move every deadline with it.
 */
public final class ChinaTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}

  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate();
  }

  /** The first instant of a date in Beijing time. */
  public static Date startOf(LocalDate date) {
    return Date.from(date.atStartOfDay(ZONE).toInstant());
  }

  /** The last second of a date in Beijing time: a date-only deadline ends at 23:59:59. */
  public static Date endOf(LocalDate date) {
    return Date.from(date.plusDays(1).atStartOfDay(ZONE).minusSeconds(1).toInstant());
  }

  public static LocalDate dateOf(Date instant) {
    return ZonedDateTime.ofInstant(instant.toInstant(), ZONE).toLocalDate();
  }
}
