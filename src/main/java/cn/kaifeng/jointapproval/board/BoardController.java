package cn.kaifeng.jointapproval.board;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.projectview.ProjectList;
import cn.kaifeng.jointapproval.projectview.ProjectListQuery;
import cn.kaifeng.jointapproval.projectview.ProjectSummary;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the battle maps ({@code /board/}), as JSON and as Excel. Every answer holds only
 * what the reader may read: the queries apply the project list's reading lines.
 */
@RestController
@RequestMapping("/api/board")
class BoardController {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** Rows of one Excel list at most: the whole city's projects. */
  private static final int MAX_EXPORT_PAGES = 200;

  private final OverviewQuery overview;
  private final ApprovalMapQuery approvals;
  private final LeaderMapQuery leaders;
  private final ReserveMapQuery reserve;
  private final TargetRepository targets;
  private final TargetSetting targetSetting;
  private final ProjectList projectList;

  BoardController(OverviewQuery overview, ApprovalMapQuery approvals, LeaderMapQuery leaders,
      ReserveMapQuery reserve, TargetRepository targets, TargetSetting targetSetting,
      ProjectList projectList) {
    this.overview = overview;
    this.approvals = approvals;
    this.leaders = leaders;
    this.reserve = reserve;
    this.targets = targets;
    this.targetSetting = targetSetting;
    this.projectList = projectList;
  }

  /** Who is looking: what the pages offer depends on it (the server decides what they get). */
  record Me(String userId, List<String> groups, boolean cityWide, List<CountyName> counties,
      boolean leader, boolean setsTargets, List<CountyName> allCounties, String today) {}

  record CountyName(String code, String name) {}

  @GetMapping("/me")
  Me me(Authentication user) {
    var reader = BoardReader.of(user);
    return new Me(reader.userId(), reader.groups(), reader.cityWide(),
        reader.counties().stream().map(BoardController::name).toList(), reader.leader(),
        reader.setsTargets(), Arrays.stream(County.values()).map(BoardController::name).toList(),
        ChinaTime.today().toString());
  }

  @GetMapping("/overview")
  CityOverview overview(@RequestParam Map<String, String> parameters, Authentication user) {
    known(parameters, Set.of());
    return overview.overview(BoardReader.of(user));
  }

