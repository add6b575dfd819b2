package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import dev.rapport.crm.limits.Limits;
import org.immutables.value.Value;

/**
 * The customer declared {@link #intents()} on {@link #channels()} ({@code RULES.md} "The ledger").
 * A grant covers the keys (intent, channel, entity) it names, and only while it is valid consent
 * ({@link Evidence#isValidConsent()}), has not expired and, where required, is confirmed.
 *
 * <pre>{@code
 * Granted grant = Granted.builder()
 *     .id("e2").at(Instant.parse("2026-03-02T10:00:00Z"))
 *     .addIntents(Intent.DEALS).addChannels(Channel.EMAIL, Channel.SMS)
 *     .evidence(evidence)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class Granted implements LedgerEvent permits ImmutableGranted {
  Granted() {}

  @Override
  public final EventType type() {
    return EventType.GRANTED;
  }

  /** The intents declared; never empty. */
  public abstract Set<Intent> intents();

  /** The channels the intents are declared for; never empty. */
  public abstract Set<Channel> channels();

  /** The legal basis; only {@link Basis#EXPRESS} in format 1. */
  @Value.Default
  public Basis basis() {
    return Basis.EXPRESS;
  }

  /** The proof of the declaration. */
  public abstract Evidence evidence();

  /** When the grant stops covering, if it is time-limited; after {@link #at()}. */
  public abstract Optional<Instant> expiresAt();

  /** The one staff member allowed to send {@code PERSONAL} outreach under a ONE_TO_ONE grant. */
  public abstract Optional<String> staff();

  /** The legal entity of the business the grant is for; absent is the empty entity. */
  public abstract Optional<String> entity();

  /** Whether the grant is valid consent ({@code RULES.md} "The ledger"). */
  public boolean isValidConsent() {
    return evidence().isValidConsent();
  }

  /** Whether the grant came in through an import (the engine's concern, not the user's). */
  boolean isImport() {
    return evidence().source() == Source.IMPORT;
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableGranted.builder();
  }

  @Value.Check
  void check() {
    Events.checkId(this);
    Events.checkText(this, "entity", entity());
    Events.checkText(this, "staff", staff());
    if (expiresAt().isPresent() && !Limits.isInRange(expiresAt().get())) {
      Limits.checkInstant(expiresAt().get(), "granted event " + id() + ": expiresAt"); // fails
    }
    checkArgument(!intents().isEmpty(), "granted event %s names no intent", id());
    checkArgument(!channels().isEmpty(), "granted event %s names no channel", id());
    expiresAt()
        .ifPresent(
            e ->
                checkArgument(
                    e.isAfter(at()),
                    "granted event %s expires at %s, not after it was granted at %s",
                    id(),
                    e,
                    at()));
    staff()
        .ifPresent(
            s -> {
              checkArgument(!s.isBlank(), "granted event %s: staff must not be blank", id());
              checkArgument(
                  intents().contains(Intent.ONE_TO_ONE),
                  "granted event %s names staff %s but no ONE_TO_ONE intent",
                  id(),
                  s);
            });
    entity().ifPresent(e -> checkArgument(!e.isBlank(), "granted event %s: entity must not be blank", id()));
  }

  /** Builds a {@link Granted} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Granted> {
    /** Adds declared intents. */
    Builder addIntents(Intent... intents);

    /** Replaces the declared intents. */
    Builder intents(Iterable<Intent> intents);

    /** Adds channels. */
    Builder addChannels(Channel... channels);

    /** Replaces the channels. */
    Builder channels(Iterable<Channel> channels);

    /** Sets the legal basis. */
    Builder basis(Basis basis);

    /** Sets the evidence. */
    Builder evidence(Evidence evidence);

    /** Sets the expiry. */
    Builder expiresAt(Instant expiresAt);

    /** Sets or clears the expiry. */
    Builder expiresAt(Optional<? extends Instant> expiresAt);

    /** Names the one staff member of a ONE_TO_ONE grant. */
    Builder staff(String staff);

    /** Sets or clears the named staff member. */
    Builder staff(Optional<String> staff);

    /** Sets the legal entity. */
    Builder entity(String entity);

    /** Sets or clears the legal entity. */
    Builder entity(Optional<String> entity);
  }
}
