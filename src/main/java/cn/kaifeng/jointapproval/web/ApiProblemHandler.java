package cn.kaifeng.jointapproval.web;

import cn.kaifeng.jointapproval.calendar.HolidayScheduleParser.InvalidScheduleException;
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
}
