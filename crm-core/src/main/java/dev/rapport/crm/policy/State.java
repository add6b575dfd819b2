package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Standing;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The relationship at one instant ({@code RULES.md} "The ledger"): the ledger's {@link Standing}
 * folded once and read flat ({@link Facts}), judged at the decision's instant with the double
 * opt-in channels that apply.
 */
final class State {
  private final Facts facts;
  private final Instant at;
  /** The channels on which every grant needs a {@code confirmed} event, as bits by ordinal. */
  private final int doubleOptIn;

  State(Facts facts, Instant at, int doubleOptIn) {
    this.facts = facts;
    this.at = at;
    this.doubleOptIn = doubleOptIn;
  }

  /** The channels of {@code channels} as bits by ordinal, as {@link State} takes them. */
  static int channelBits(Set<Channel> channels) {
    int bits = 0;
    for (Channel channel : Enums.CHANNELS) {
      if (channels.contains(channel)) {
        bits |= 1 << channel.ordinal();
      }
    }
    return bits;
  }

  Standing standing() {
    return facts.standing;
  }

  /** The standing's flat facts. */
  Facts facts() {
    return facts;
  }

  CustomerProfile customer() {
    return facts.standing.customer();
  }

  ZoneId zone() {
    return facts.zone;
  }

  Instant at() {
    return at;
  }

  /** The events at or before the instant, in time order (ties by ledger position). */
  ImmutableList<LedgerEvent> events() {
    return (ImmutableList<LedgerEvent>) facts.standing.events();
  }

  boolean erased() {
    return facts.erased;
  }

  /** The latest stated preferences, or the defaults. */
  Preferences preferences() {
    return facts.standing.preferences();
  }

  /** The id of the latest {@code preferences} event, or null if there is none. */
  @Nullable String preferencesEventId() {
    return facts.preferencesEventId;
  }

  /**
   * The profiling level the customer allows: the stated level, at most {@code BASIC} from an
   * objection until a later {@code preferences} event ({@code RULES.md} 4).
   */
  Profiling profiling() {
    Profiling stated = facts.statedProfiling;
    return facts.objectedSincePreferences ? stated.atMost(Profiling.BASIC) : stated;
  }

  Optional<Purchased> lastPurchase() {
    return facts.standing.lastPurchase();
  }

  /** The local date of an instant in the customer's zone ({@code RULES.md}, Dates). */
  LocalDate localDate(Instant instant) {
    return instant.atZone(facts.zone).toLocalDate();
  }

  /** Whether a grant on {@code channel} needs a {@code confirmed} event ({@code RULES.md} 8). */
  boolean needsConfirmation(Channel channel) {
    return (doubleOptIn & (1 << channel.ordinal())) != 0;
  }

  /** The standing of the key (intent, channel, entity) ({@code RULES.md} 3). */
  KeyStanding standing(Intent intent, Channel channel, Optional<String> entity) {
    return new KeyStanding(this, key(intent, channel, entity));
  }

  /**
   * The fold of the key (intent, channel, entity), flat, without judging it at the instant: the
   * facts' own for a key of the business they know ({@link Facts#businessKey(Intent, Channel)}),
   * else read from the standing.
   */
  Facts.Key key(Intent intent, Channel channel, Optional<String> entity) {
    if (entity.isEmpty()) {
      Facts.Key key = facts.businessKey(intent, channel);
      if (key != null) {
        return key;
      }
    }
    return Facts.Key.of(facts.standing, intent, channel, entity);
  }

  /**
   * Whether the live grant of the business key (no entity) of ({@code intent}, {@code channel})
   * covers a purpose, marketing or not, read from the facts' bits: 1 it covers, 0 it does not,
   * -1 where the key must be read ({@link Facts#businessCoverage}).
   */
  int businessCoverage(Intent intent, Channel channel, boolean marketing) {
    return facts.businessCoverage(Facts.slot(intent, channel), needsConfirmation(channel), marketing);
  }

  /**
   * The standing grant of {@code key} if it is live at the instant: not expired and confirmed
   * where required ({@code RULES.md} 3); what {@link KeyStanding#liveGrant()} answers, without
   * building one.
   */
  @Nullable Granted liveGrant(Facts.Key key) {
    return key.grant == null ? null : key.liveGrant(at, needsConfirmation(key.channel));
  }

  /** Whether {@code key}'s standing grant has expired at the instant. */
  boolean expired(Facts.Key key) {
    return key.expiredAt(at);
  }

  /** Whether {@code key}'s standing grant still waits for its {@code confirmed} event. */
  boolean awaitingConfirmation(Facts.Key key) {
    return key.grant != null && key.awaitingConfirmation(needsConfirmation(key.channel));
  }

  /** The valid grants, in time order. */
  ImmutableList<Granted> validGrants() {
    return (ImmutableList<Granted>) facts.standing.validGrants();
  }

  /**
   * Whether the customer holds a grant live at the instant for {@code entity}, on any key: for
   * the business itself (no entity), read from the keys the facts keep, which are every key
   * such a grant names.
   */
  boolean holdsLiveGrant(Optional<String> entity) {
    if (entity.isEmpty()) {
      Facts.Key[] keys = facts.businessKeys();
      for (int i = 0; i < keys.length; i++) {
        if (liveGrant(keys[i]) != null) {
          return true;
        }
      }
      return false;
    }
    ImmutableList<Granted> valid = validGrants();
    for (int i = 0; i < valid.size(); i++) {
      Granted grant = valid.get(i);
      if (grant.entity().equals(entity) && isLive(grant)) {
        return true;
      }
    }
    return false;
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
        if (channels.contains(channel) && liveGrant(key(intent, channel, entity)) == grant) {
          return true;
        }
      }
    }
    return false;
  }
}
