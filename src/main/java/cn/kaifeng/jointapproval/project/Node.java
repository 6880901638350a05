package cn.kaifeng.jointapproval.project;

import java.util.Arrays;
import java.util.Optional;

/**
 * The nodes of a project's life (项目节点, DOMAIN.md §8.1), in the order a project passes them. A
 * project may be registered at any node up to {@link #LANDED}; {@link #READY} is recorded by the
 * joint approval process only.
 */
public enum Node {
  RESERVE("谋划"),
  NEGOTIATING("在谈"),
  SIGNED("签约"),
  LANDED("落地（土地摘牌）"),
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

  /** Before land delisting: no joint approval, no clock yet (status {@code PREPARING}). */
  public boolean beforeLanding() {
    return compareTo(LANDED) < 0;
  }

  /** Whether a registration may start the project at this node. */
  public boolean registrable() {
    return compareTo(LANDED) <= 0;
  }

  public static Optional<Node> byName(Object value) {
    return value instanceof String s
        ? Arrays.stream(values()).filter(n -> n.name().equals(s)).findFirst()
        : Optional.empty();
  }

  /** The codes with their Chinese names, for error messages: {@code RESERVE（谋划）、…}. */
  public static String describe(Node... nodes) {
    return String.join("、", Arrays.stream(nodes).map(n -> n.name() + "（" + n.displayName + "）")
        .toList());
  }
}
