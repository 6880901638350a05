package cn.kaifeng.jointapproval.problem;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weekly assignment's rules the city may change.
 *
 * @param listClosesOn the day each week's list (周交办) closes, like the meeting's agenda
 * @param listClosesAt its time, Beijing time
 * @param maxDeadlineDays the longest deadline, in working days, a problem may be given
 */
@ConfigurationProperties("jointapproval.problem")
public record ProblemProperties(
    @DefaultValue("THURSDAY") DayOfWeek listClosesOn,
    @DefaultValue("17:00") LocalTime listClosesAt,
    @DefaultValue("250") int maxDeadlineDays) {}
