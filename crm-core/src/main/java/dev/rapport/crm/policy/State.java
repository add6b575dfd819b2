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
import org.jspecify.annotations.Nullable;

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
    this.preferences = standing.preferences();
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

  /** The id of the latest {@code preferences} event, or null if there is none. */
  @Nullable String preferencesEventId() {
    Optional<PreferencesChanged> latest = standing.latestPreferences();
    return latest.isPresent() ? latest.get().id() : null;
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

  /** The fold of the key (intent, channel, entity), without judging it at the instant. */
  Standing.Key key(Intent intent, Channel channel, Optional<String> entity) {
    return standing.key(intent, channel, entity);
  }

  /**
   * The standing grant of {@code key} on {@code channel} if it is live at the instant: not
   * expired and confirmed where required ({@code RULES.md} 3); what {@link
   * KeyStanding#liveGrant()} answers, without building one.
   */
  @Nullable Granted liveGrant(Standing.Key key, Channel channel) {
    Optional<Granted> standingGrant = key.grant();
    if (standingGrant.isEmpty()) {
      return null;
    }
    Granted grant = standingGrant.get();
    return expired(grant) || awaitingConfirmation(grant, channel) ? null : grant;
  }

  /** Whether {@code grant} has expired at the instant. */
  boolean expired(Granted grant) {
    Optional<Instant> expiresAt = grant.expiresAt();
    return expiresAt.isPresent() && !expiresAt.get().isAfter(at);
  }

  /** Whether {@code grant} on {@code channel} still waits for its {@code confirmed} event. */
  boolean awaitingConfirmation(Granted grant, Channel channel) {
    return needsConfirmation(channel) && !isConfirmed(grant);
  }

  /** The valid grants, in time order. */
  ImmutableList<Granted> validGrants() {
    return (ImmutableList<Granted>) standing.validGrants();
  }

  /** The live grants on any key, latest last ({@code RULES.md} 3). */
  ImmutableList<Granted> liveGrants() {
    ImmutableList<Granted> valid = validGrants();
    ImmutableList.Builder<Granted> live = null;
    for (int i = 0; i < valid.size(); i++) {
      Granted g = valid.get(i);
      if (isLive(g)) {
        if (live == null) {
          live = ImmutableList.builderWithExpectedSize(valid.size() - i);
        }
        live.add(g);
      }
    }
    return live == null ? ImmutableList.of() : live.build();
  }

  /** Whether {@code grant} is the live grant of some key it names. */
  boolean isLive(Granted grant) {
    Optional<String> entity = grant.entity();
    Set<Intent> intents = grant.intents();
    Set<Channel> channels = grant.channels();
    for (Intent intent : Enums.INTENTS) {
      if (!intents.contains(intent)) {
        continue;
      }
      for (Channel channel : Enums.CHANNELS) {
        if (channels.contains(channel) && liveGrant(standing.key(intent, channel, entity), channel) == grant) {
          return true;
        }
      }
    }
    return false;
  }
}
