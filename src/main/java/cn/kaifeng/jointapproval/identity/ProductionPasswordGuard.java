package cn.kaifeng.jointapproval.identity;

import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production, refuses to start with the demo identities or with a guessable bootstrap
 * administrator password: better no start than an open door.
 */
@Component
@Profile("prod")
public class ProductionPasswordGuard implements InitializingBean {

  static final Set<String> DEFAULT_PASSWORDS =
      Set.of("demo", "admin", "password", "camunda", "changeit", "123456", "12345678");

  private final IdentityProperties properties;

  public ProductionPasswordGuard(IdentityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    if (properties.demoUsers()) {
      throw new IllegalStateException(
          "jointapproval.identity.demo-users must be false in production (demo password 'demo')");
    }
    var admin = properties.admin();
    if (admin.configured()) {
      String password = admin.password() == null ? "" : admin.password();
      if (password.length() < 12 || DEFAULT_PASSWORDS.contains(password.toLowerCase())) {
        throw new IllegalStateException("JOINTAPPROVAL_IDENTITY_ADMIN_PASSWORD for '" + admin.id()
            + "' is a default or shorter than 12 characters; refusing to start");
      }
    }
  }
}
