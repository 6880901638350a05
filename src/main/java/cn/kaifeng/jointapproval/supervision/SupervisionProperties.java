package cn.kaifeng.jointapproval.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a supervision case opened for a project past its limit asks (a meeting decides its own
 * cases; this one has no meeting).
 *
 * @param overrunCaseDays working days the county and each overdue section have to carry out an
 *     overrun case; no document fixes the figure, 10 is two working weeks, the span of the meeting's
 *     usual decisions
 * @param overrunDecision what they are asked to do
 */
@ConfigurationProperties("jointapproval.supervision")
public record SupervisionProperties(
    @DefaultValue("10") int overrunCaseDays,
    @DefaultValue("项目已超过审批时限：查明超期原因，制定并落实整改措施，推动项目尽快具备开工条件并开工建设，按期报告落实情况")
    String overrunDecision) {

  public SupervisionProperties {
    if (overrunCaseDays < 1) {
      throw new IllegalArgumentException(
          "jointapproval.supervision.overrun-case-days must be at least 1");
    }
    if (overrunDecision == null || overrunDecision.isBlank() || overrunDecision.length() > 2000) {
      throw new IllegalArgumentException(
          "jointapproval.supervision.overrun-decision must be 1 to 2000 characters");
    }
  }
}
