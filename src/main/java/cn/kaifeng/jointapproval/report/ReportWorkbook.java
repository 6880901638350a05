package cn.kaifeng.jointapproval.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The report as an Excel workbook (Apache POI), one sheet per audience: 县区排名 and 市直部门排名
 * (rank, unit, every rule's figure and points, total, change, flag), then 末位表态 with the
 * statements attached to a published monthly report. Values, no formulas; Chinese headers.
 */
@Component
public class ReportWorkbook {

  public static final String COUNTY_SHEET = "县区排名";
  public static final String DEPARTMENT_SHEET = "市直部门排名";
  public static final String STATEMENT_SHEET = "末位表态";

  public byte[] of(ReportView report) {
    try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
      var bold = workbook.createCellStyle();
      var font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      var flagged = workbook.createCellStyle();
      flagged.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      flagged.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      ranking(workbook.createSheet(COUNTY_SHEET), report, report.counties(), bold, flagged);
      ranking(workbook.createSheet(DEPARTMENT_SHEET), report, report.departments(), bold,
          flagged);
      statements(workbook.createSheet(STATEMENT_SHEET), report, bold);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ranking(Sheet sheet, ReportView report, List<ReportView.LineView> lines,
      CellStyle bold, CellStyle flagged) {
    title(sheet, report, bold);
    var rules = new LinkedHashSet<String>();
    lines.forEach(l -> l.scores().forEach(s -> rules.add(s.name())));
    List<String> headers = new ArrayList<>(List.of("名次", "单位"));
    for (String rule : rules) {
      headers.add(rule);
      headers.add(rule + "得分");
    }
    headers.addAll(List.of("总分", "上期名次", "名次变化", "标记"));
    var head = sheet.createRow(2);
    for (int i = 0; i < headers.size(); i++) {
      var cell = head.createCell(i);
      cell.setCellValue(headers.get(i));
      cell.setCellStyle(bold);
    }
    int r = 3;
    for (var line : lines) {
      var row = sheet.createRow(r++);
      int c = 0;
      row.createCell(c++).setCellValue(line.rank());
      row.createCell(c++).setCellValue(line.unitName());
      for (String rule : rules) {
        var score = line.scores().stream().filter(s -> s.name().equals(rule)).findFirst();
        var figure = row.createCell(c++);
        if (score.isPresent() && score.get().figure() != null) {
          figure.setCellValue(score.get().figure().doubleValue());
        } else {
          figure.setCellValue("—");
        }
        row.createCell(c++).setCellValue(score.map(s -> s.points().doubleValue()).orElse(0d));
      }
      row.createCell(c++).setCellValue(line.total().doubleValue());
      if (line.previousRank() != null) {
        row.createCell(c).setCellValue(line.previousRank());
        row.createCell(c + 1).setCellValue(line.change());
      }
      c += 2;
      row.createCell(c).setCellValue(flag(line.flag()));
      if (line.flag() != null) {
        row.forEach(cell -> cell.setCellStyle(flagged));
      }
    }
    for (int i = 0; i < 2; i++) {
      sheet.setColumnWidth(i, i == 1 ? 24 * 256 : 8 * 256);
    }
  }

  private static void statements(Sheet sheet, ReportView report, CellStyle bold) {
    title(sheet, report, bold);
    var head = sheet.createRow(2);
    String[] headers = {"单位", "表态期限", "连续两月末位", "原因", "整改措施", "提交人", "提交时间"};
    for (int i = 0; i < headers.length; i++) {
      var cell = head.createCell(i);
      cell.setCellValue(headers[i]);
      cell.setCellStyle(bold);
    }
    int r = 3;
    for (var s : report.statements()) {
      var row = sheet.createRow(r++);
      row.createCell(0).setCellValue(s.unitName());
      row.createCell(1).setCellValue(s.dueOn().toString());
      row.createCell(2).setCellValue(s.consecutive() ? "是（列入市联审联批会议议程）" : "否");
      row.createCell(3).setCellValue(s.causes() == null ? "尚未提交" : s.causes());
      row.createCell(4).setCellValue(s.measures() == null ? "" : s.measures());
      row.createCell(5).setCellValue(s.submittedBy() == null ? "" : s.submittedBy());
      row.createCell(6).setCellValue(s.submittedAt() == null ? "" : s.submittedAt().toString());
    }
  }

  private static void title(Sheet sheet, ReportView report, CellStyle bold) {
    var cell = sheet.createRow(0).createCell(0);
    cell.setCellValue(report.periodLabel() + "重大项目推进考评通报" + (report.version() == null
        ? "（实时计算，未发布）" : "（第 " + report.version() + " 版，" + status(report) + "）"));
    cell.setCellStyle(bold);
    sheet.createRow(1).createCell(0).setCellValue("统计期间：" + report.from() + " 至 "
        + report.to() + "；计分规则版本：" + report.decisionVersion());
  }

  private static String status(ReportView report) {
    return Report.PUBLISHED.equals(report.status()) ? "已发布" : "草稿";
  }

  private static String flag(String flag) {
    if (ReportCalculator.TOP.equals(flag)) {
      return "前三";
    }
    return ReportCalculator.LAST.equals(flag) ? "末位" : "";
  }
}
