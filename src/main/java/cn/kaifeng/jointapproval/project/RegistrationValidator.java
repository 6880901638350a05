package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a registration field by field and reports every bad field at once, in Chinese. The same
 * rules serve the API (a JSON object) and the Tasklist start form (process variables).
 */
@Component
public class RegistrationValidator {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999");
  private static final List<String> FLAGS = List.of("freeTradeZone", "commitmentSystem",
      "governmentInvested", "historicArea", "forestLand", "hazardousGoods", "civilAirDefence",
      "roadWorks", "specialEquipment");

  /** Every field of the public contract; anything else is a mistake worth reporting. */
  public static final Set<String> FIELDS = Set.of("code", "name", "county", "landDelistedOn",
      "freeTradeZone", "commitmentSystem", "governmentInvested", "investment", "industry",
      "responsibleCadre", "chiefServiceOfficer", "contractingLeader", "historicArea", "forestLand",
      "hazardousGoods", "civilAirDefence", "roadWorks", "specialEquipment", "annualEnergyTce",
      "landAreaHectares");

  /** Validates a JSON body: unknown fields are errors too. */
  public ProjectRegistration validateRequest(Map<String, Object> body) {
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(key -> !FIELDS.contains(key)).sorted()
        .forEach(key -> errors.put(key, "未知字段 " + key));
    return validate(body, errors);
  }

  /** Validates process variables (other variables are ignored). */
  public ProjectRegistration validateVariables(Map<String, Object> variables) {
    return validate(variables, new LinkedHashMap<>());
  }

  private ProjectRegistration validate(Map<String, Object> in, Map<String, String> errors) {
    String code = text(in, "code", "项目代码", 64, true, errors);
    if (code != null && !CODE.matcher(code).matches()) {
      errors.put("code", "项目代码只能由字母、数字和“-”组成，长度 1–64");
    }
    String name = text(in, "name", "项目名称", 200, true, errors);
    String countyCode = text(in, "county", "所在县区", 32, true, errors);
    County county = null;
    if (countyCode != null) {
      county = County.byCode(countyCode).orElse(null);
      if (county == null) {
        errors.put("county", "未知的县区“" + countyCode + "”，可选：" + County.codes());
      }
    }
    LocalDate landDelistedOn = date(in, errors);
    Map<String, Boolean> flags = new LinkedHashMap<>();
    for (String flag : FLAGS) {
      flags.put(flag, flag(in, flag, errors));
    }
    BigDecimal investment = amount(in, "investment", "总投资（万元）", true, true, errors);
    String industry = text(in, "industry", "所属行业", 100, false, errors);
    String cadre = text(in, "responsibleCadre", "责任人", 64, true, errors);
    String officer = text(in, "chiefServiceOfficer", "首席服务官", 64, true, errors);
    String leader = text(in, "contractingLeader", "分包市领导", 64, true, errors);
    BigDecimal energy = amount(in, "annualEnergyTce", "年综合能耗（吨标准煤）", false, false, errors);
    BigDecimal area = amount(in, "landAreaHectares", "用地面积（公顷）", false, false, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new ProjectRegistration(code, name, county, landDelistedOn,
        flags.get("freeTradeZone"), flags.get("commitmentSystem"), flags.get("governmentInvested"),
        investment, industry, cadre, officer, leader, flags.get("historicArea"),
        flags.get("forestLand"), flags.get("hazardousGoods"), flags.get("civilAirDefence"),
        flags.get("roadWorks"), flags.get("specialEquipment"),
        energy == null ? BigDecimal.ZERO : energy, area == null ? BigDecimal.ZERO : area);
  }

  private static String text(Map<String, Object> in, String field, String label, int max,
      boolean required, Map<String, String> errors) {
    Object value = in.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        errors.put(field, "请填写" + label);
      }
      return null;
    }
    if (!(value instanceof String s)) {
      errors.put(field, label + "应为文本");
      return null;
    }
    String trimmed = s.strip();
    if (trimmed.length() > max) {
      errors.put(field, label + "不能超过 " + max + " 个字符");
      return null;
    }
    return trimmed;
  }

  private static LocalDate date(Map<String, Object> in, Map<String, String> errors) {
    Object value = in.get("landDelistedOn");
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.put("landDelistedOn", "请填写土地摘牌日期");
      return null;
    }
    LocalDate date;
    try {
      date = value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      errors.put("landDelistedOn", "土地摘牌日期格式应为 YYYY-MM-DD，收到“" + value + "”");
      return null;
    }
    if (date.isAfter(ChinaTime.today())) {
      errors.put("landDelistedOn", "土地摘牌日期 " + date + " 晚于今天，不能登记尚未摘牌的土地");
      return null;
    }
    return date;
  }

  private static boolean flag(Map<String, Object> in, String field, Map<String, String> errors) {
    Object value = in.get(field);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    errors.put(field, field + " 应为 true 或 false");
    return false;
  }

  private static BigDecimal amount(Map<String, Object> in, String field, String label,
      boolean required, boolean positive, Map<String, String> errors) {
    Object value = in.get(field);
    if (value == null) {
      if (required) {
        errors.put(field, "请填写" + label);
      }
      return null;
    }
    BigDecimal number;
    try {
      number = value instanceof Number n ? new BigDecimal(n.toString())
          : new BigDecimal(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      errors.put(field, label + "应为数字，收到“" + value + "”");
      return null;
    }
    if (positive ? number.signum() <= 0 : number.signum() < 0) {
      errors.put(field, label + (positive ? "须大于 0" : "不能为负数"));
      return null;
    }
    if (number.compareTo(MAX_AMOUNT) > 0) {
      errors.put(field, label + "数值过大");
      return null;
    }
    return number;
  }
}
