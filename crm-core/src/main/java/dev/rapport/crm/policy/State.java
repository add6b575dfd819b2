package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Standing;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The relationship at one instant ({@code RULES.md} "The ledger"): the ledger's {@link Standing}
 * folded once, read at the decision's instant with the double opt-in channels that apply.
 */
final class State {
  private final Standing standing;
  private final Instant at;
  private final Set<Channel> doubleOptIn;

  private final Preferences preferences;

  State(Standing standing, Instant at, Set<Channel> doubleOptIn) {
    this.standing = standing;
    this.at = at;
    this.doubleOptIn = doubleOptIn;
    Optional<PreferencesChanged> latest = standing.latestPreferences();
    this.preferences = latest.isPresent() ? latest.get().preferences() : Preferences.defaults();
  }

  Standing standing() {
    return standing;
  }

  CustomerProfile customer() {
    return standing.customer();
  }

  Instant at() {
    return at;
  }

  /** The events at or before the instant, in time order (ties by ledger position). */
  ImmutableList<LedgerEvent> events() {
    return (ImmutableList<LedgerEvent>) standing.events();
  }

  Optional<Erased> erased() {
    return standing.erased();
  }

  /** The latest stated preferences, or the defaults. */
  Preferences preferences() {
    return preferences;
  }

  /** The id of the latest {@code preferences} event, if any. */
  Optional<String> preferencesEventId() {
    Optional<PreferencesChanged> latest = standing.latestPreferences();
    return latest.isPresent() ? Optional.of(latest.get().id()) : Optional.empty();
  }

  /**
   * The profiling level the customer allows: the stated level, at most {@code BASIC} from an
   * objection until a later {@code preferences} event ({@code RULES.md} 4).
   */
  Profiling profiling() {
    Profiling stated = preferences().profiling();
    return standing.objectedSincePreferences() ? stated.atMost(Profiling.BASIC) : stated;
  }

  Optional<Purchased> lastPurchase() {
    return standing.lastPurchase();
  }

  /** The local date of an instant in the customer's zone ({@code RULES.md}, Dates). */
  LocalDate localDate(Instant instant) {
    return instant.atZone(customer().zone()).toLocalDate();
  }

  /** Whether a grant on {@code channel} needs a {@code confirmed} event ({@code RULES.md} 8). */
  boolean needsConfirmation(Channel channel) {
    return doubleOptIn.contains(channel);
  }

  /** Whether a {@code confirmed} event not earlier than the grant names it ({@code RULES.md} 3). */
  boolean isConfirmed(Granted grant) {
    return standing.isConfirmed(grant);
  }

  /** The standing of the key (intent, channel, entity) ({@code RULES.md} 3). */
  KeyStanding standing(Intent intent, Channel channel, Optional<String> entity) {
    return new KeyStanding(this, standing.key(intent, channel, entity), channel);
  }

  /** The valid grants, in time order. */
  ImmutableList<Granted> validGrants() {
    return (ImmutableList<Granted>) standing.validGrants();
  }

  /** The live grants on any key, latest last ({@code RULES.md} 3). */
  ImmutableList<Granted> liveGrants() {
    ImmutableList.Builder<Granted> live = ImmutableList.builder();
    for (Granted g : standing.validGrants()) {
      if (isLive(g)) {
        live.add(g);
      }
    }
    return live.build();
  }

  /** Whether {@code grant} is the live grant of some key it names. */
  boolean isLive(Granted grant) {
    for (Intent intent : grant.intents()) {
      for (Channel channel : grant.channels()) {
        if (standing(intent, channel, grant.entity()).liveGrant().orElse(null) == grant) {
          return true;
        }
      }
    }
    return false;
  }
}
