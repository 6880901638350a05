package cn.kaifeng.jointapproval.web;

import cn.kaifeng.jointapproval.trust.FieldError;
import cn.kaifeng.jointapproval.trust.SubmissionConflictException;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.exception.NotFoundException;

/**
 * What an API error tells the user, for the engine's APIs and the project's own alike: a status
 * that says what happened (403 not allowed, 404 missing, 409 done or changed by someone else, 400
 * bad input naming the fields), a Chinese title, and a detail that never carries SQL, a stack
 * trace, a class or a table name — those go to the log.
 */
public final class EngineProblems {

  /** The answer: {@code errors} only for bad input; {@code properties}: a feature's extras. */
  public record Problem(int status, String title, String detail, List<FieldError> errors,
      Map<String, Object> properties) {

    Problem(int status, String title, String detail, List<FieldError> errors) {
      this(status, title, detail, errors, Map.of());
    }
  }

  private static final Pattern LEAK = Pattern.compile(
      "(?is)(\\b(select|insert|update|delete)\\b.{0,200}\\b(from|into|set|where)\\b)"
          + "|\\bACT_[A-Z]{2}_|###|\\bSQL\\b|jdbc|Exception\\b|Caused by|\\bat [\\w.$]+\\("
          + "|\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*");

  /** The database cannot be reached: nothing was changed, the same request may be sent again. */
  public static final Problem DATABASE_UNAVAILABLE = new Problem(503, "数据库暂时不可用",
      "数据库暂时无法访问，本次请求未作任何更改；请稍后重试", List.of());

  private EngineProblems() {
  }

  /**
   * @param failure the exception behind the answer, if known
   * @param status the status the answer would otherwise have
   * @param message the message the answer would otherwise carry, if any
   */
  public static Problem of(Throwable failure, int status, String message) {
    if (DatabaseOutage.causes(failure)) {
      return DATABASE_UNAVAILABLE;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SubmissionRejectedException rejected) {
        return new Problem(400, "提交的内容有误",
            readable(rejected.getMessage(), "提交的内容有误，未作任何更改"), rejected.errors());
      }
      if (t instanceof ApiError api) {
        return new Problem(api.status(), api.title(), readable(t.getMessage(), api.title()),
            List.of(), api.properties());
      }
      if (t instanceof SubmissionConflictException) {
        return new Problem(409, "与当前状态冲突", readable(t.getMessage(), "与当前状态冲突，未作任何更改"),
            List.of());
      }
      if (t instanceof OptimisticLockingException) {
        return new Problem(409, "数据已被他人修改", "同一事项刚被他人修改，请刷新后重试；未作任何更改",
            List.of());
      }
      if (t instanceof AuthorizationException) {
        return new Problem(403, "无权操作", chinese(t.getMessage(), "当前用户无权执行此操作"), List.of());
      }
      if (t instanceof NotFoundException) {
        return new Problem(404, "未找到", "请求的任务、流程实例或资源不存在", List.of());
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ParseException) {
        return new Problem(400, "模型不能部署", readable(t.getMessage(), "模型有误，未作任何部署"),
            List.of());
      }
      if (t instanceof BadUserRequestException) {
        return new Problem(400, "请求有误", readable(t.getMessage(), "请求有误，未作任何更改"), List.of());
      }
    }
    return switch (status) {
      case 400 -> new Problem(400, "请求有误", readable(message, "请求有误，未作任何更改"), List.of());
      case 401 -> new Problem(401, "未登录", "请先登录", List.of());
      case 403 -> new Problem(403, "无权操作", "当前用户无权执行此操作", List.of());
      case 404 -> new Problem(404, "未找到", "请求的任务、流程实例或资源不存在", List.of());
      case 405 -> new Problem(405, "不支持此请求方法", "不支持此请求方法", List.of());
      case 409 -> new Problem(409, "与当前状态冲突", "与当前状态冲突，未作任何更改", List.of());
      case 415 -> new Problem(415, "不支持的内容类型", "请以 JSON 提交", List.of());
      default -> status >= 500
          ? new Problem(status, "服务器处理失败", "请求未能完成，未作任何更改；如问题持续，请联系系统管理员",
              List.of())
          : new Problem(status, "请求未能完成", readable(message, "请求未能完成"), List.of());
    };
  }

  /** The message if a person may read it, otherwise the fallback. */
  static String readable(String message, String fallback) {
    return message == null || message.isBlank() || LEAK.matcher(message).find() ? fallback
        : message;
  }

  /** Camunda's own messages are English and name resources: ours are Chinese. */
  private static String chinese(String message, String fallback) {
    String readable = readable(message, null);
    return readable != null && readable.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)
        ? readable : fallback;
  }
}
