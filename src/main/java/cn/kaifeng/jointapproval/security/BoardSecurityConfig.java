package cn.kaifeng.jointapproval.security;

import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The battle maps' pages (/board/) are for browsers: they open with the session of the Camunda
 * webapps (one login for Tasklist and the maps); a visitor without it is sent to the webapps'
 * login, whose welcome page links back to the maps. The data behind the pages is /api, which
 * checks the same session.
 */
@Configuration
public class BoardSecurityConfig {

  static final String LOGIN_PAGE = "/camunda/app/welcome/default/";

  @Bean
  @Order(10)
  SecurityFilterChain boardSecurity(HttpSecurity http, ProcessEngine engine) throws Exception {
    http.securityMatcher("/board", "/board/**")
        .addFilterBefore(new WebappSessionAuthenticationFilter(engine, (response, detail) -> {
          try {
            response.sendError(403, detail);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) ->
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE)))
        // The webapps' login already gave the session a new id; changing it again on every call
        // would log out the page's other requests in flight (a page loads several at once).
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
