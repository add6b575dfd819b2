package dev.rapport.crm.ledger;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A ledger folded once ({@code RULES.md} 3, Coverage by declared intent): its events at or before an instant, in
 * time order (ties by ledger position), and what every decision reads from them: the standing
 * of each key (intent, channel, entity), the valid grants, the confirmations, the objections,
 * the purchases and inquiries, the latest preferences, the registry entries and the erasure.
 *
 * <p>A standing is an immutable value. The fold of all of a ledger's events is computed once
 * per ledger and shared: {@link #of(Ledger, Instant)} returns it for every instant at or after
 * the ledger's latest event, so decisions on one customer at different instants fold the ledger
 * once. Nothing here depends on the instant of a decision except which events count; expiry and
 * double opt-in are judged by the reader, which knows the instant and the rules.
 */
public final class Standing {
  private static final Intent[] INTENTS = Intent.values();
  private static final Channel[] CHANNEL_VALUES = Channel.values();
  private static final int CHANNELS = CHANNEL_VALUES.length;

  private final CustomerProfile customer;
  private final ImmutableList<LedgerEvent> events;
  private final Optional<Erased> erased;
  private final Optional<PreferencesChanged> preferences;
  /** The latest stated preferences, or the defaults; read by every decision. */
  private final Preferences statedPreferences;
  private final boolean objectedSincePreferences;
  private final Optional<Objected> lastObjection;
  private final Optional<Purchased> lastPurchase;
  private final ImmutableList<RelationshipEvent> relationship;
  private final ImmutableList<Withdrawn> withdrawals;
  private final ImmutableList<Granted> validGrants;
  private final Set<String> confirmed;
  private final Map<Registry, Registered> registered;
  /**
   * Per intent and channel ({@code intent * CHANNELS + channel}): the keys grants named for an
   * entity, by entity; null where no grant named one.
   */
  private final @Nullable Map<Optional<String>, Key>[] keys;
  /** Per slot as {@link #keys}: the key of the business itself (no entity), if a grant named it. */
  private final @Nullable Key[] businessKeys;

  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic maps is created raw
  private Standing(CustomerProfile customer, List<LedgerEvent> timeOrdered) {
    this.customer = customer;
    this.events = ImmutableList.copyOf(timeOrdered);
    this.keys = new Map[INTENTS.length * CHANNELS];
    this.businessKeys = new Key[keys.length];
    // Every key a grant names exists from the start: what comes before the grant reaches it too.
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof Granted) {
        Granted grant = (Granted) events.get(i);
        Optional<String> entity = grant.entity();
        for (Intent intent : INTENTS) {
          if (grant.intents().contains(intent)) {
            for (Channel channel : CHANNEL_VALUES) {
              if (grant.channels().contains(channel)) {
                makeKey(slot(intent, channel), entity);
              }
            }
          }
        }
      }
    }
    Erased erasure = null;
    PreferencesChanged latestPreferences = null;
    boolean objectedSince = false;
    Objected objection = null;
    Purchased purchase = null;
    ImmutableList.Builder<RelationshipEvent> contacts = null;
    ImmutableList.Builder<Withdrawn> withdrawn = null;
    ImmutableList.Builder<Granted> valid = null;
    Set<String> grantsSeen = null; // made at the first confirmation
    Set<String> confirmations = Set.of();
    Map<Registry, Registered> registries = Map.of();
    for (int i = 0; i < events.size(); i++) {
      LedgerEvent event = events.get(i);
      if (event instanceof Granted) {
        Granted grant = (Granted) event;
        if (grantsSeen != null) {
          grantsSeen.add(grant.id());
        }
        if (grant.isValidConsent()) {
          valid = valid == null ? ImmutableList.builder() : valid;
          valid.add(grant);
        }
        Optional<String> entity = grant.entity();
        for (Intent intent : INTENTS) {
          if (grant.intents().contains(intent)) {
            boolean objectionSkips = intent.opensMarketing() && objection != null;
            for (Channel channel : CHANNEL_VALUES) {
              if (grant.channels().contains(channel)) {
                existingKey(slot(intent, channel), entity).grant(grant, objectionSkips);
              }
            }
          }
        }
      } else if (event instanceof Withdrawn) {
        Withdrawn withdrawal = (Withdrawn) event;
        withdrawn = withdrawn == null ? ImmutableList.builder() : withdrawn;
        withdrawn.add(withdrawal);
        Optional<String> entity = withdrawal.entity();
        for (Intent intent : INTENTS) {
          if (!withdrawal.intents().contains(intent)) {
            continue;
          }
          for (Channel channel : CHANNEL_VALUES) {
            if (!withdrawal.channels().contains(channel)) {
              continue;
            }
            int slot = slot(intent, channel);
            if (entity.isEmpty()) {
              // Every entity's key.
              if (businessKeys[slot] != null) {
                businessKeys[slot].withdraw(withdrawal);
              }
              if (keys[slot] != null) {
                for (Key key : keys[slot].values()) {
                  key.withdraw(withdrawal);
                }
              }
            } else {
              Key key = keys[slot] == null ? null : keys[slot].get(entity);
              if (key != null) {
                key.withdraw(withdrawal);
              }
            }
          }
        }
      } else if (event instanceof Objected) {
        objection = (Objected) event;
        objectedSince = true;
        for (int slot = 0; slot < keys.length; slot++) {
          if (businessKeys[slot] != null) {
            businessKeys[slot].objection = objection;
          }
          if (keys[slot] != null) {
            for (Key key : keys[slot].values()) {
              key.objection = objection;
            }
          }
        }
      } else if (event instanceof Confirmed) {
        if (grantsSeen == null) {
          grantsSeen = new HashSet<>();
          for (int j = 0; j < i; j++) {
            if (events.get(j) instanceof Granted) {
              grantsSeen.add(events.get(j).id());
            }
          }
        }
        String grant = ((Confirmed) event).grant();
        if (grantsSeen.contains(grant)) {
          if (confirmations.isEmpty()) {
            confirmations = new HashSet<>();
          }
          confirmations.add(grant);
        }
      } else if (event instanceof PreferencesChanged) {
        latestPreferences = (PreferencesChanged) event;
        objectedSince = false;
      } else if (event instanceof Purchased) {
        purchase = (Purchased) event;
        contacts = contacts == null ? ImmutableList.builder() : contacts;
        contacts.add(purchase);
      } else if (event instanceof Inquired) {
        contacts = contacts == null ? ImmutableList.builder() : contacts;
        contacts.add((Inquired) event);
      } else if (event instanceof Registered) {
        if (registries.isEmpty()) {
          registries = new EnumMap<>(Registry.class);
        }
        registries.putIfAbsent(((Registered) event).registry(), (Registered) event);
      } else if (event instanceof Erased && erasure == null) {
        erasure = (Erased) event;
      }
    }
    this.erased = Optional.ofNullable(erasure);
    this.preferences = Optional.ofNullable(latestPreferences);
    this.statedPreferences = latestPreferences == null ? Preferences.defaults() : latestPreferences.preferences();
    this.objectedSincePreferences = objectedSince;
    this.lastObjection = Optional.ofNullable(objection);
    this.lastPurchase = Optional.ofNullable(purchase);
    for (int slot = 0; slot < keys.length; slot++) {
      if (businessKeys[slot] != null) {
        businessKeys[slot].freeze();
      }
      if (keys[slot] != null) {
        keys[slot].values().forEach(Key::freeze);
      }
    }
    this.relationship = contacts == null ? ImmutableList.of() : contacts.build();
    this.withdrawals = withdrawn == null ? ImmutableList.of() : withdrawn.build();
    this.validGrants = valid == null ? ImmutableList.of() : valid.build();
    this.confirmed = confirmations;
    this.registered = registries;
  }

  /** Makes the key of {@code entity} in {@code slot} if there is none yet. */
  private void makeKey(int slot, Optional<String> entity) {
    if (entity.isEmpty()) {
      if (businessKeys[slot] == null) {
        businessKeys[slot] = new Key();
      }
      return;
    }
    if (keys[slot] == null) {
      keys[slot] = new HashMap<>(4);
    }
    keys[slot].computeIfAbsent(entity, e -> new Key());
  }

  /** The key of {@code entity} in {@code slot}, made by {@link #makeKey}. */
  private Key existingKey(int slot, Optional<String> entity) {
    return entity.isEmpty() ? businessKeys[slot] : keys[slot].get(entity);
  }

  /** The fold of every event of {@code ledger}, in time order; computed by the ledger once. */
  static Standing fold(Ledger ledger) {
    List<LedgerEvent> events = ledger.events();
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).at().isBefore(events.get(i - 1).at())) {
        // Appended out of time order: fold them in time order, ties by ledger position.
        return new Standing(ledger.customer(), ledger.asOf(Instant.MAX));
      }
    }
    return new Standing(ledger.customer(), events);
  }

  /**
   * The standing of {@code ledger} at {@code at}: the fold of its events at or before {@code
   * at}. When no event lies after {@code at}, the ledger's one fold of all its events.
   */
  public static Standing of(Ledger ledger, Instant at) {
    checkNotNull(ledger, "ledger");
    checkNotNull(at, "at");
    if (!ledger.hasEventAfter(at)) {
      return ledger.standing();
    }
    return new Standing(ledger.customer(), ledger.asOf(at));
  }

  private static int slot(Intent intent, Channel channel) {
    return intent.ordinal() * CHANNELS + channel.ordinal();
  }

  /** The customer. */
  public CustomerProfile customer() {
    return customer;
  }

  /** The events folded, in time order, ties by ledger position. */
  public List<LedgerEvent> events() {
    return events;
  }

  /** The erasure, if the customer was erased. */
  public Optional<Erased> erased() {
    return erased;
  }


  /** The preferences of the latest {@code preferences} event, or the defaults if there is none. */
  public Preferences preferences() {
    return statedPreferences;
  }

  /** The latest {@code preferences} event, if any. */
  public Optional<PreferencesChanged> latestPreferences() {
    return preferences;
  }

  /** Whether an objection came after the latest {@code preferences} event (or there is none). */
  public boolean objectedSincePreferences() {
    return objectedSincePreferences;
  }

  /** The latest objection, if the customer ever objected. */
  public Optional<Objected> lastObjection() {
    return lastObjection;
  }

  /** The latest purchase, if any. */
  public Optional<Purchased> lastPurchase() {
    return lastPurchase;
  }

  /** The purchases and inquiries, in time order. */
  public List<RelationshipEvent> relationshipEvents() {
    return relationship;
  }

  /** The withdrawals, in time order. */
  public List<Withdrawn> withdrawals() {
    return withdrawals;
  }

  /** The grants that are valid consent, in time order. */
  public List<Granted> validGrants() {
    return validGrants;
  }

  /** The first entry on {@code registry}, if the customer is registered there. */
  public Optional<Registered> registered(Registry registry) {
    return Optional.ofNullable(registered.get(registry));
  }

  /** Whether a {@code confirmed} event later than the grant (in time order) names it. */
  public boolean isConfirmed(Granted grant) {
    return confirmed.contains(grant.id());
  }

  /**
   * A reader's own form of the standing of {@code ledger} at {@code at} ({@link #of}), made by
   * {@code derive}: where no event lies after {@code at}, made once per ledger state and kept
   * with the ledger, like the fold itself, and read without reaching the fold. The policy engine
   * keeps there, flat, the few facts every decision reads, and reaches this through crm-core's
   * unexported {@code internal.Access} (the ledger's class registers it): it is not public API.
   * {@code derive} must be a pure function of the standing. One form is kept per ledger: asked
   * for a form of another type, the ledger derives that one and keeps it instead.
   */
  static <T> T reading(
      Ledger ledger, Instant at, Class<T> type, Function<? super Standing, ? extends T> derive) {
    checkNotNull(ledger, "ledger");
    checkNotNull(at, "at");
    checkNotNull(type, "type");
    checkNotNull(derive, "derive");
    if (ledger.hasEventAfter(at)) {
      return checkNotNull(derive.apply(new Standing(ledger.customer(), ledger.asOf(at))), "derived reading");
    }
    return ledger.reading(type, derive);
  }

  /** The fold of the key (intent, channel, entity). */
  public Key key(Intent intent, Channel channel, Optional<String> entity) {
    int slot = slot(intent, channel);
    Key key;
    if (entity.isEmpty()) {
      key = businessKeys[slot];
    } else {
      Map<Optional<String>, Key> named = keys[slot];
      key = named == null ? null : named.get(entity);
    }
    if (key != null) {
      return key;
    }
    // No grant ever named the key: only withdrawals and objections reach it.
    if (lastObjection.isEmpty() && !anyWithdrawalNames(intent, channel, entity)) {
      return Key.UNTOUCHED;
    }
    Key unnamed = new Key();
    for (Withdrawn withdrawal : withdrawals) {
      if (withdrawal.names(intent, channel, entity)) {
        unnamed.withdraw(withdrawal);
      }
    }
    unnamed.objection = lastObjection.orElse(null);
    unnamed.freeze();
    return unnamed;
  }

  private boolean anyWithdrawalNames(Intent intent, Channel channel, Optional<String> entity) {
    for (int i = 0; i < withdrawals.size(); i++) {
      if (withdrawals.get(i).names(intent, channel, entity)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fold of one key (intent, channel, entity): the event that stands on it (a grant or a
   * withdrawal), the objection standing on it, and the grants that ever named it.
   */
  public static final class Key {
    /** The key no event reached: nothing stands, nothing named it; shared, as it never changes. */
    private static final Key UNTOUCHED = new Key();

    private @Nullable LedgerEvent standing;
    private @Nullable Objected objection;
    private @Nullable Granted latestNaming;
    private boolean validGrantNamed;
    private boolean withdrawnBefore;
    private Optional<Granted> grant = Optional.empty();
    private Optional<Withdrawn> withdrawal = Optional.empty();
    private Optional<Objected> standingObjection = Optional.empty();
    private Optional<Granted> latestNamingGrant = Optional.empty();

    private Key() {}

    /** Fixes the answers once the fold is done, so that reading them allocates nothing. */
    private void freeze() {
      grant = standing instanceof Granted ? Optional.of((Granted) standing) : Optional.empty();
      withdrawal = standing instanceof Withdrawn ? Optional.of((Withdrawn) standing) : Optional.empty();
      standingObjection = Optional.ofNullable(objection);
      latestNamingGrant = Optional.ofNullable(latestNaming);
    }

    private void grant(Granted grant, boolean objectionSkips) {
      latestNaming = grant;
      if (!grant.isValidConsent()) {
        return;
      }
      validGrantNamed = true;
      // An import does not override a withdrawal or objection recorded before it.
      if (grant.isImport() && (withdrawnBefore || objectionSkips)) {
        return;
      }
      standing = grant;
      if (!grant.isImport()) {
        objection = null;
      }
    }

    private void withdraw(Withdrawn withdrawal) {
      withdrawnBefore = true;
      standing = withdrawal;
    }

    /** The standing grant, if a grant (not a withdrawal) stands. */
    public Optional<Granted> grant() {
      return grant;
    }

    /** The standing withdrawal, if a withdrawal stands. */
    public Optional<Withdrawn> withdrawal() {
      return withdrawal;
    }

    /** The objection standing on the key, if any. */
    public Optional<Objected> objection() {
      return standingObjection;
    }

    /** The latest grant, valid or not, that named the key. */
    public Optional<Granted> latestNaming() {
      return latestNamingGrant;
    }

    /** Whether a valid grant, a skipped import included, ever named the key. */
    public boolean validGrantNamed() {
      return validGrantNamed;
    }
  }
}
