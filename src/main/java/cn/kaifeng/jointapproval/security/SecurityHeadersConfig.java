package cn.kaifeng.jointapproval.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link SecurityHeadersFilter} for every path, ahead of all other filters. */
@Configuration
public class SecurityHeadersConfig {

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(
      SecurityHeadersProperties properties) {
    var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(properties));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    // First, so that answers given by any later filter (logins, Camunda's and Spring's) have them.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
