package cn.kaifeng.jointapproval.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param warnShare share of a clock's working days after which it turns yellow (DOMAIN.md §5.7,
 *     default 75 %), for every clock: projects, items, matters and cases
 */
@ConfigurationProperties("jointapproval.deadline")
public record DeadlineProperties(@DefaultValue("0.75") double warnShare) {

  public DeadlineProperties {
    if (!(warnShare > 0 && warnShare <= 1)) {
      throw new IllegalArgumentException("jointapproval.deadline.warn-share must be in (0, 1]");
    }
  }
}
