package cn.kaifeng.jointapproval.projectview;

import cn.kaifeng.jointapproval.project.AlertKind;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.Tracks;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /api/projects}, checked: every filter optional, values from their
 * closed lists, {@code sort=field[,asc|desc]} on {@link Sort}'s fields, {@code page} from 0,
 * {@code size} 1–{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). A bad or unknown parameter
 * is a 400 naming it.
 */
public record ProjectListQuery(County county, Node node, Light light, String track, String leader,
    AlertKind alert, String text, Sort sort, boolean ascending, int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  private static final Set<String> PARAMETERS = Set.of("county", "node", "light", "track",
      "leader", "alert", "q", "sort", "page", "size");
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The fields a list may be sorted by. */
  public enum Sort {
    code, name, county, node, light, registeredAt, deadline, landDelistedOn, investment
  }

  public static ProjectListQuery parse(Map<String, String> parameters) {
    Map<String, String> errors = new LinkedHashMap<>();
    parameters.keySet().stream().filter(p -> !PARAMETERS.contains(p)).sorted()
        .forEach(p -> errors.put(p, "未知参数 " + p + "，可用：" + String.join("、",
            new java.util.TreeSet<>(PARAMETERS))));
    County county = null;
    String value = present(parameters, "county");
    if (value != null) {
      county = County.byCode(value).orElse(null);
      if (county == null) {
        errors.put("county", "未知的县区“" + value + "”，可选：" + County.codes());
      }
    }
    Node node = null;
    value = present(parameters, "node");
    if (value != null) {
      node = Node.byName(value).orElse(null);
      if (node == null) {
        errors.put("node", "未知节点“" + value + "”，可选：" + Node.describe(Node.values()));
      }
    }
    Light light = null;
    value = present(parameters, "light");
    if (value != null) {
      String name = value;
      light = Arrays.stream(Light.values()).filter(l -> l.name().equals(name)).findFirst()
          .orElse(null);
      if (light == null) {
        errors.put("light", "未知的灯色“" + value + "”，可选：GREEN、YELLOW、RED");
      }
    }
    String track = present(parameters, "track");
    if (track != null && !Tracks.known(track)) {
      errors.put("track", "未知的审批通道“" + track + "”，可选：" + Tracks.codes());
    }
    String leader = present(parameters, "leader");
    if (leader != null && !USER_ID.matcher(leader).matches()) {
      errors.put("leader", "分包市领导应为用户名（字母、数字、“.”“_”“-”，至多 64 位）");
    }
    AlertKind alert = null;
    value = present(parameters, "alert");
    if (value != null) {
      alert = AlertKind.byName(value).orElse(null);
      if (alert == null) {
        errors.put("alert", "未知的预警“" + value + "”，可选：" + String.join("、",
            Arrays.stream(AlertKind.values()).map(k -> k.name() + "（" + k.displayName() + "）")
                .toList()));
      }
    }
    String text = present(parameters, "q");
    if (text != null && text.length() > 100) {
      errors.put("q", "检索词不能超过 100 个字符");
    }
    Sort sort = Sort.code;
    boolean ascending = true;
    value = present(parameters, "sort");
    if (value != null) {
      String[] parts = value.split(",", -1);
      sort = Arrays.stream(Sort.values()).filter(s -> s.name().equals(parts[0].strip()))
          .findFirst().orElse(null);
      String direction = parts.length > 1 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT)
          : "asc";
      if (sort == null || parts.length > 2 || !Set.of("asc", "desc").contains(direction)) {
        errors.put("sort", "排序应为 字段,asc 或 字段,desc，字段可选：" + String.join("、",
            Arrays.stream(Sort.values()).map(Enum::name).toList()));
      }
      ascending = !"desc".equals(direction);
    }
    int page = number(parameters, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE, "页码须为不小于 0 的整数",
        errors);
    int size = number(parameters, "size", DEFAULT_SIZE, 1, MAX_SIZE,
        "每页条数须为 1–" + MAX_SIZE + " 的整数", errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new ProjectListQuery(county, node, light, track, leader, alert, text, sort, ascending,
        page, size);
  }

  private static String present(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int number(Map<String, String> parameters, String name, int fallback, int min,
      int max, String message, Map<String, String> errors) {
    String value = present(parameters, name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.put(name, message + "，收到“" + value + "”");
    return fallback;
  }
}
