package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The customer stated their {@link Preferences}; they replace earlier preferences whole
 * ({@code model.md} section 4).
 */
@Value.Immutable
public abstract class PreferencesChanged implements LedgerEvent {
  PreferencesChanged() {}

  @Override
  public abstract String id();

  @Override
  public abstract Instant at();

  @Override
  public final EventType type() {
    return EventType.PREFERENCES;
  }

  /** The preferences stated; a field left out is back to its default. */
  @Value.Default
  public Preferences preferences() {
    return Preferences.defaults();
  }

  /** A new builder. */
  public static Builder builder() {
    return ImmutablePreferencesChanged.builder();
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "an event id must not be blank");

  }

  /** Builds a {@link PreferencesChanged} event. */
  public interface Builder {
    /** Sets the event id, unique within the ledger. */
    Builder id(String id);

    /** Sets when the event took effect. */
    Builder at(Instant at);

    /** Sets the preferences. */
    Builder preferences(Preferences preferences);

    /** Builds the event; throws {@link IllegalStateException} if a required field is missing. */
    PreferencesChanged build();
  }
}
