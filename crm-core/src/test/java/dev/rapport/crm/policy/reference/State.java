package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).


import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Confirmed;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import java.time.Instant;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The relationship at one instant: the ledger's events at or before it, in time order (ties by
 * ledger position), with the derived facts every rule needs ({@code model.md} section 4).
 */
final class State {
  private final CustomerProfile customer;
  private final Instant at;
  private final ImmutableList<LedgerEvent> events;
  private final Map<LedgerEvent, Integer> positions = new IdentityHashMap<>();
  private final Set<Channel> doubleOptIn;

  State(Ledger ledger, Instant at, Set<Channel> doubleOptIn) {
    this.customer = ledger.customer();
    this.at = at;
    this.events = ImmutableList.copyOf(ledger.asOf(at));
    this.doubleOptIn = doubleOptIn;
    for (int i = 0; i < events.size(); i++) {
      positions.put(events.get(i), i);
    }
  }

  CustomerProfile customer() {
    return customer;
  }

  Instant at() {
    return at;
  }

  ImmutableList<LedgerEvent> events() {
    return events;
  }

  /** The events of one type, in time order. */
  <T extends LedgerEvent> Stream<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast);
  }

  /** Whether {@code first} comes before {@code second} in time order (ties by ledger position). */
  boolean before(LedgerEvent first, LedgerEvent second) {
    return positions.get(first) < positions.get(second);
  }

  Optional<Erased> erased() {
    return all(Erased.class).findFirst();
  }

  /** The latest stated preferences, or the defaults. */
  Preferences preferences() {
    return latestPreferences().map(PreferencesChanged::preferences).orElse(Preferences.defaults());
  }

  /** The id of the latest {@code preferences} event, if any. */
  Optional<String> preferencesEventId() {
    return latestPreferences().map(PreferencesChanged::id);
  }

  private Optional<PreferencesChanged> latestPreferences() {
    return all(PreferencesChanged.class).reduce((first, second) -> second);
  }

  /**
   * The profiling level the customer allows: the stated level, at most {@code BASIC} from an
   * objection until a later {@code preferences} event ({@code model.md} 5.5).
   */
  Profiling profiling() {
    Profiling stated = preferences().profiling();
    Optional<PreferencesChanged> latest = latestPreferences();
    boolean objectedSince =
        all(Objected.class).anyMatch(o -> latest.isEmpty() || before(latest.get(), o));
    return objectedSince ? stated.atMost(Profiling.BASIC) : stated;
  }

  Optional<Purchased> lastPurchase() {
    return all(Purchased.class).reduce((first, second) -> second);
  }

  /** The local date of an instant in the customer's zone ({@code law.md}, Dates). */
  LocalDate localDate(Instant instant) {
    return instant.atZone(customer.zone()).toLocalDate();
  }

  /** Whether a grant on {@code channel} needs a {@code confirmed} event ({@code model.md} 5.10). */
  boolean needsConfirmation(Channel channel) {
    return doubleOptIn.contains(channel);
  }

  /** Whether a {@code confirmed} event not earlier than the grant names it ({@code model.md} 5.3). */
  boolean isConfirmed(Granted grant) {
    return all(Confirmed.class).anyMatch(c -> c.grant().equals(grant.id()) && before(grant, c));
  }

  /** The standing of the key (intent, channel, entity) ({@code model.md} 5.3). */
  KeyStanding standing(Intent intent, Channel channel, Optional<String> entity) {
    return new KeyStanding(this, intent, channel, entity);
  }

  /** The valid grants, in time order. */
  Stream<Granted> validGrants() {
    return all(Granted.class).filter(Granted::isValidConsent);
  }

  /** The live grants on any key, latest last ({@code model.md} 5.3). */
  ImmutableList<Granted> liveGrants() {
    return validGrants()
        .filter(
            g ->
                g.intents().stream()
                    .anyMatch(
                        i ->
                            g.channels().stream()
                                .anyMatch(c -> standing(i, c, g.entity()).liveGrant().orElse(null) == g)))
        .collect(ImmutableList.toImmutableList());
  }
}
