package cn.kaifeng.jointapproval.lifecycle;

import java.math.BigDecimal;
import java.util.Map;

/** Amounts in 万元 as the API and forms send them: numbers, not negative, two decimals at most. */
final class Amounts {

  static final BigDecimal MAX = new BigDecimal("99999999999999.99");

  private Amounts() {}

  static BigDecimal nonNegative(Object raw, String field, String label,
      Map<String, String> errors) {
    if (raw == null) {
      errors.put(field, "必须填写" + label);
      return null;
    }
    if (!(raw instanceof Number number)) {
      errors.put(field, label + "应为数字");
      return null;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      errors.put(field, label + "应为数字");
      return null;
    }
    if (value.signum() < 0) {
      errors.put(field, label + "不能为负数");
      return null;
    }
    if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
      errors.put(field, label + "最多两位小数");
      return null;
    }
    if (value.compareTo(MAX) > 0) {
      errors.put(field, label + "过大");
      return null;
    }
    return value;
  }
}
