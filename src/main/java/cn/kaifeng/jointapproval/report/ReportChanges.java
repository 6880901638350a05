package cn.kaifeng.jointapproval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What a republished version changed against the version it replaces, in Chinese: each unit
 * whose total, rank or figures moved, with the reason the office gave for the new version.
 */
@Component
public class ReportChanges {

  public String between(Ranking before, Ranking after, String reason) {
    List<String> changes = new ArrayList<>();
    for (var line : after.lines()) {
      var old = before.line(line.unit()).orElse(null);
      if (old == null) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      if (old.total().compareTo(line.total()) != 0) {
        parts.add("总分 " + old.total().toPlainString() + " → " + line.total().toPlainString());
      }
      if (old.rank() != line.rank()) {
        parts.add("名次 " + old.rank() + " → " + line.rank());
      }
      for (var score : line.scores()) {
        var was = old.scores().stream().filter(s -> s.rule().equals(score.rule())).findFirst();
        if (was.isPresent() && !same(was.get(), score)) {
          parts.add(score.name() + " " + figure(was.get()) + " → " + figure(score));
        }
      }
      if (!parts.isEmpty()) {
        changes.add(line.unitName() + "：" + String.join("，", parts));
      }
    }
    String head = reason == null || reason.isBlank() ? "" : "更正原因：" + reason.strip() + "。";
    return head + (changes.isEmpty() ? "得分与名次无变化。" : String.join("；", changes) + "。");
  }

  private static boolean same(Ranking.Score a, Ranking.Score b) {
    return a.points().compareTo(b.points()) == 0 && (Objects.equals(a.figure(), b.figure())
        || a.figure() != null && b.figure() != null && a.figure().compareTo(b.figure()) == 0);
  }

  private static String figure(Ranking.Score score) {
    return (score.figure() == null ? "—" : score.figure().stripTrailingZeros().toPlainString())
        + "（" + score.points().toPlainString() + " 分）";
  }
}
