package cn.kaifeng.jointapproval.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bad input: answered 400 as problem details naming each bad field, and nothing is changed. */
public class InvalidRequestException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidRequestException(Map<String, String> errors) {
    super(String.join("；", errors.values()));
    this.errors = new LinkedHashMap<>(errors);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(Map.of(field, message));
  }

  public Map<String, String> errors() {
    return errors;
  }
}
