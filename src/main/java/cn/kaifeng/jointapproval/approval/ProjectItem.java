package cn.kaifeng.jointapproval.approval;



import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.project.Light;
import java.time.LocalDate;

/**
 * One approval item of a project, for one department's approval section. {@code processInstanceId}
 * is the approval-item process instance bound to it when it opened ({@code null} before).
 */
public record ProjectItem(
    String projectCode,
    String itemCode,
    String name,
    String department,
    String candidateGroup,
    int stage,
    int promisedDays,
    String deadlineId,
    ItemStatus status,
    Light light,
    boolean escalated,
    String opinion,
    LocalDate completedOn,
    String processInstanceId) {}
