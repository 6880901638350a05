package cn.kaifeng.jointapproval.web;

import cn.kaifeng.jointapproval.calendar.HolidayScheduleParser.InvalidScheduleException;
import cn.kaifeng.jointapproval.project.DuplicateProjectException;
import cn.kaifeng.jointapproval.project.ProjectNotFoundException;
import cn.kaifeng.jointapproval.project.RegistrationForbiddenException;
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

  @ExceptionHandler(InvalidScheduleException.class)
  ProblemDetail invalidSchedule(InvalidScheduleException e) {
    var problem = problem(HttpStatus.BAD_REQUEST, "节假日安排格式错误，未作任何更改", e.getMessage());
    problem.setProperty("errors", e.errors());
    return problem;
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

  @ExceptionHandler(DuplicateProjectException.class)
  ProblemDetail duplicate(DuplicateProjectException e) {
    var problem = problem(HttpStatus.CONFLICT, "项目已存在", e.getMessage());
    problem.setProperty("code", e.code());
    return problem;
  }

  @ExceptionHandler(ProjectNotFoundException.class)
  ProblemDetail notFound(ProjectNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage());
  }

  @ExceptionHandler({ForbiddenException.class, RegistrationForbiddenException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage());
  }

  /**
   * An engine call failed: nothing was changed (the transaction rolled back). The answer says
   * what kind of failure it was; the exception itself goes to the log only.
   */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  ProblemDetail processFailure(org.camunda.bpm.engine.ProcessEngineException e) {
    var mapped = EngineProblems.of(e, 500, null);
    if (mapped.status() >= 500) {
      org.slf4j.LoggerFactory.getLogger(ApiProblemHandler.class)
          .error("Process step failed, transaction rolled back", e);
    }
    var problem = problem(HttpStatus.valueOf(mapped.status()), mapped.title(), mapped.detail());
    if (!mapped.errors().isEmpty()) {
      problem.setProperty("errors", mapped.errors());
    }
    return problem;
  }

  /**
   * Anything else — Spring's own request errors (unknown path, wrong method, wrong content type)
   * or an unexpected failure — answers with the same Chinese problem details; the exception goes
   * to the log only.
   */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    int status = e instanceof org.springframework.web.ErrorResponse response
        ? response.getStatusCode().value() : 500;
    if (status >= 500) {
      org.slf4j.LoggerFactory.getLogger(ApiProblemHandler.class).error("Request failed", e);
    }
    var mapped = EngineProblems.of(null, status, null);
    return problem(HttpStatus.valueOf(mapped.status()), mapped.title(), mapped.detail());
  }
}
