package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.limits.Limits;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The proof of who said what, when and where ({@code RULES.md} "The ledger"). Mandatory on every
 * {@link Granted}, {@link Withdrawn}, {@link Objected} and {@link Confirmed} event: the burden
 * of proof lies with the sender (GDPR Art. 7(1), CASL s.13).
 *
 * <pre>{@code
 * Evidence evidence = Evidence.builder()
 *     .source(Source.PREFERENCE_CENTER)
 *     .actor(Actor.CUSTOMER)
 *     .notice("prefs-v3")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Evidence {
  Evidence() {}

  /** Where it was captured. */
  public abstract Source source();

  /** Who acted. */
  public abstract Actor actor();

  /** The staff member's id; present exactly when useful, required when the actor is staff. */
  public abstract Optional<String> staff();

  /** Id and version of the wording shown to the customer. */
  public abstract Optional<String> notice();

  /** Whether the customer signed a written agreement (electronic signatures count). */
  @Value.Default
  public boolean written() {
    return false;
  }

  /** Whether the box was ticked before the customer acted. */
  @Value.Default
  public boolean preTicked() {
    return false;
  }

  /** When an imported record was originally captured; evidence only, it never orders events. */
  public abstract Optional<Instant> capturedAt();

  /** Free-form details, such as the IP address or the form's URL. */
  public abstract Map<String, String> details();

  /**
   * Whether this evidence makes a grant valid consent ({@code RULES.md} "The ledger",
   * {@code crm-jackson/README.md} Evidence): the actor is the customer, or staff recording what the
   * customer said by phone, in person or on paper; the box was not pre-ticked; the notice is
   * named; and an import carries its original capture time.
   */
  public boolean isValidConsent() {
    boolean actorOk =
        actor() == Actor.CUSTOMER || (actor() == Actor.STAFF && source().isStaffRecordable());
    boolean importOk = source() != Source.IMPORT || capturedAt().isPresent();
    return actorOk && !preTicked() && notice().isPresent() && importOk;
  }

  /** A new builder; {@code source} and {@code actor} are required. */
  public static Builder builder() {
    return ImmutableEvidence.builder();
  }

  @Value.Check
  void check() {
    checkArgument(
        actor() != Actor.STAFF || staff().isPresent(),
        "evidence with actor STAFF needs the staff member's id ('staff')");
    staff().ifPresent(s -> checkArgument(!s.isBlank(), "evidence 'staff' must not be blank"));
    notice().ifPresent(n -> checkArgument(!n.isBlank(), "evidence 'notice' must not be blank"));
    staff().ifPresent(s -> Limits.checkString(s, "evidence staff"));
    notice().ifPresent(n -> Limits.checkString(n, "evidence notice"));
    capturedAt().ifPresent(c -> Limits.checkInstant(c, "evidence capturedAt"));
    Limits.checkDetails(details(), "evidence details");
  }

  /** Builds {@link Evidence}. */
  public interface Builder {
    /** Sets where it was captured. */
    Builder source(Source source);

    /** Sets who acted. */
    Builder actor(Actor actor);

    /** Sets the staff member's id. */
    Builder staff(String staff);

    /** Sets or clears the staff member's id. */
    Builder staff(Optional<String> staff);

    /** Sets the notice shown. */
    Builder notice(String notice);

    /** Sets or clears the notice shown. */
    Builder notice(Optional<String> notice);

    /** Sets whether a written agreement was signed. */
    Builder written(boolean written);

    /** Sets whether the box was pre-ticked. */
    Builder preTicked(boolean preTicked);

    /** Sets the original capture time of an imported record. */
    Builder capturedAt(Instant capturedAt);

    /** Sets or clears the original capture time. */
    Builder capturedAt(Optional<? extends Instant> capturedAt);

    /** Adds a detail. */
    Builder putDetails(String key, String value);

    /** Replaces the details. */
    Builder details(Map<String, ? extends String> details);

    /** Builds the evidence. */
    Evidence build();
  }
}
