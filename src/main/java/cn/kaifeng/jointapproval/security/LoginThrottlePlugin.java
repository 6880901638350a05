package cn.kaifeng.jointapproval.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * All three logins (webapps, HTTP Basic on /api and on /engine-rest) check passwords through the
 * engine's IdentityService, whose login delay (camunda.bpm.generic-properties login-*) slows and
 * finally locks a user after wrong passwords. This makes that delay hold for parallel attempts
 * too (see {@link SerializedPasswordChecks}).
 */
@Component
public class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityService(new SerializedPasswordChecks());
  }
}
