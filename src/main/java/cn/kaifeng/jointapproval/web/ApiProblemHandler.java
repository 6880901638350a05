package cn.kaifeng.jointapproval.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457, application/problem+json) for the project's own /api. */
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Boot's generic problem-details handler
@RestControllerAdvice(basePackages = "cn.kaifeng.jointapproval")
public class ApiProblemHandler {

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** 400 naming the bad fields, as every API error about input does. */
  private static ProblemDetail badRequest(String title, String detail, Map<String, String> errors) {
    var problem = problem(HttpStatus.BAD_REQUEST, title, detail);
    problem.setProperty("errors", errors.entrySet().stream()
        .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue()))
        .toList());
    return problem;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return badRequest("请求参数有误", e.getMessage(), e.errors());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    String message = "缺少参数 " + e.getParameterName();
    return badRequest("请求参数有误", message, Map.of(e.getParameterName(), message));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = e.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty() && mapping.getPath().get(0).getFieldName() != null
        ? mapping.getPath().get(0).getFieldName() : "body";
    String message = "body".equals(field)
        ? "请求体应为 JSON 对象" : "字段 " + field + " 的取值类型不正确";
    return badRequest("请求参数有误", message, Map.of(field, message));
  }

  /**
   * Everything else: a feature's own {@link ApiError}, an engine call that failed (nothing was
   * changed, the transaction rolled back), Spring's request errors (unknown path, wrong method,
   * wrong content type) or an unexpected failure. The answer says what kind of failure it was in
   * Chinese; an unexpected exception goes to the log only.
   */
  @ExceptionHandler(Exception.class)
  ProblemDetail failure(Exception e) {
    int status = e instanceof org.springframework.web.ErrorResponse response
        ? response.getStatusCode().value() : 500;
    var mapped = EngineProblems.of(e, status, null);
    if (mapped.status() >= 500) {
      org.slf4j.LoggerFactory.getLogger(ApiProblemHandler.class).error("Request failed", e);
    }
    var problem = problem(HttpStatus.valueOf(mapped.status()), mapped.title(), mapped.detail());
    if (!mapped.errors().isEmpty()) {
      problem.setProperty("errors", mapped.errors());
    }
    mapped.properties().forEach(problem::setProperty);
    return problem;
  }
}
