package cn.kaifeng.jointapproval.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated registration (DOMAIN.md §6): the project's facts, its responsible people and the
 * flags that decide its approval items.
 */
public record ProjectRegistration(
    String code,
    String name,
    County county,
    LocalDate landDelistedOn,
    boolean freeTradeZone,
    boolean commitmentSystem,
    boolean governmentInvested,
    BigDecimal investment,
    String industry,
    String responsibleCadre,
    String chiefServiceOfficer,
    String contractingLeader,
    boolean historicArea,
    boolean forestLand,
    boolean hazardousGoods,
    boolean civilAirDefence,
    boolean roadWorks,
    boolean specialEquipment,
    BigDecimal annualEnergyTce,
    BigDecimal landAreaHectares) {

  /**
   * The registration as the start form {@code register-project} submits it: what a start of
   * {@code joint-approval} may carry, whoever starts it (the API, Tasklist, the REST API).
   */
  public Map<String, Object> formVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("code", code);
    variables.put("name", name);
    variables.put("county", county.code());
    variables.put("landDelistedOn", landDelistedOn.toString());
    variables.put("investment", investment.doubleValue());
    if (industry != null) {
      variables.put("industry", industry);
    }
    variables.put("responsibleCadre", responsibleCadre);
    variables.put("chiefServiceOfficer", chiefServiceOfficer);
    variables.put("contractingLeader", contractingLeader);
    variables.put("freeTradeZone", freeTradeZone);
    variables.put("commitmentSystem", commitmentSystem);
    variables.put("governmentInvested", governmentInvested);
    variables.put("historicArea", historicArea);
    variables.put("forestLand", forestLand);
    variables.put("hazardousGoods", hazardousGoods);
    variables.put("civilAirDefence", civilAirDefence);
    variables.put("roadWorks", roadWorks);
    variables.put("specialEquipment", specialEquipment);
    variables.put("annualEnergyTce", annualEnergyTce.doubleValue());
    variables.put("landAreaHectares", landAreaHectares.doubleValue());
    return variables;
  }

  /**
   * The process variables the joint approval process and its decisions read, with their types fixed
   * (the start form and the API may send numbers as integers or decimals).
   */
  public Map<String, Object> processVariables() {
    Map<String, Object> variables = formVariables();
    variables.put("projectCode", variables.remove("code"));
    variables.put("projectName", variables.remove("name"));
    variables.put("industry", industry);
    return variables;
  }
}
