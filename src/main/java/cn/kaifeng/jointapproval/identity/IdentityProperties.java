package cn.kaifeng.jointapproval.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers whether to load the demo identities of DOMAIN.md §7 (password "demo"); true in
 *     the embedded default, false in the prod profile
 */
@ConfigurationProperties("jointapproval.identity")
public record IdentityProperties(boolean demoUsers) {}
