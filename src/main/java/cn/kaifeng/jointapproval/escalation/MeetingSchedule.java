package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the weekly meeting's agenda closes, in Beijing time whatever the server's zone. BPMN reads
 * it as {@code meetingSchedule}: the meeting process starts by {@code ${meetingSchedule.cycle}}
 * and waits for {@code ${meetingSchedule.nextClose()}}.
 */
@Component("meetingSchedule")
@ModelExpressionBean
public class MeetingSchedule {

  private final EscalationProperties properties;

  public MeetingSchedule(EscalationProperties properties) {
    this.properties = properties;
  }

  /** The first agenda close strictly after now. */
  public Date nextClose() {
    return Date.from(nextCloseAfter(ZonedDateTime.ofInstant(
        ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE)).toInstant());
  }

  ZonedDateTime nextCloseAfter(ZonedDateTime now) {
    var candidate = now.with(TemporalAdjusters.nextOrSame(properties.agendaClosesOn()))
        .with(properties.agendaClosesAt()).withSecond(0).withNano(0);
    return candidate.isAfter(now) ? candidate : candidate.plusWeeks(1);
  }

  /**
   * A repeating ISO 8601 interval from the next close, every seven days. The explicit +08:00
   * offset keeps it on Beijing time on a server in any zone (a cron would follow the JVM's zone).
   */
  public String getCycle() {
    var first = ZonedDateTime.ofInstant(nextClose().toInstant(), ChinaTime.ZONE);
    return "R/" + first.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P7D";
  }
}
