package cn.kaifeng.jointapproval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The period forms of GET /api/reports?period=… and what each spans. */
class PeriodTest {

  @Test
  void eachFormSpansItsMonthsAndNamesItsPredecessor() {
    var month = Period.parse("2026-11", "period");
    assertThat(month.from()).isEqualTo(LocalDate.parse("2026-11-01"));
    assertThat(month.to()).isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(month.previous().code()).isEqualTo("2026-10");
    assertThat(month.label()).isEqualTo("2026年11月");
    assertThat(Period.parse("2026-01", "period").previous().code()).isEqualTo("2025-12");

    var bimonth = Period.parse("2026-B6", "period");
    assertThat(bimonth.from()).isEqualTo(LocalDate.parse("2026-11-01"));
    assertThat(bimonth.to()).isEqualTo(LocalDate.parse("2026-12-31"));
    assertThat(bimonth.label()).isEqualTo("2026年第6个双月（11—12月）");
    assertThat(Period.parse("2026-B1", "period").previous().code()).isEqualTo("2025-B6");

    var quarter = Period.parse("2026-Q3", "period");
    assertThat(quarter.from()).isEqualTo(LocalDate.parse("2026-07-01"));
    assertThat(quarter.to()).isEqualTo(LocalDate.parse("2026-09-30"));
    assertThat(quarter.previous().code()).isEqualTo("2026-Q2");
    assertThat(quarter.label()).isEqualTo("2026年第三季度");

    var half = Period.parse("2026-H1", "period");
    assertThat(half.to()).isEqualTo(LocalDate.parse("2026-06-30"));
    assertThat(half.previous().code()).isEqualTo("2025-H2");
    assertThat(half.label()).isEqualTo("2026年上半年");

    var year = Period.parse("2026", "period");
    assertThat(year.from()).isEqualTo(LocalDate.parse("2026-01-01"));
    assertThat(year.to()).isEqualTo(LocalDate.parse("2026-12-31"));
    assertThat(year.previous().code()).isEqualTo("2025");
    assertThat(year.kept()).isTrue();
    assertThat(quarter.kept()).isFalse();
    assertThat(month.monthly()).isTrue();
    assertThat(year.monthly()).isFalse();
  }

  @Test
  void aBadPeriodNamesTheField() {
    for (String bad : new String[] {"2026-13", "2026-Q5", "2026-B7", "2026-H3", "26-11", "x",
        "2026-00", "1999"}) {
      assertThatThrownBy(() -> Period.parse(bad, "period")).as(bad)
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.errors()).containsKey("period"));
    }
  }
}
