package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The customer took back {@link #intents()} on {@link #channels()} ({@code RULES.md} "The ledger" and 3).
 * Takes effect at once, whoever recorded it. The wire format's {@code ["ALL"]} is the full set
 * ({@link #allIntents()}, {@link #allChannels()}). Without an entity it applies to every entity.
 */
@Value.Immutable
public abstract sealed class Withdrawn implements LedgerEvent permits ImmutableWithdrawn {
  Withdrawn() {}

  @Override
  public final EventType type() {
    return EventType.WITHDRAWN;
  }

  /** The intents withdrawn; never empty. The full set is the wire format's {@code ALL}. */
  public abstract Set<Intent> intents();

  /** The channels withdrawn; never empty. The full set is the wire format's {@code ALL}. */
  public abstract Set<Channel> channels();

  /** The legal entity the withdrawal is for; absent means every entity. */
  public abstract Optional<String> entity();

  /** The proof of the withdrawal. */
  public abstract Evidence evidence();

  /** Whether every intent is withdrawn. */
  public boolean allIntents() {
    return intents().size() == Intent.values().length;
  }

  /** Whether every channel is withdrawn. */
  public boolean allChannels() {
    return channels().size() == Channel.values().length;
  }

  /** Whether this withdrawal names the key (intent, channel, entity). */
  public boolean names(Intent intent, Channel channel, Optional<String> forEntity) {
    return intents().contains(intent)
        && channels().contains(channel)
        && (entity().isEmpty() || entity().equals(forEntity));
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutableWithdrawn.builder();
  }

  @Value.Check
  void check() {
    Events.checkId(this);
    Events.checkText(this, "entity", entity());
    checkArgument(!intents().isEmpty(), "withdrawn event %s names no intent (use all intents for ALL)", id());
    checkArgument(!channels().isEmpty(), "withdrawn event %s names no channel (use all channels for ALL)", id());
    entity().ifPresent(e -> checkArgument(!e.isBlank(), "withdrawn event %s: entity must not be blank", id()));
  }

  /** Builds a {@link Withdrawn} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, Withdrawn> {
    /** Adds withdrawn intents. */
    Builder addIntents(Intent... intents);

    /** Replaces the withdrawn intents; use {@code Intent.values()} for all. */
    Builder intents(Iterable<Intent> intents);

    /** Adds withdrawn channels. */
    Builder addChannels(Channel... channels);

    /** Replaces the withdrawn channels; use {@code Channel.values()} for all. */
    Builder channels(Iterable<Channel> channels);

    /** Sets the legal entity. */
    Builder entity(String entity);

    /** Sets or clears the legal entity. */
    Builder entity(Optional<String> entity);

    /** Sets the evidence. */
    Builder evidence(Evidence evidence);
  }
}
