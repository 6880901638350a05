package cn.kaifeng.jointapproval.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** The nodes of a project's life in their order (DOMAIN.md §8.1); a project never goes back. */
public enum Node {
  RESERVE("谋划"),
  NEGOTIATING("在谈"),
  SIGNED("签约"),
  LANDED("落地"),
  READY("具备开工条件"),
  STARTED("开工"),
  COMPLETED("竣工"),
  OPERATING("投产");

  private final String displayName;

  Node(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Node> byName(String name) {
    return Arrays.stream(values()).filter(n -> n.name().equals(name)).findFirst();
  }
}
