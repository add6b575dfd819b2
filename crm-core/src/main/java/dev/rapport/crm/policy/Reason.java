package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Why a {@link Decision} came out as it did: a {@link Code}, the verdict it supports, a sentence
 * a person can read that cites the customer's declaration or the rule, and the id of the ledger
 * event it rests on, if any.
 *
 * <p>Built-in codes are the {@link ReasonCode}s; a team's own rules use {@link TeamCode}s, with
 * the verdict they support. The engine writes a reason's sentence only when it is first read
 * ({@link #message()}): a decision whose reasons are never read costs no sentence.
 */
public final class Reason {
  private final Code code;
  private final Verdict verdict;
  private final @Nullable String event;
  /** Where the event's id is read when first asked for, or null where {@link #event} is it. */
  private final @Nullable Supplier<String> eventSource;
  private volatile @Nullable String sourcedEvent;
  private @Nullable Supplier<String> explanation;
  private volatile @Nullable String message;

  private Reason(
      Code code,
      Verdict verdict,
      @Nullable String event,
      @Nullable String message,
      @Nullable Supplier<String> explanation) {
    this.code = code;
    this.verdict = verdict;
    this.event = event;
    this.eventSource = null;
    this.message = message;
    this.explanation = explanation;
  }

  /** The code, such as {@link ReasonCode#WITHDRAWN} or a team rule's own code. */
  public Code code() {
    return code;
  }

  /** The verdict this reason supports. */
  public Verdict verdict() {
    return verdict;
  }

  /**
   * A sentence a person can read; ids and dates only, never personal data. Written on first
   * read and kept.
   */
  public String message() {
    String written = message;
    if (written == null) {
      synchronized (this) {
        written = message;
        if (written == null) {
          written = checkNotNull(explanation, "explanation").get();
          message = written;
          explanation = null;
        }
      }
    }
    return written;
  }

  private Reason(
      ReasonCode code, Supplier<String> eventSource, Supplier<String> explanation) {
    this.code = code;
    this.verdict = code.verdict();
    this.event = null;
    this.eventSource = eventSource;
    this.explanation = explanation;
  }

  /** The id of the ledger event the reason rests on, if any. */
  public Optional<String> event() {
    return Optional.ofNullable(eventId());
  }

  private @Nullable String eventId() {
    Supplier<String> source = eventSource;
    if (source == null) {
      return event;
    }
    String id = sourcedEvent;
    if (id == null) {
      id = checkNotNull(source.get(), "event id");
      sourcedEvent = id; // the same id whoever reads it first: the source is pure
    }
    return id;
  }

  /** The built-in code, or empty for a team rule's own code. */
  public Optional<ReasonCode> builtIn() {
    return code instanceof ReasonCode ? Optional.of((ReasonCode) code) : Optional.empty();
  }

  /** A built-in reason. */
  public static Reason of(ReasonCode code, String message, Optional<String> event) {
    checkNotNull(code, "code");
    return new Reason(code, code.verdict(), event.orElse(null), checkMessage(code, message), null);
  }

  /**
   * A built-in reason whose sentence {@code explanation} writes when {@link #message()} is first
   * read: what the engine and the jurisdiction packs give, so that a decision whose reasons are
   * never read writes no sentence. The explanation must be pure and return a non-blank sentence.
   */
  public static Reason explained(
      ReasonCode code, Optional<String> event, Supplier<String> explanation) {
    checkNotNull(code, "code");
    checkNotNull(explanation, "explanation");
    return new Reason(code, code.verdict(), event.orElse(null), null, explanation);
  }

  static Reason explained(ReasonCode code, @Nullable String event, Supplier<String> explanation) {
    return new Reason(code, code.verdict(), event, null, explanation);
  }

  /**
   * A built-in reason that rests on an event whose id {@code event} reads, like its sentence,
   * when first asked for: a decision whose reasons are never read never reaches the event.
   * Both suppliers must be pure.
   */
  static Reason explainedLater(ReasonCode code, Supplier<String> event, Supplier<String> explanation) {
    return new Reason(code, event, explanation);
  }

  /**
   * A reason with any code, as read back from a stored decision.
   *
   * @throws IllegalArgumentException if the code is not UPPER_SNAKE or is a built-in code with
   *     another verdict
   */
  public static Reason of(String code, Verdict verdict, String message, Optional<String> event) {
    Code typed = Code.of(code);
    checkNotNull(verdict, "verdict");
    if (typed instanceof ReasonCode) {
      ReasonCode builtIn = (ReasonCode) typed;
      checkArgument(
          builtIn.verdict() == verdict,
          "reason %s supports %s, not %s",
          builtIn,
          builtIn.verdict(),
          verdict);
    }
    return new Reason(typed, verdict, event.orElse(null), checkMessage(typed, message), null);
  }

  /**
   * A reason of a team's own rule.
   *
   * @throws IllegalArgumentException if the code is not UPPER_SNAKE, is a built-in code, or the
   *     verdict is {@code ALLOW}
   */
  public static Reason custom(String code, Verdict verdict, String message, Optional<String> event) {
    checkArgument(!ReasonCode.isBuiltIn(code), "'%s' is a built-in reason code; a team rule needs a code of its own", code);
    checkArgument(verdict != Verdict.ALLOW, "a team rule's reason denies or defers; got ALLOW for %s", code);
    TeamCode typed = TeamCode.of(code);
    return new Reason(typed, verdict, event.orElse(null), checkMessage(typed, message), null);
  }

  private static String checkMessage(Code code, String message) {
    checkNotNull(message, "message");
    checkArgument(!message.isBlank(), "reason %s needs a message", code);
    return message;
  }

  /** Equal when code, verdict, sentence and event are. */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Reason)) {
      return false;
    }
    Reason that = (Reason) other;
    return code.equals(that.code)
        && verdict == that.verdict
        && Objects.equals(eventId(), that.eventId())
        && message().equals(that.message());
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, verdict, eventId(), message());
  }

  @Override
  public String toString() {
    return code + ": " + message();
  }
}
