package cn.kaifeng.jointapproval.web;

import cn.kaifeng.jointapproval.calendar.HolidayScheduleParser.InvalidScheduleException;
import cn.kaifeng.jointapproval.project.DuplicateProjectException;
import cn.kaifeng.jointapproval.project.ProjectNotFoundException;
import cn.kaifeng.jointapproval.project.RegistrationForbiddenException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import java.util.List;
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

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("请求参数有误");
    problem.setProperty("errors", e.errors().entrySet().stream()
        .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue()))
        .toList());
    return problem;
  }

  @ExceptionHandler(InvalidScheduleException.class)
  ProblemDetail invalidSchedule(InvalidScheduleException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("节假日安排格式错误，未作任何更改");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "缺少参数 " + e.getParameterName());
    problem.setTitle("请求参数有误");
    problem.setProperty("errors", List.of(Map.of("field", e.getParameterName(),
        "message", "缺少参数 " + e.getParameterName())));
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        ? mapping.getPath().get(0).getFieldName() : "body";
    String message = "body".equals(field)
        ? "请求体应为 JSON 对象" : "字段 " + field + " 的取值类型不正确";
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    problem.setTitle("请求参数有误");
    problem.setProperty("errors", List.of(Map.of("field", field == null ? "body" : field,
        "message", message)));
    return problem;
  }

  @ExceptionHandler(DuplicateProjectException.class)
  ProblemDetail duplicate(DuplicateProjectException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("项目已存在");
    problem.setProperty("code", e.code());
    return problem;
  }

  @ExceptionHandler(ProjectNotFoundException.class)
  ProblemDetail notFound(ProjectNotFoundException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("未找到");
    return problem;
  }

  @ExceptionHandler(RegistrationForbiddenException.class)
  ProblemDetail forbidden(RegistrationForbiddenException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("无权操作");
    return problem;
  }

  /** A process step failed: nothing was changed (the transaction rolled back). */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  ProblemDetail processFailure(org.camunda.bpm.engine.ProcessEngineException e) {
    org.slf4j.LoggerFactory.getLogger(ApiProblemHandler.class)
        .error("Process step failed, transaction rolled back", e);
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "流程处理失败，未作任何更改：" + e.getMessage());
    problem.setTitle("处理失败");
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("无权操作");
    return problem;
  }
}
