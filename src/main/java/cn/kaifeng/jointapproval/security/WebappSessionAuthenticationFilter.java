package cn.kaifeng.jointapproval.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for browsers: a user logged into Tasklist, Cockpit or Admin calls the project's /api
 * with the same session, with the same groups. A request that changes something must carry the
 * webapps' own CSRF token (header X-XSRF-TOKEN), as the webapps' requests do. API clients keep
 * HTTP Basic, which takes precedence.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final ProcessEngine engine;
  private final BiConsumer<HttpServletResponse, String> forbidden;

  WebappSessionAuthenticationFilter(ProcessEngine engine,
      BiConsumer<HttpServletResponse, String> forbidden) {
    this.engine = engine;
    this.forbidden = forbidden;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var session = request.getSession(false);
    if (session == null || request.getHeader("Authorization") != null
        || SecurityContextHolder.getContext().getAuthentication() != null) {
      chain.doFilter(request, response);
      return;
    }
    var authentications = AuthenticationUtil.getAuthsFromSession(session);
    var authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    if (!(authentication instanceof UserAuthentication user)) {
      chain.doFilter(request, response);
      return;
    }
    if (SAFE_METHODS.contains(request.getMethod())) {
      // Camunda's own protocol: a page of this origin asks for the session's token with
      // "X-XSRF-TOKEN: Fetch" (the battle maps under /board/ cannot read the webapps' cookie,
      // whose path is /camunda). Another origin cannot read the answer's headers.
      Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      if (token != null && "Fetch".equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
        response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, token.toString());
      }
    } else {
      Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      if (expected == null || !expected.equals(given)) {
        forbidden.accept(response, "缺少或无效的 CSRF 令牌（请求头 X-XSRF-TOKEN）");
        return;
      }
    }
    var authorities = user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        new UsernamePasswordAuthenticationToken(user.getIdentityId(), null, authorities));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
