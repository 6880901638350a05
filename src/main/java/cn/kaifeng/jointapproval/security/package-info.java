/**
 * Login for the APIs and the webapps (HTTP Basic, the webapps' session), login throttling and the
 * security headers of every answer.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {})
package cn.kaifeng.jointapproval.security;

import org.springframework.modulith.ApplicationModule;
