package cn.kaifeng.jointapproval.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Registration bodies for tests: valid by default, with unique codes. */
public final class ProjectFixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private ProjectFixtures() {}

  public static String newCode(String prefix) {
    return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  /** A general (non free-trade-zone) enterprise project in Lankao with no special conditions. */
  public static Map<String, Object> body(String code, String landDelistedOn) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", "兰考县智能家居产业园项目");
    body.put("county", "lankao");
    body.put("landDelistedOn", landDelistedOn);
    body.put("investment", 52000);
    body.put("industry", "家居制造");
    body.put("responsibleCadre", "王建国");
    body.put("chiefServiceOfficer", "cso-lankao");
    body.put("contractingLeader", "leader-1");
    return body;
  }

  /** Every condition that adds items: twelve items in the first stage. */
  public static Map<String, Object> everything(Map<String, Object> body) {
    body.put("governmentInvested", true);
    body.put("annualEnergyTce", 1500);
    body.put("historicArea", true);
    body.put("forestLand", true);
    body.put("landAreaHectares", 3.2);
    body.put("hazardousGoods", true);
    body.put("civilAirDefence", true);
    body.put("roadWorks", true);
    body.put("specialEquipment", true);
    return body;
  }
}
