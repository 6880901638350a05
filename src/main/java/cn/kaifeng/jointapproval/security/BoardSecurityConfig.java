package cn.kaifeng.jointapproval.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The pages under {@code /board/} (battle maps, reports) are for logged-in users only: the
 * session of the Camunda webapps, as the pages' own calls to /api use it. Without one, the
 * browser goes to the webapps' login first.
 */
@Configuration
public class BoardSecurityConfig {

  static final String LOGIN = "/camunda/app/welcome/default/#!/login";

  @Bean
  SecurityFilterChain boardSecurity(HttpSecurity http, ProcessEngine engine) throws Exception {
    http.securityMatcher("/board/**")
        .addFilterBefore(new WebappSessionAuthenticationFilter(engine,
            (response, detail) -> response.setStatus(403)), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(ex -> ex.authenticationEntryPoint(
            (request, response, e) -> response.sendRedirect(request.getContextPath() + LOGIN)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
