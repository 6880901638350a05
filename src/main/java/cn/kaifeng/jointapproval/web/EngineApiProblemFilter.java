package cn.kaifeng.jointapproval.web;

import cn.kaifeng.jointapproval.trust.CommandFailures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every error of Camunda's REST API ({@code /engine-rest}) and of the webapps' APIs
 * ({@code /camunda/api}, which Tasklist uses) as problem details with a Chinese title, built from
 * the exception that ended the user's engine command when there is one. Camunda's own error JSON
 * names Java exception classes and may quote SQL; it never reaches the client. Successful answers
 * pass through untouched and unbuffered.
 */
public class EngineApiProblemFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineApiProblemFilter.class);

  private final ObjectMapper mapper;

  public EngineApiProblemFilter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var wrapped = new ErrorCapturingResponse(response);
    try (var scope = CommandFailures.open()) {
      chain.doFilter(request, wrapped);
      if (wrapped.getStatus() >= 400 && !response.isCommitted()) {
        writeProblem(request, response, wrapped, scope.failure());
      } else {
        wrapped.flushCaptured();
      }
    }
  }

  private void writeProblem(HttpServletRequest request, HttpServletResponse response,
      ErrorCapturingResponse wrapped, Throwable failure) throws IOException {
    String original = wrapped.captured();
    String message = null;
    JsonNode details = null;
    try {
      JsonNode body = original.isBlank() ? null : mapper.readTree(original);
      message = body != null && body.hasNonNull("message") ? body.get("message").asText() : null;
      // A refused deployment: Camunda Modeler lists each resource's errors with element ids.
      details = body != null && body.has("details") ? body.get("details") : null;
    } catch (IOException notJson) {
      message = null;
    }
    var problem = EngineProblems.of(failure, wrapped.getStatus(), message);
    if (problem.status() >= 500 || failure != null && problem.status() != 400) {
      log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(),
          problem.status(), failure != null ? failure.toString() : original);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    // Camunda's own clients (Tasklist, Cockpit, Modeler) show "message".
    body.put("message", problem.detail());
    if (!problem.errors().isEmpty()) {
      body.put("errors", problem.errors());
    }
    problem.properties().forEach(body::putIfAbsent);
    if (details != null && problem.status() == 400) {
      body.put("details", details);
    }
    response.resetBuffer();
    response.setStatus(problem.status());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    byte[] bytes = mapper.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * Holds back the body only once the status says error (decided at the first write), so large
   * successful downloads stream as before; {@code sendError} becomes a plain status, so that the
   * container's error page does not answer instead.
   */
  private static final class ErrorCapturingResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private Boolean capturing;

    ErrorCapturingResponse(HttpServletResponse response) {
      super(response);
    }

    private boolean capturing() {
      if (capturing == null) {
        capturing = getStatus() >= 400;
      }
      return capturing;
    }

    String captured() {
      if (writer != null) {
        writer.flush();
      }
      return buffer.toString(StandardCharsets.UTF_8);
    }

    void flushCaptured() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (Boolean.TRUE.equals(capturing) && buffer.size() > 0) {
        getResponse().getOutputStream().write(buffer.toByteArray());
      }
    }

    @Override
    public void sendError(int status) {
      setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
      setStatus(status);
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!capturing()) {
        super.flushBuffer();
      }
    }

    @Override
    public void setContentLength(int length) {
      if (getStatus() < 400) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (getStatus() < 400) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            if (capturing()) {
              buffer.write(b);
            } else {
              ErrorCapturingResponse.super.getOutputStream().write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (capturing()) {
              buffer.write(b, off, len);
            } else {
              ErrorCapturingResponse.super.getOutputStream().write(b, off, len);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!capturing()) {
              ErrorCapturingResponse.super.getOutputStream().flush();
            }
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("asynchronous writes are not used by the engine APIs");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), encoding));
      }
      return writer;
    }
  }
}
