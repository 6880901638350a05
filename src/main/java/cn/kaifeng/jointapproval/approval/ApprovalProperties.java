package cn.kaifeng.jointapproval.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param warnShare share of an item's or project's time limit after which it turns yellow
 *     (DOMAIN.md §5.7, default 75 %)
 * @param escalateAfterOverdueDays working days an item may stay overdue before it is handed to the
 *     joint review platform by itself
 */
@ConfigurationProperties("jointapproval.approval")
public record ApprovalProperties(
    @DefaultValue("0.75") double warnShare,
    @DefaultValue("3") int escalateAfterOverdueDays) {

  public ApprovalProperties {
    if (!(warnShare > 0 && warnShare <= 1)) {
      throw new IllegalArgumentException("jointapproval.approval.warn-share must be in (0, 1]");
    }
    if (escalateAfterOverdueDays < 0) {
      throw new IllegalArgumentException(
          "jointapproval.approval.escalate-after-overdue-days must not be negative");
    }
  }
}
