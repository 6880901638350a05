package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When each week's problem list closes, in Beijing time whatever the server's zone. BPMN reads
 * it as {@code problemSchedule}: the weekly assignment starts by {@code ${problemSchedule.cycle}}.
 */
@Component("problemSchedule")
@ModelExpressionBean
public class ProblemSchedule {

  private final ProblemProperties properties;

  public ProblemSchedule(ProblemProperties properties) {
    this.properties = properties;
  }

  /** A repeating ISO 8601 interval from the next close, every seven days, offset +08:00. */
  public String getCycle() {
    var now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
    var next = now.with(TemporalAdjusters.nextOrSame(properties.listClosesOn()))
        .with(properties.listClosesAt()).withSecond(0).withNano(0);
    if (!next.isAfter(now)) {
      next = next.plusWeeks(1);
    }
    return "R/" + next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P7D";
  }
}
