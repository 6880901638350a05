package cn.kaifeng.jointapproval.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Login for the project's own API: HTTP Basic against Camunda's users for clients (stateless, no
 * CSRF token involved), or the session of the Camunda webapps for browsers (then with the
 * webapps' CSRF token). Failures answer as problem details like every other API error.
 */
@Configuration
public class ApiSecurityConfig {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper mapper, ProcessEngine engine)
      throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(new WebappSessionAuthenticationFilter(engine, (response, detail) -> {
          try {
            problem(mapper, response, 403, "无权操作", detail);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.PUT, "/api/calendar/years/**")
            .hasAuthority(Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"joint-approval\"");
          problem(mapper, response, 401, "未登录", "请先登录（HTTP Basic）");
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            problem(mapper, response, 403, "无权操作", "当前用户无权执行此操作")))
        // The webapps' login already gave the session a new id; changing it again on every call
        // would log out the page's other requests in flight (a page loads several at once).
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  private static void problem(ObjectMapper mapper, HttpServletResponse response, int status,
      String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(response.getOutputStream(),
        Map.of("status", status, "title", title, "detail", detail));
  }
}
