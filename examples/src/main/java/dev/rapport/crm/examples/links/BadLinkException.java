package dev.rapport.crm.examples.links;

/**
 * A link that must not be acted on. {@link #problem()} says why; the web endpoints answer with
 * its {@linkplain Problem#status() HTTP status} and write nothing.
 */
public final class BadLinkException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a link is refused. */
  public enum Problem {
    /** Not a token at all: wrong shape, bad encoding, unknown fields. */
    MALFORMED(400),
    /** The signature does not match: forged or tampered with. */
    FORGED(403),
    /** A genuine token, made for another use (say, a preference link at the unsubscribe URL). */
    WRONG_SCOPE(403),
    /** A genuine token past its validity. */
    EXPIRED(410);

    private final int status;

    Problem(int status) {
      this.status = status;
    }

    /** The HTTP status a web endpoint answers with. */
    public int status() {
      return status;
    }
  }

  private final Problem problem;

  BadLinkException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  /** Why the link is refused. */
  public Problem problem() {
    return problem;
  }
}
