package cn.kaifeng.jointapproval.board;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key projects office sets the counties' yearly targets of the reserve landing plan:
 * {@code {"lankao": {"RESERVE": 20, "NEGOTIATING": 12, "SIGNED": 8, "LANDED": 5}, ...}}. Every
 * value is checked before anything is written; a refusal names each bad field and changes nothing.
 */
@Service
class TargetSetting {

  static final int MAX_TARGET = 10_000;

  private final TargetRepository targets;

  TargetSetting(TargetRepository targets) {
    this.targets = targets;
  }

  @Transactional
  void set(int year, Map<String, Object> body, BoardReader reader) {
    if (!reader.setsTargets()) {
      throw new ForbiddenException("各县区年度目标由市重点项目建设服务中心设定");
    }
    int thisYear = ChinaTime.today().getYear();
    Map<String, String> errors = new LinkedHashMap<>();
    if (year < thisYear - 1 || year > thisYear + 1) {
      errors.put("year", "年度应为 " + (thisYear - 1) + "–" + (thisYear + 1) + " 年");
    }
    if (body == null || body.isEmpty()) {
      errors.put("targets", "请至少填写一个县区的目标");
    }
    Map<String, Map<String, Integer>> checked = new LinkedHashMap<>();
    if (body != null) {
      body.forEach((countyCode, value) -> {
        var county = County.byCode(countyCode);
        if (county.isEmpty()) {
          errors.put(countyCode, "未知的县区“" + countyCode + "”，可选：" + County.codes());
          return;
        }
        if (!(value instanceof Map<?, ?> nodes)) {
          errors.put(countyCode, "应为各节点的目标数，如 {\"RESERVE\": 20}");
          return;
        }
        Map<String, Integer> countyTargets = new LinkedHashMap<>();
        nodes.forEach((nodeName, target) -> {
          String field = countyCode + "." + nodeName;
          var node = Node.byName(nodeName).filter(ReserveMapQuery.PLAN_NODES::contains);
          if (node.isEmpty()) {
            errors.put(field, "未知节点，可选：" + Node.describe(
                ReserveMapQuery.PLAN_NODES.toArray(Node[]::new)));
          } else if (!(target instanceof Integer n) || n < 0 || n > MAX_TARGET) {
            errors.put(field, "目标应为 0–" + MAX_TARGET + " 的整数");
          } else {
            countyTargets.put(node.get().name(), n);
          }
        });
        checked.put(county.get().code(), countyTargets);
      });
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var now = Instant.now();
    checked.forEach((county, nodes) -> nodes.forEach((node, target) ->
        targets.set(year, county, node, target, reader.userId(), now)));
  }
}
