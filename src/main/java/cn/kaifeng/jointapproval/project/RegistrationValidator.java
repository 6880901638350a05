package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.identity.People;
import cn.kaifeng.jointapproval.identity.Roles;
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
 *
 * <p>The API may register a project at an earlier node than {@code LANDED} ({@code node}:
 * {@code RESERVE}, {@code NEGOTIATING}, {@code SIGNED}): then it has no {@code landDelistedOn},
 * may say on which day it reached that node ({@code nodeDate}, default today) and, signed, names
 * its {@code investor}. The start form registers landed projects only. People are user ids:
 * {@code contractingLeader} a city leader ({@code city-leader}), {@code chiefServiceOfficer} a chief
 * service officer of the project's county ({@code county-<code>}).
 */
@Component
public class RegistrationValidator {

  /** A validated API registration: the project's facts and the node it starts at. */
  public record Request(ProjectRegistration registration, NodeRecording.Report start) {}

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
  /** The API's fields beyond the start form's: the node a project is registered at. */
  public static final Set<String> NODE_FIELDS = Set.of("node", "nodeDate", "investor",
      "fortune500");
  private static final Node[] REGISTRABLE = {Node.RESERVE, Node.NEGOTIATING, Node.SIGNED,
      Node.LANDED};

  private final People people;

  public RegistrationValidator(People people) {
    this.people = people;
  }

  /** Validates a JSON body: unknown fields are errors too. */
  public Request validateRequest(Map<String, Object> body) {
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(key -> !FIELDS.contains(key) && !NODE_FIELDS.contains(key))
        .sorted().forEach(key -> errors.put(key, "未知字段 " + key));
    var start = startNode(body, errors);
    var registration = validate(body, start == null ? null : start.node(), errors);
    return new Request(registration, start);
  }

  /** Validates process variables of a landed project's registration (others are ignored). */
  public ProjectRegistration validateVariables(Map<String, Object> variables) {
    return validate(variables, Node.LANDED, new LinkedHashMap<>());
  }

  private static NodeRecording.Report startNode(Map<String, Object> in,
      Map<String, String> errors) {
    Object value = in.get("node");
    Node node = value == null ? Node.LANDED : Node.byName(value).orElse(null);
    if (node == null || !node.registrable()) {
      errors.put("node", "登记项目时的节点只能是 " + Node.describe(REGISTRABLE) + "，收到“" + value
          + "”；其后的节点请通过 /api/projects/{code}/nodes 登记");
      return null;
    }
    LocalDate nodeDate = null;
    if (node == Node.LANDED) {
      if (in.get("nodeDate") != null) {
        errors.put("nodeDate", "落地节点的日期就是土地摘牌日期，请填写 landDelistedOn");
      }
    } else {
      nodeDate = in.get("nodeDate") == null ? ChinaTime.today()
          : date(in, "nodeDate", node.displayName() + "日期", errors);
    }
    String investor = null;
    boolean fortune500 = false;
    if (node == Node.SIGNED || node == Node.LANDED) {
      investor = text(in, "investor", "投资方", 200, node == Node.SIGNED, errors);
      Object flag = in.get("fortune500");
      if (flag != null && !(flag instanceof Boolean)) {
        errors.put("fortune500", "fortune500（是否世界500强）应为 true 或 false");
      }
      fortune500 = Boolean.TRUE.equals(flag);
    } else {
      for (String field : List.of("investor", "fortune500")) {
        if (in.get(field) != null) {
          errors.put(field, "谋划、在谈阶段的项目尚未签约，不填写投资方和是否世界500强");
        }
      }
    }
    return new NodeRecording.Report(node, nodeDate, investor, fortune500);
  }

  private ProjectRegistration validate(Map<String, Object> in, Node node,
      Map<String, String> errors) {
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
    LocalDate landDelistedOn = null;
    if (node == null || node == Node.LANDED) {
      landDelistedOn = date(in, "landDelistedOn", "土地摘牌日期", errors);
    } else if (in.get("landDelistedOn") != null) {
      errors.put("landDelistedOn", node.displayName() + "阶段的项目尚未摘牌，不填写土地摘牌日期；"
          + "摘牌后登记节点 LANDED（/api/projects/{code}/nodes）");
    }
    Map<String, Boolean> flags = new LinkedHashMap<>();
    for (String flag : FLAGS) {
      flags.put(flag, flag(in, flag, errors));
    }
    BigDecimal investment = amount(in, "investment", "总投资（万元）", true, true, errors);
    String industry = text(in, "industry", "所属行业", 100, false, errors);
    String cadre = text(in, "responsibleCadre", "责任人", 64, true, errors);
    String officer = text(in, "chiefServiceOfficer", "首席服务官", 64, true, errors);
    String leader = text(in, "contractingLeader", "分包市领导", 64, true, errors);
    if (leader != null) {
      person(leader, "contractingLeader", Roles.CITY_LEADER, "分包市领导", "市领导（city-leader）",
          errors);
    }
    if (officer != null && county != null) {
      person(officer, "chiefServiceOfficer", county.group(), "首席服务官",
          county.displayName() + "首席服务官（" + county.group() + "）", errors);
    }
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

  /** A named person must be a user of the role's group; free text is not a person. */
  private void person(String userId, String field, String group, String label, String role,
      Map<String, String> errors) {
    switch (people.membership(userId, group)) {
      case NO_SUCH_USER -> errors.put(field, label + "应填写系统用户名，没有用户“" + userId + "”");
      case OTHER_GROUP -> errors.put(field, "用户“" + userId + "”不是" + role + "，不能担任" + label);
      case MEMBER -> { }
    }
  }

  private static LocalDate date(Map<String, Object> in, String field, String label,
      Map<String, String> errors) {
    Object value = in.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.put(field, "请填写" + label);
      return null;
    }
    LocalDate date;
    try {
      date = value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      errors.put(field, label + "格式应为 YYYY-MM-DD，收到“" + value + "”");
      return null;
    }
    if (date.isAfter(ChinaTime.today())) {
      errors.put(field, label + " " + date + " 晚于今天，" + (field.equals("landDelistedOn")
          ? "不能登记尚未摘牌的土地" : "不能登记尚未到达的节点"));
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
