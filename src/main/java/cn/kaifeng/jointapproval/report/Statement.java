package cn.kaifeng.jointapproval.report;

import java.time.Instant;
import java.time.LocalDate;

/** 末位表态: a last-ranked unit's statement for a month, open until submitted. */
public record Statement(long id, long reportId, String period, String unit, String unitName,
    String processInstanceId, LocalDate dueOn, boolean consecutive, String matterId,
    String causes, String measures, String submittedBy, Instant submittedAt) {}
