package cn.kaifeng.jointapproval.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param startExpectedWithinDays working days after readiness (具备开工条件) within which construction
 *     should start; later the project turns yellow and shows 应开未开. No document fixes this
 *     figure; the default of 20 is about one calendar month: a ready project holds every permit and
 *     the city tracks its 开工率 month by month, while a shorter wait would flag ordinary site
 *     preparation. Set it per the key projects office's practice.
 */
@ConfigurationProperties("jointapproval.approval")
public record ConstructionStartProperties(@DefaultValue("20") int startExpectedWithinDays) {

  public ConstructionStartProperties {
    if (startExpectedWithinDays < 0) {
      throw new IllegalArgumentException(
          "jointapproval.approval.start-expected-within-days must not be negative");
    }
  }
}
