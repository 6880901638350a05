package cn.kaifeng.jointapproval.escalation;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Brings a unit (a county or a department) to the executive vice mayor's meeting: the monthly
 * report does so for a unit ranked last two months in a row. The matter waits for the meeting
 * collecting its agenda now, or for the next one, like every escalated matter.
 */
@Component
public class UnitMatters {

  private final MatterRepository matters;
  private final MeetingAgenda agenda;

  public UnitMatters(MatterRepository matters, MeetingAgenda agenda) {
    this.matters = matters;
    this.agenda = agenda;
  }

  /** Opens the unit's matter for {@code period} once and offers it to the agenda; its id. */
  public String bringToMeeting(String period, String unit, String reason) {
    String id = Matter.ofRanking(period, unit);
    if (matters.insertForUnit(id, unit, reason, Instant.now())) {
      agenda.offer();
    }
    return id;
  }
}
