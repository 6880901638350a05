package cn.kaifeng.jointapproval.trust;

import cn.kaifeng.jointapproval.trust.FormSchema.Field;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a submission against its form: exactly the form's fields, each of the right kind, inside
 * its limits and allowed values, every required one present. Names every bad field at once.
 */
public final class FormSubmissionValidator {

  private final SubmittedValues values;

  public FormSubmissionValidator(ObjectMapper mapper) {
    this.values = new SubmittedValues(mapper);
  }

  public List<FieldError> validate(FormSchema form, Map<String, ?> submitted) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, ?> variables = submitted == null ? Map.of() : submitted;
    check(form.fields(), variables, "", errors, true);
    return errors;
  }

  private void check(Map<String, Field> fields, Map<String, ?> submitted, String prefix,
      List<FieldError> errors, boolean raw) {
    for (String key : submitted.keySet()) {
      if (!fields.containsKey(key)) {
        errors.add(new FieldError(prefix + key, "不是此表单的字段，不能提交"));
      }
    }
    for (Field field : fields.values()) {
      Object value = submitted.get(field.key());
      checkField(field, raw ? values.plain(value) : value, prefix + field.key(), errors);
    }
  }

  private void checkField(Field field, Object value, String name, List<FieldError> errors) {
    if (value == SubmittedValues.UNSUPPORTED) {
      errors.add(new FieldError(name, "取值类型不正确"));
      return;
    }
    if (isEmpty(value)) {
      if (field.required() && !field.conditional()) {
        errors.add(new FieldError(name, "此项为必填项"));
      }
      return;
    }
    switch (field.kind()) {
      case TEXT -> text(field, value, name, errors);
      case NUMBER -> number(field, value, name, errors);
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          errors.add(new FieldError(name, "应为是或否（true/false）"));
        }
      }
      case DATE -> date(field, value, name, errors);
      case LIST -> list(field, value, name, errors);
      case ROWS -> rows(field, value, name, errors);
      case OBJECT -> {
        if (value instanceof Map<?, ?> map) {
          check(field.children(), castKeys(map), name + ".", errors, false);
        } else {
          errors.add(new FieldError(name, "取值类型不正确"));
        }
      }
    }
  }

  private static void text(Field field, Object value, String name, List<FieldError> errors) {
    if (!(value instanceof String text)) {
      errors.add(new FieldError(name, "应为文本"));
      return;
    }
    if (field.allowed() != null && !field.allowed().contains(text)) {
      errors.add(new FieldError(name, "取值须为 " + String.join("、", field.allowed()) + " 之一"));
      return;
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      errors.add(new FieldError(name, "最多 " + field.maxLength() + " 个字符（收到 "
          + text.length() + " 个）"));
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      errors.add(new FieldError(name, "至少 " + field.minLength() + " 个字符"));
    }
    if (field.pattern() != null && !matches(field.pattern(), text)) {
      errors.add(new FieldError(name, "格式不正确"));
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true; // form-js would not have accepted the pattern either; the form is at fault
    }
  }

  private static void number(Field field, Object value, String name, List<FieldError> errors) {
    if (!(value instanceof Number number)) {
      errors.add(new FieldError(name, "应为数字"));
      return;
    }
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      errors.add(new FieldError(name, "应为数字"));
    } else if (field.min() != null && d < field.min()) {
      errors.add(new FieldError(name, "不能小于 " + plainNumber(field.min())));
    } else if (field.max() != null && d > field.max()) {
      errors.add(new FieldError(name, "不能大于 " + plainNumber(field.max())));
    }
  }

  private static String plainNumber(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static void date(Field field, Object value, String name, List<FieldError> errors) {
    if (!(value instanceof String text)) {
      errors.add(new FieldError(name, "应为日期文本（如 2026-11-02）"));
      return;
    }
    try {
      switch (field.dateSubtype() == null ? "date" : field.dateSubtype()) {
        case "time" -> LocalTime.parse(text.length() > 8 ? text.substring(0, 8) : text);
        case "datetime" -> {
          try {
            OffsetDateTime.parse(text);
          } catch (DateTimeParseException e) {
            LocalDateTime.parse(text);
          }
        }
        default -> LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "日期格式不正确（应为 YYYY-MM-DD）"));
    }
  }

  private static void list(Field field, Object value, String name, List<FieldError> errors) {
    if (!(value instanceof List<?> list)) {
      errors.add(new FieldError(name, "应为列表"));
      return;
    }
    for (Object element : list) {
      if (!(element instanceof String text)
          || field.allowed() != null && !field.allowed().contains(text)) {
        errors.add(new FieldError(name, "取值须为 "
            + (field.allowed() == null ? "文本" : String.join("、", field.allowed())) + " 之中的"));
        return;
      }
    }
  }

  private void rows(Field field, Object value, String name, List<FieldError> errors) {
    if (!(value instanceof List<?> list)) {
      errors.add(new FieldError(name, "应为列表"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> row) {
        check(field.children(), castKeys(row), name + "[" + i + "].", errors, false);
      } else {
        errors.add(new FieldError(name + "[" + i + "]", "取值类型不正确"));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> castKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return Map.of("?", map);
      }
    }
    return (Map<String, ?>) map;
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String text && text.isBlank()
        || value instanceof List<?> list && list.isEmpty();
  }
}
