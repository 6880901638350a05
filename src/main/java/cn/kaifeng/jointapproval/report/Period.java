package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A reporting period: a month ({@code 2026-11}), two months (双月, {@code 2026-B6} = November and
 * December: the n-th pair of the year), a quarter ({@code 2026-Q3}), a half year
 * ({@code 2026-H1}) or a year ({@code 2026}). Figures are counted from {@link #from()} to
 * {@link #to()}, both included; rates are taken at {@link #to()}.
 */
public record Period(String code, Kind kind, int year, int index) {

  /** The kinds of period and how many months each spans. */
  public enum Kind {
    MONTH(1, "月"), BIMONTH(2, "双月"), QUARTER(3, "季度"), HALF(6, "半年"), YEAR(12, "年度");

    final int months;
    final String label;

    Kind(int months, String label) {
      this.months = months;
      this.label = label;
    }
  }

  private static final Pattern FORM =
      Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|B([1-6])|Q([1-4])|H([12])))?");

  /** Parses a period; a bad one is a 400 naming {@code field}. */
  public static Period parse(String text, String field) {
    var matcher = text == null ? null : FORM.matcher(text.strip());
    if (matcher == null || !matcher.matches()) {
      throw InvalidRequestException.of(field,
          "期间格式应为 2026-11（月）、2026-B6（双月）、2026-Q3（季度）、2026-H1（半年）或 2026（年）");
    }
    int year = Integer.parseInt(matcher.group(1));
    if (year < 2019 || year > 2100) {
      throw InvalidRequestException.of(field, "年份应在 2019 至 2100 之间");
    }
    if (matcher.group(2) != null) {
      int month = Integer.parseInt(matcher.group(2));
      if (month < 1 || month > 12) {
        throw InvalidRequestException.of(field, "月份应在 01 至 12 之间");
      }
      return month(YearMonth.of(year, month));
    }
    if (matcher.group(3) != null) {
      return new Period(text.strip(), Kind.BIMONTH, year, Integer.parseInt(matcher.group(3)));
    }
    if (matcher.group(4) != null) {
      return new Period(text.strip(), Kind.QUARTER, year, Integer.parseInt(matcher.group(4)));
    }
    if (matcher.group(5) != null) {
      return new Period(text.strip(), Kind.HALF, year, Integer.parseInt(matcher.group(5)));
    }
    return year(year);
  }

  public static Period month(YearMonth month) {
    return new Period(month.toString(), Kind.MONTH, month.getYear(), month.getMonthValue());
  }

  public static Period year(int year) {
    return new Period(Integer.toString(year), Kind.YEAR, year, 1);
  }

  public YearMonth firstMonth() {
    return YearMonth.of(year, (index - 1) * kind.months + 1);
  }

  public YearMonth lastMonth() {
    return firstMonth().plusMonths(kind.months - 1L);
  }

  public LocalDate from() {
    return firstMonth().atDay(1);
  }

  public LocalDate to() {
    return lastMonth().atEndOfMonth();
  }

  /** The period of the same kind just before (a month's is the month before). */
  public Period previous() {
    var before = firstMonth().minusMonths(kind.months);
    return switch (kind) {
      case MONTH -> month(before);
      case YEAR -> year(year - 1);
      default -> {
        int i = (before.getMonthValue() - 1) / kind.months + 1;
        String prefix = switch (kind) {
          case BIMONTH -> "B";
          case QUARTER -> "Q";
          default -> "H";
        };
        yield new Period(before.getYear() + "-" + prefix + i, kind, before.getYear(), i);
      }
    };
  }

  /** The Chinese name: 2026年11月, 2026年第6双月（11—12月）, 2026年第三季度, 2026年上半年, 2026年度. */
  public String label() {
    return switch (kind) {
      case MONTH -> year + "年" + index + "月";
      case BIMONTH -> year + "年第" + index + "个双月（" + firstMonth().getMonthValue() + "—"
          + lastMonth().getMonthValue() + "月）";
      case QUARTER -> year + "年第" + "一二三四".charAt(index - 1) + "季度";
      case HALF -> year + "年" + (index == 1 ? "上" : "下") + "半年";
      case YEAR -> year + "年度";
    };
  }

  /** Whether a unit ranked last in this period owes a statement (末位表态: monthly reports). */
  public boolean monthly() {
    return kind == Kind.MONTH;
  }

  /** Periods whose report is kept (reviewed, published, versioned): months and years. */
  public boolean kept() {
    return kind == Kind.MONTH || kind == Kind.YEAR;
  }
}
