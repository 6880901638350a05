package cn.kaifeng.jointapproval.calendar;

import java.time.LocalDate;

/** One day of an official schedule: a public holiday (offDay) or a make-up working day (调休上班). */
public record ScheduledDay(LocalDate date, String name, boolean offDay) {}
