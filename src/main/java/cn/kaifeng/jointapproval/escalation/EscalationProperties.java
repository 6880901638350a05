package cn.kaifeng.jointapproval.escalation;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param coordinationLimitDays working days the joint review platform has for a matter
 * @param agendaClosesOn weekday on which the agenda of the weekly city joint review meeting closes
 * @param agendaClosesAt time of day (Beijing) at which it closes; matters escalated later go to
 *     the next week's meeting
 */
@ConfigurationProperties("jointapproval.escalation")
public record EscalationProperties(
    @DefaultValue("3") int coordinationLimitDays,
    @DefaultValue("THURSDAY") DayOfWeek agendaClosesOn,
    @DefaultValue("17:00") LocalTime agendaClosesAt) {

  public EscalationProperties {
    if (coordinationLimitDays < 1) {
      throw new IllegalArgumentException(
          "jointapproval.escalation.coordination-limit-days must be at least 1");
    }
  }
}
