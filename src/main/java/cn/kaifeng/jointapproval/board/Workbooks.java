package cn.kaifeng.jointapproval.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One sheet as an .xlsx download: a bold header row in Chinese, frozen, then the rows; numbers stay
 * numbers and dates dates so that they can be summed and sorted in Excel. Streams (SXSSF), so a
 * city-wide list does not hold the whole workbook in memory.
 */
final class Workbooks {

  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Workbooks() {
  }

  static ResponseEntity<byte[]> download(String fileName, String sheetName, List<String> headers,
      List<List<Object>> rows) {
    var headersOut = new HttpHeaders();
    headersOut.setContentType(XLSX);
    headersOut.setContentDisposition(ContentDisposition.attachment()
        .filename(fileName + ".xlsx", StandardCharsets.UTF_8).build());
    return ResponseEntity.ok().headers(headersOut).body(write(sheetName, headers, rows));
  }

  static byte[] write(String sheetName, List<String> headers, List<List<Object>> rows) {
    try (var workbook = new SXSSFWorkbook(200)) {
      var sheet = workbook.createSheet(sheetName);
      var bold = workbook.createFont();
      bold.setBold(true);
      CellStyle head = workbook.createCellStyle();
      head.setFont(bold);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      var header = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        var cell = header.createCell(i);
        cell.setCellValue(headers.get(i));
        cell.setCellStyle(head);
        // Chinese characters are about two widths of a Latin one.
        sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 2 + 4)) * 256);
      }
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (var values : rows) {
        var row = sheet.createRow(r++);
        for (int i = 0; i < values.size(); i++) {
          Object value = values.get(i);
          if (value == null) {
            continue;
          }
          var cell = row.createCell(i);
          if (value instanceof Number n) {
            cell.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
          } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (value instanceof Boolean b) {
            cell.setCellValue(b ? "是" : "否");
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      var out = new ByteArrayOutputStream();
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String lightName(String light) {
    if (light == null) {
      return null;
    }
    return switch (light) {
      case "GREEN" -> "绿灯";
      case "YELLOW" -> "黄灯";
      case "RED" -> "红灯";
      default -> light;
    };
  }
}
