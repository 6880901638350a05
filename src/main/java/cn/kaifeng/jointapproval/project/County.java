package cn.kaifeng.jointapproval.project;

import java.util.Arrays;
import java.util.Optional;

/** The counties and districts of Kaifeng (DOMAIN.md §4); each has a group {@code county-<code>}. */
public enum County {
  LONGTING("longting", "龙亭区"),
  SHUNHE("shunhe", "顺河回族区"),
  GULOU("gulou", "鼓楼区"),
  YUWANGTAI("yuwangtai", "禹王台区"),
  XIANGFU("xiangfu", "祥符区"),
  QIXIAN("qixian", "杞县"),
  TONGXU("tongxu", "通许县"),
  WEISHI("weishi", "尉氏县"),
  LANKAO("lankao", "兰考县"),
  SHIFANQU("shifanqu", "城乡一体化示范区");

  private final String code;
  private final String displayName;

  County(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  /** The group of the county's chief service officers. */
  public String group() {
    return "county-" + code;
  }

  public static Optional<County> byCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }

  public static String codes() {
    return String.join("、", Arrays.stream(values()).map(County::code).toList());
  }
}
