package cn.kaifeng.jointapproval.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is unreachable, a request fails wherever it first needs it, often before any
 * controller: at the login, which checks the password in the engine's tables. This outermost filter
 * answers every such failure as 503 problem details with {@code Retry-After}, instead of the
 * container's 500 page; the request's transaction never committed, so it changed nothing.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  /** Seconds a client should wait before trying again: about a database restart. */
  static final String RETRY_AFTER_SECONDS = "10";

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final ObjectMapper mapper;

  public DatabaseUnavailableFilter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (response.isCommitted() || !DatabaseOutage.causes(e)) {
        throw e;
      }
      log.warn("{} {} answered 503, database unavailable: {}", request.getMethod(),
          request.getRequestURI(), e.toString());
      var problem = EngineProblems.DATABASE_UNAVAILABLE;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "about:blank");
      body.put("title", problem.title());
      body.put("status", problem.status());
      body.put("detail", problem.detail());
      body.put("message", problem.detail());
      response.reset();
      response.setStatus(problem.status());
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      mapper.writeValue(response.getOutputStream(), body);
    }
  }
}
