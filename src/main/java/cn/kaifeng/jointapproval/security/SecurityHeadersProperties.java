package cn.kaifeng.jointapproval.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param hsts the Strict-Transport-Security value sent with every response (for example
 *     {@code max-age=31536000}); blank sends none, as on a developer's plain-HTTP machine
 */
@ConfigurationProperties("jointapproval.security")
public record SecurityHeadersProperties(String hsts) {

  public boolean sendsHsts() {
    return hsts != null && !hsts.isBlank();
  }
}
