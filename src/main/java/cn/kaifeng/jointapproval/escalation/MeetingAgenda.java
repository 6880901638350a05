package cn.kaifeng.jointapproval.escalation;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Tells the meeting that is collecting its agenda now, if any, that a matter waits for it
 * (message {@code MatterEscalated}); when none is, the next meeting takes every waiting matter
 * when it opens its agenda.
 */
@Component
public class MeetingAgenda {

  public static final String MESSAGE = "MatterEscalated";

  private final RuntimeService runtimeService;

  public MeetingAgenda(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public void offer() {
    var subscription = runtimeService.createEventSubscriptionQuery().eventType("message")
        .eventName(MESSAGE).list().stream()
        .min((a, b) -> a.getCreated().compareTo(b.getCreated()));
    subscription.ifPresent(s -> runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceId(s.getProcessInstanceId())
        .correlate());
  }
}
