package cn.kaifeng.jointapproval.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers whether to load the demo identities of DOMAIN.md §7 (password "demo"); true in
 *     the embedded default, false in the prod profile
 * @param admin a first administrator created when missing, so that a production installation
 *     (which loads no demo users) can be logged into; set from the environment, never committed
 */
@ConfigurationProperties("jointapproval.identity")
public record IdentityProperties(boolean demoUsers, Admin admin) {

  /** @param id user id of the bootstrap administrator; none is created when blank */
  public record Admin(String id, String password, String email) {
    public boolean configured() {
      return id != null && !id.isBlank();
    }
  }

  public IdentityProperties {
    admin = admin == null ? new Admin(null, null, null) : admin;
  }
}
