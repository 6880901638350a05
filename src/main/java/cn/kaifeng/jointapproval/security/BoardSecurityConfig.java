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

  /**
   * The pages load their own scripts, styles and the ECharts WebJar and call /api, all from this
   * origin; inline styles are allowed for the charts' SVG. Nothing else, and no framing.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
      + "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @Bean
  SecurityFilterChain boardSecurity(HttpSecurity http, ProcessEngine engine) throws Exception {
    http.securityMatcher("/board/**")
        // Replaces the "nothing may run" policy every other static answer carries.
        .addFilterBefore((request, response, chain) -> {
          ((jakarta.servlet.http.HttpServletResponse) response)
              .setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
          chain.doFilter(request, response);
        }, BasicAuthenticationFilter.class)
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
