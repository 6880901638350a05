package cn.kaifeng.jointapproval.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param escalateAfterOverdueDays working days an item may stay overdue before it is handed to the
 *     joint review platform by itself
 */
@ConfigurationProperties("jointapproval.approval")
public record ApprovalProperties(
    @DefaultValue("3") int escalateAfterOverdueDays) {

  public ApprovalProperties {
    if (escalateAfterOverdueDays < 0) {
      throw new IllegalArgumentException(
          "jointapproval.approval.escalate-after-overdue-days must not be negative");
    }
  }
}
