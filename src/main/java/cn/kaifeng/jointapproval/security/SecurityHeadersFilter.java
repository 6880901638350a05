package cn.kaifeng.jointapproval.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser protections every answer carries, whoever gives it: the webapps, /api, /engine-rest
 * (which Spring Security does not see), the health endpoint and error pages. Written before the
 * rest of the chain runs, so that a 401 or 403 from a later filter has them too; only a header
 * nobody set yet is written. Camunda's webapp filter then replaces the CSP with its own for
 * /camunda/app and /camunda/api (the webapps' scripts need its nonce), and Spring Security finds
 * the headers present on /api and leaves them.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

  /** For JSON, static files, redirects and error pages: nothing that may load or run anything. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /**
   * The battle maps' pages (/board/): their own scripts and styles, the ECharts WebJar, data from
   * /api, charts as data: images (PNG download); inline styles because ECharts writes its tooltips
   * with them. No inline script, no other origin, no framing.
   */
  static final String BOARD_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
      + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self';"
      + " font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
      + " form-action 'self'";

  private final Map<String, String> headers = new LinkedHashMap<>();

  SecurityHeadersFilter(SecurityHeadersProperties properties) {
    headers.put("X-Content-Type-Options", "nosniff");
    // Older browsers do not know frame-ancestors; both forbid framing (clickjacking).
    headers.put("X-Frame-Options", "DENY");
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    if (properties.sendsHsts()) {
      headers.put("Strict-Transport-Security", properties.hsts().strip());
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/board") || path.startsWith("/board/")) {
      response.setHeader("Content-Security-Policy", BOARD_CONTENT_SECURITY_POLICY);
    }
    writeMissing(response);
    chain.doFilter(request, response);
  }

  /** Error pages are dispatched anew; if the response was reset on the way, write them again. */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterNestedErrorDispatch(HttpServletRequest request,
      HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    writeMissing(response);
    chain.doFilter(request, response);
  }

  private void writeMissing(HttpServletResponse response) {
    headers.forEach((name, value) -> {
      if (!response.containsHeader(name)) {
        response.setHeader(name, value);
      }
    });
  }
}
