package cn.kaifeng.jointapproval.supervision;

import java.util.Optional;

/**
 * A source of supervision cases other than the meeting and the project overrun, that lives in a
 * module supervision must not depend on (the problem ledger). It answers, from its own ledger,
 * what an overdue subject's case is about; {@link OpenCaseDelegate} opens the case only for what
 * it confirms, and tells it the case's id afterwards.
 */
public interface CaseSubjects {

  /** What a confirmed subject's case carries over: project, what to do, unit and working days. */
  record Subject(String projectCode, String title, String decision, String responsibleUnit,
      int deadlineDays) {}

  /** The origin this source opens cases for. */
  CaseOrigin origin();

  /** The subject {@code id} as the ledger has it, if it is overdue and has no case yet. */
  Optional<Subject> overdueWithoutCase(String id);

  /** Records on the subject that {@code caseId} now supervises it. */
  void caseOpened(String id, String caseId);
}
