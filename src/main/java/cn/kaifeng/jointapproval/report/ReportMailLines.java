package cn.kaifeng.jointapproval.report;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The ranking as mail text and as an HTML table, with the reader's own lines highlighted. */
@Component
public class ReportMailLines {

  public String text(List<Ranking.Line> lines, Set<String> own) {
    StringBuilder out = new StringBuilder();
    for (var line : lines) {
      out.append(own.contains(line.unit()) ? "→ " : "  ").append(line.rank()).append(". ")
          .append(line.unitName()).append("  ").append(line.total().toPlainString()).append(" 分")
          .append(change(line)).append(flag(line)).append('\n');
    }
    return out.toString();
  }

  public String html(List<Ranking.Line> lines, Set<String> own) {
    StringBuilder out = new StringBuilder(
        "<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">"
            + "<tr><th>名次</th><th>单位</th><th>总分</th><th>较上期</th><th>标记</th></tr>\n");
    for (var line : lines) {
      boolean mine = own.contains(line.unit());
      out.append(mine ? "<tr style=\"background:#fff3c4;font-weight:bold\">" : "<tr>")
          .append("<td>").append(line.rank()).append("</td><td>")
          .append(HtmlUtils.htmlEscape(line.unitName(), "UTF-8")).append(mine ? "（本单位）" : "")
          .append("</td><td>").append(line.total().toPlainString()).append("</td><td>")
          .append(change(line).strip()).append("</td><td>").append(flag(line).strip())
          .append("</td></tr>\n");
    }
    return out.append("</table>").toString();
  }

  static String change(Ranking.Line line) {
    Integer change = line.change();
    if (change == null) {
      return "";
    }
    return change > 0 ? " ↑" + change : change < 0 ? " ↓" + (-change) : " 持平";
  }

  static String flag(Ranking.Line line) {
    if (ReportCalculator.TOP.equals(line.flag())) {
      return " 【前三】";
    }
    return ReportCalculator.LAST.equals(line.flag()) ? " 【末位】" : "";
  }
}
