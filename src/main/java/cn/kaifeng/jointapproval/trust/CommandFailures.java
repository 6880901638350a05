package cn.kaifeng.jointapproval.trust;

/**
 * Remembers, for one HTTP request to an engine API, the exception that ended the user's engine
 * command. Camunda's REST layers wrap and flatten exceptions into their own JSON; the request's
 * error answer is rebuilt from the original (status, fields) instead of from that text.
 */
public final class CommandFailures {

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private CommandFailures() {
  }

  /** Opens the scope of one request; close it when the request is answered. */
  public static Scope open() {
    var scope = new Scope(CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  /** The first failure of the request counts: later wrappers only repeat it. */
  static void record(Throwable failure) {
    Scope scope = CURRENT.get();
    if (scope != null && scope.failure == null) {
      scope.failure = failure;
    }
  }

  /** One request's record. */
  public static final class Scope implements AutoCloseable {

    private final Scope previous;
    private Throwable failure;

    private Scope(Scope previous) {
      this.previous = previous;
    }

    public Throwable failure() {
      return failure;
    }

    @Override
    public void close() {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