  @GetMapping("/approvals")
  ApprovalMap approvals(@RequestParam Map<String, String> parameters, Authentication user) {
    known(parameters, Set.of("county", "sort", "page", "size"));
    var county = county(parameters);
    Map<String, String> errors = new LinkedHashMap<>();
    int page = number(parameters, "page", 0, 0, 10_000, errors);
    int size = number(parameters, "size", 50, 1, 200, errors);
    String sortValue = parameters.getOrDefault("sort", "left");
    var sort = ApprovalMap.Sort.of(sortValue).orElse(null);
    if (sort == null) {
      errors.put("sort", "排序应为 left（剩余工作日少的在前）、-left 或 code");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return approvals.map(county, BoardReader.of(user), sort, page, size);
  }

  @GetMapping("/approvals.xlsx")
  ResponseEntity<byte[]> approvalsExcel(@RequestParam Map<String, String> parameters,
      Authentication user) {
    known(parameters, Set.of("county"));
    var map = approvals.map(county(parameters), BoardReader.of(user), ApprovalMap.Sort.left, 0,
        0);
    List<List<Object>> rows = new ArrayList<>();
    for (var p : map.projects()) {
      for (var i : p.items()) {
        rows.add(Arrays.asList(p.code(), p.name(), p.trackName(), p.limitWorkingDays(),
            p.landDelistedOn(), p.deadline(), p.workingDaysUsed(), p.workingDaysLeft(),
            Workbooks.lightName(p.light()), p.statusName(), i.name(), i.departmentName(),
            i.stageName(), i.promisedDays(), i.statusName(), Workbooks.lightName(i.light()),
            i.opensOn(), i.dueOn(), i.completedOn(), i.pausedWorkingDays(), i.inMatter()));
      }
    }
    return Workbooks.download("新开工项目联审联批图-" + map.countyName(), map.countyName(),
        List.of("项目编号", "项目名称", "审批通道", "时限（工作日）", "土地摘牌日期", "时限到期日",
            "已用工作日", "剩余工作日", "项目灯色", "项目状态", "审批事项", "审批部门", "阶段",
            "承诺工作日", "事项状态", "事项灯色", "开始日期", "办理期限", "办结日期", "补正暂停工作日",
            "协调督办中"),
        rows);
  }

  @GetMapping("/leaders")
  LeaderMap.Summary leaders(@RequestParam Map<String, String> parameters, Authentication user) {
    known(parameters, Set.of());
    return leaders.summary(BoardReader.of(user));
  }

  @GetMapping("/leaders/projects")
  LeaderMap.Projects leaderProjects(@RequestParam Map<String, String> parameters,
      Authentication user) {
    known(parameters, Set.of("leader", "page", "size"));
    Map<String, String> errors = new LinkedHashMap<>();
    String leader = leader(parameters, errors);
    int page = number(parameters, "page", 0, 0, 10_000, errors);
    int size = number(parameters, "size", 50, 1, 200, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return leaders.projects(leader, BoardReader.of(user), page, size);
  }

  @GetMapping("/leaders/projects.xlsx")
  ResponseEntity<byte[]> leaderProjectsExcel(@RequestParam Map<String, String> parameters,
      Authentication user) {
    known(parameters, Set.of("leader"));
    Map<String, String> errors = new LinkedHashMap<>();
    String leader = leader(parameters, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var reader = BoardReader.of(user);
    List<String> headers = new ArrayList<>(List.of("项目编号", "项目名称", "县区", "当前节点",
        "灯色", "预警"));
    for (var node : Node.values()) {
      headers.add(node.displayName() + "（计划）");
      headers.add(node.displayName() + "（实际）");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int page = 0; page < MAX_EXPORT_PAGES; page++) {
      var projects = leaders.projects(leader, reader, page, 200);
      for (var p : projects.content()) {
        List<Object> row = new ArrayList<>(Arrays.asList(p.code(), p.name(), p.countyName(),
            p.nodeName(), Workbooks.lightName(p.light()), String.join("、", p.alertNames())));
        for (var node : Node.values()) {
          row.add(p.planned().get(node.name()));
          row.add(p.reached().get(node.name()));
        }
        rows.add(row);
      }
      if ((long) (page + 1) * 200 >= projects.totalElements()) {
        break;
      }
    }
    return Workbooks.download("领导分包节点推进图-" + leader, leader, headers, rows);
  }

  @GetMapping("/reserve")
  ReserveMap reserve(@RequestParam Map<String, String> parameters, Authentication user) {
    known(parameters, Set.of("year"));
    return reserve.map(year(parameters), BoardReader.of(user));
  }

  @GetMapping("/reserve.xlsx")
  ResponseEntity<byte[]> reserveExcel(@RequestParam Map<String, String> parameters,
      Authentication user) {
    known(parameters, Set.of("year"));
    var map = reserve.map(year(parameters), BoardReader.of(user));
    List<String> headers = new ArrayList<>(List.of("县区"));
    for (var node : map.nodes()) {
      String name = node.name();
      headers.addAll(List.of(name + "（年内完成）", name + "（年度目标）", name + "（完成率%）",
          name + "（当前在此节点）"));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (var county : map.counties()) {
      List<Object> row = new ArrayList<>(List.of(county.countyName()));
      for (var cell : county.cells()) {
        row.add(cell.reached());
        row.add(cell.target());
        row.add(cell.target() == null || cell.target() == 0 ? null
            : Math.round(cell.reached() * 1000.0 / cell.target()) / 10.0);
        row.add(cell.current());
      }
      rows.add(row);
    }
    return Workbooks.download("储备项目落地计划图-" + map.year(), map.year() + "年", headers, rows);
  }

  @GetMapping("/targets/{year}")
  Map<String, Map<String, Integer>> targets(@PathVariable String year) {
    return targets.ofYear(year(Map.of("year", year)));
  }

  /** The key projects office sets counties' targets of a year (see {@link TargetSetting}). */
  @PutMapping("/targets/{year}")
  Map<String, Map<String, Integer>> setTargets(@PathVariable String year,
      @RequestBody Map<String, Object> body, Authentication user) {
    int y = year(Map.of("year", year));
    targetSetting.set(y, body, BoardReader.of(user));
    return targets.ofYear(y);
  }

  /** The project list ({@code GET /api/projects} with the same parameters) as Excel. */
  @GetMapping("/projects.xlsx")
  ResponseEntity<byte[]> projectsExcel(@RequestParam Map<String, String> parameters,
      Authentication user) {
    Map<String, String> query = new HashMap<>(parameters);
    query.remove("page");
    query.put("size", String.valueOf(ProjectListQuery.MAX_SIZE));
    var reader = BoardReader.of(user).asListReader();
    List<List<Object>> rows = new ArrayList<>();
    for (int page = 0; page < MAX_EXPORT_PAGES; page++) {
      query.put("page", String.valueOf(page));
      ProjectSummary.Page result = projectList.page(ProjectListQuery.parse(query), reader);
      for (var p : result.content()) {
        rows.add(Arrays.asList(p.code(), p.name(), p.countyName(), p.nodeName(), p.statusName(),
            Workbooks.lightName(p.light().name()), p.trackName(), p.landDelistedOn(),
            p.deadline(), p.workingDaysUsed(), p.workingDaysLeft(), p.investment(),
            p.contractingLeader(), p.chiefServiceOfficer(), String.join("、", p.alertNames())));
      }
      if ((long) (page + 1) * result.size() >= result.totalElements()) {
        break;
      }
    }
    return Workbooks.download("项目清单", "项目清单",
        List.of("项目编号", "项目名称", "县区", "节点", "状态", "灯色", "审批通道", "土地摘牌日期",
            "时限到期日", "已用工作日", "剩余工作日", "总投资（万元）", "分包市领导", "首席服务官",
            "预警"),
        rows);
  }

  private static CountyName name(County county) {
    return new CountyName(county.code(), county.displayName());
  }

  private static void known(Map<String, String> parameters, Set<String> allowed) {
    Map<String, String> errors = new LinkedHashMap<>();
    parameters.keySet().stream().filter(p -> !allowed.contains(p)).sorted()
        .forEach(p -> errors.put(p, "未知参数 " + p + (allowed.isEmpty() ? "" : "，可用："
            + String.join("、", allowed.stream().sorted().toList()))));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private static County county(Map<String, String> parameters) {
    String value = parameters.get("county");
    if (value == null || value.isBlank()) {
      throw InvalidRequestException.of("county", "请选择县区，可选：" + County.codes());
    }
    return County.byCode(value).orElseThrow(() -> InvalidRequestException.of("county",
        "未知的县区“" + value + "”，可选：" + County.codes()));
  }

  private static int year(Map<String, String> parameters) {
    String value = parameters.get("year");
    if (value == null || value.isBlank()) {
      return ChinaTime.today().getYear();
    }
    try {
      int year = Integer.parseInt(value);
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw InvalidRequestException.of("year", "年度应为 2000–2100 的整数");
  }

  private static String leader(Map<String, String> parameters, Map<String, String> errors) {
    String leader = parameters.get("leader");
    if (leader == null || !USER_ID.matcher(leader).matches()) {
      errors.put("leader", "分包市领导应为用户名（字母、数字、“.”“_”“-”，至多 64 位）");
    }
    return leader;
  }

  private static int number(Map<String, String> parameters, String name, int fallback, int min,
      int max, Map<String, String> errors) {
    String value = parameters.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    errors.put(name, name + " 应为 " + min + "–" + max + " 的整数");
    return fallback;
  }
}
