package dev.rapport.crm.ledger;

import dev.rapport.crm.relationship.Preferences;
import org.immutables.value.Value;

/**
 * The customer stated their {@link Preferences}; they replace earlier preferences whole
 * ({@code RULES.md} "The ledger").
 */
@Value.Immutable
public abstract sealed class PreferencesChanged implements LedgerEvent permits ImmutablePreferencesChanged {
  PreferencesChanged() {}

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
    Events.checkId(this);
  }

  /** Builds a {@link PreferencesChanged} event. */
  public interface Builder extends LedgerEvent.Builder<Builder, PreferencesChanged> {
    /** Sets the preferences. */
    Builder preferences(Preferences preferences);
  }
}
