package dev.rapport.crm.policy;

import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.internal.Access;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.ledger.Standing;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.DailyWindow;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The engine's flat reading of a {@link Standing}: what a decision reads on every call, in
 * plain fields, bits by slot and small arrays, made once per ledger state and kept with the
 * ledger ({@code Standing.reading}, through {@code internal.Access}). A decision on a customer read from memory then touches
 * this object, and the one key it asks about only where a grant with an expiry stands there or
 * the purpose is not covered, not the fold's maps, keys, optionals, events and preferences one
 * by one: each of those is a read from main memory for a customer not read lately. Everything
 * here is a function of the standing alone: what depends on the instant or on the law (expiry,
 * double opt-in) is judged by the reader ({@link State}).
 *
 * <p>The keys kept are those of the business itself (no entity) that some grant named; any
 * other key is read from the standing when asked for ({@link State#key}).
 */
final class Facts {
  private static final int CHANNELS = Enums.CHANNELS.length;
  private static final Key[] NO_KEYS = new Key[0];

  final Standing standing;
  final Jurisdiction jurisdiction;
  final ZoneId zone;
  final boolean erased;
  /** Whether the customer ever objected. */
  final boolean objected;
  /** The stated profiling level, before an objection caps it. */
  final Profiling statedProfiling;
  final boolean objectedSincePreferences;
  /** The customer's quiet hours, or null for none or an empty window. */
  final @Nullable LocalTime quietStart;
  final @Nullable LocalTime quietEnd;
  /** The customer's own caps. */
  final List<FrequencyCap> ownCaps;
  /** The id of the latest {@code preferences} event, or null. */
  final @Nullable String preferencesEventId;
  /** The end of the cool-off after the last purchase, or null where there is none. */
  final @Nullable Instant coolOffEnd;

  /** The slots ({@code intent * CHANNELS + channel}) of the business keys kept, as bits. */
  private final long businessSlots;
  /** The business keys kept, in the order of their slots. */
  private final Key[] businessKeys;
  /**
   * The first two of {@link #businessKeys}, or null: most customers have one or two, and a
   * decision reaches them from here without reading the array.
   */
  private final @Nullable Key firstKey;
  private final @Nullable Key secondKey;
  /**
   * The business keys kept, as bits by slot: where a grant stands that never expires, where a
   * grant stands that expires, where that grant is confirmed, where an objection stands. A
   * decision on a key without an expiring grant reads these, not the key.
   */
  private final long lastingGrantSlots;
  private final long expiringGrantSlots;
  private final long confirmedSlots;
  private final long objectedSlots;
  /** The slots of the business keys some withdrawal names, as bits. */
  private final long withdrawnBusinessSlots;
  /** Per intent, the latest valid grant of the intent, any entity; null where none. */
  private final @Nullable Granted[] latestValidOfIntent;
  /** Per slot, the latest valid grant of the intent on the channel, any entity; null where none. */
  private final @Nullable Granted[] latestValidOnSlot;

  private Facts(Standing standing) {
    this.standing = standing;
    this.jurisdiction = standing.customer().jurisdiction();
    this.zone = standing.customer().zone();
    this.erased = standing.erased().isPresent();
    this.objected = standing.lastObjection().isPresent();
    Preferences preferences = standing.preferences();
    this.statedProfiling = preferences.profiling();
    this.objectedSincePreferences = standing.objectedSincePreferences();
    Optional<QuietHours> quiet = preferences.quietHours();
    DailyWindow window = quiet.isPresent() && !quiet.get().window().isEmpty() ? quiet.get().window() : null;
    this.quietStart = window == null ? null : window.start();
    this.quietEnd = window == null ? null : window.end();
    this.ownCaps = preferences.caps();
    Optional<PreferencesChanged> latest = standing.latestPreferences();
    this.preferencesEventId = latest.isPresent() ? latest.get().id() : null;
    Optional<Duration> coolOff = preferences.coolOffAfterPurchase();
    Optional<Purchased> purchase = standing.lastPurchase();
    this.coolOffEnd =
        coolOff.isPresent() && purchase.isPresent() ? purchase.get().at().plus(coolOff.get()) : null;

    // The keys first, so that they lie next to this object in memory: a decision reads both.
    long named = 0;
    List<LedgerEvent> events = standing.events();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof Granted) {
        Granted grant = (Granted) events.get(i);
        if (grant.entity().isEmpty()) {
          named |= slots(grant.intents(), grant.channels());
        }
      }
    }
    this.businessSlots = named;
    Key[] kept = named == 0 ? NO_KEYS : new Key[Long.bitCount(named)];
    int k = 0;
    for (long rest = named; rest != 0; rest &= rest - 1) {
      int slot = Long.numberOfTrailingZeros(rest);
      kept[k++] = Key.of(standing, Enums.INTENTS[slot / CHANNELS], Enums.CHANNELS[slot % CHANNELS], Optional.empty());
    }
    this.businessKeys = kept;
    this.firstKey = kept.length > 0 ? kept[0] : null;
    this.secondKey = kept.length > 1 ? kept[1] : null;
    long lasting = 0;
    long expiring = 0;
    long confirmedKeys = 0;
    long objectedKeys = 0;
    k = 0;
    for (long rest = named; rest != 0; rest &= rest - 1) {
      long bit = Long.lowestOneBit(rest);
      Key key = kept[k++];
      if (key.grant != null) {
        if (key.expires()) {
          expiring |= bit;
        } else {
          lasting |= bit;
        }
      }
      confirmedKeys |= key.confirmed ? bit : 0;
      objectedKeys |= key.objection != null ? bit : 0;
    }
    this.lastingGrantSlots = lasting;
    this.expiringGrantSlots = expiring;
    this.confirmedSlots = confirmedKeys;
    this.objectedSlots = objectedKeys;
    Granted[] ofIntent = new Granted[Enums.INTENTS.length];
    Granted[] onSlot = new Granted[Enums.INTENTS.length * CHANNELS];
    List<Granted> valid = standing.validGrants();
    for (int i = 0; i < valid.size(); i++) {
      Granted grant = valid.get(i);
      long grantSlots = slots(grant.intents(), grant.channels());
      for (Intent intent : Enums.INTENTS) {
        if (grant.intents().contains(intent)) {
          ofIntent[intent.ordinal()] = grant;
        }
      }
      for (long rest = grantSlots; rest != 0; rest &= rest - 1) {
        onSlot[Long.numberOfTrailingZeros(rest)] = grant;
      }
    }
    this.latestValidOfIntent = ofIntent;
    this.latestValidOnSlot = onSlot;
    long withdrawn = 0;
    List<Withdrawn> withdrawals = standing.withdrawals();
    for (int i = 0; i < withdrawals.size(); i++) {
      Withdrawn withdrawal = withdrawals.get(i);
      if (withdrawal.entity().isEmpty()) {
        withdrawn |= slots(withdrawal.intents(), withdrawal.channels());
      }
    }
    this.withdrawnBusinessSlots = withdrawn;
  }

  /**
   * The facts of the standing of {@code ledger} at {@code at}: where no event lies after {@code
   * at}, made once per ledger and kept with it ({@code Standing.reading}, through {@code internal.Access}).
   */
  static Facts of(Ledger ledger, Instant at) {
    return Access.<Ledger, Standing>readings(Ledger.class).reading(ledger, at, Facts.class, Facts::new);
  }

  static int slot(Intent intent, Channel channel) {
    return intent.ordinal() * CHANNELS + channel.ordinal();
  }

  /**
   * The slots of every intent of {@code intents} on every channel of {@code channels}, as bits:
   * read through the enums' constants, as iterating the sets would make iterators.
   */
  private static long slots(Set<Intent> intents, Set<Channel> channels) {
    int channelBits = 0;
    for (Channel channel : Enums.CHANNELS) {
      if (channels.contains(channel)) {
        channelBits |= 1 << channel.ordinal();
      }
    }
    long bits = 0;
    for (Intent intent : Enums.INTENTS) {
      if (intents.contains(intent)) {
        bits |= (long) channelBits << (intent.ordinal() * CHANNELS);
      }
    }
    return bits;
  }

  /** The business key (no entity) of {@code slot} if a grant named it, else null. */
  @Nullable Key businessKey(int slot) {
    long bit = 1L << slot;
    if ((businessSlots & bit) == 0) {
      return null;
    }
    int index = Long.bitCount(businessSlots & (bit - 1));
    return index == 0 ? firstKey : index == 1 ? secondKey : businessKeys[index];
  }

  /**
   * Whether the live grant of the business key (no entity) of {@code slot} covers a purpose
   * there, read from the bits alone: 1 if a grant that never expires stands, is confirmed where
   * {@code confirmationNeeded}, and no objection stands where {@code objectionCounts}; 0 if it
   * does not cover; -1 where a grant with an expiry stands and the key must be read.
   */
  int businessCoverage(int slot, boolean confirmationNeeded, boolean objectionCounts) {
    long bit = 1L << slot;
    if ((expiringGrantSlots & bit) != 0) {
      return -1;
    }
    boolean covers =
        (lastingGrantSlots & bit) != 0
            && (!confirmationNeeded || (confirmedSlots & bit) != 0)
            && !(objectionCounts && (objectedSlots & bit) != 0);
    return covers ? 1 : 0;
  }

  /** The business keys some grant named, in the order of their slots; not to be changed. */
  Key[] businessKeys() {
    return businessKeys;
  }

  /**
   * The business key (no entity) of ({@code intent}, {@code channel}) where the facts know it:
   * the kept key if a grant named it, {@link Key#UNTOUCHED} if no event reached it (no grant
   * named it, no withdrawal names it, no objection); null where it must be read from the
   * standing.
   */
  @Nullable Key businessKey(Intent intent, Channel channel) {
    int slot = slot(intent, channel);
    Key named = businessKey(slot);
    if (named != null) {
      return named;
    }
    return objected || (withdrawnBusinessSlots & (1L << slot)) != 0 ? null : Key.UNTOUCHED;
  }

  /** Whether a withdrawal of the business itself (no entity) names the intent on the channel. */
  boolean businessWithdrawal(Intent intent, Channel channel) {
    return (withdrawnBusinessSlots & (1L << slot(intent, channel))) != 0;
  }

  /** The latest valid grant of {@code intent}, any entity, or null. */
  @Nullable Granted latestValidOf(Intent intent) {
    return latestValidOfIntent[intent.ordinal()];
  }

  /** The latest valid grant of {@code intent} on {@code channel}, any entity, or null. */
  @Nullable Granted latestValidOn(Intent intent, Channel channel) {
    return latestValidOnSlot[slot(intent, channel)];
  }

  /**
   * The fold of one key ({@link Standing.Key}), flat: the events that stand on it with their
   * ids and, for a standing grant, its expiry and confirmation, read without reaching the events.
   */
  static final class Key {
    /**
     * The key no event reached: nothing stands, nothing named it (what {@link Standing#key}
     * answers for such a key); shared, as it never changes.
     */
    static final Key UNTOUCHED = new Key();

    /** The key's channel; null only for {@link #UNTOUCHED}, on which no grant stands. */
    final @Nullable Channel channel;
    final @Nullable Granted grant;
    final @Nullable String grantId;
    /** The standing grant's expiry in seconds and nanoseconds; {@link Long#MAX_VALUE} for none. */
    private final long expirySecond;
    private final int expiryNano;
    /** Whether a {@code confirmed} event names the standing grant. */
    final boolean confirmed;
    final @Nullable Withdrawn withdrawal;
    final @Nullable String withdrawalId;
    final @Nullable Objected objection;
    final @Nullable String objectionId;
    final @Nullable Granted latestNaming;
    final @Nullable String latestNamingId;
    final boolean validGrantNamed;

    private Key(Standing standing, Standing.Key key, Channel channel) {
      this.channel = channel;
      this.grant = key.grant().orElse(null);
      this.withdrawal = key.withdrawal().orElse(null);
      this.objection = key.objection().orElse(null);
      this.latestNaming = key.latestNaming().orElse(null);
      this.validGrantNamed = key.validGrantNamed();
      this.withdrawalId = withdrawal == null ? null : withdrawal.id();
      this.objectionId = objection == null ? null : objection.id();
      this.latestNamingId = latestNaming == null ? null : latestNaming.id();
      Optional<Instant> expiry = grant == null ? Optional.empty() : grant.expiresAt();
      this.expirySecond = expiry.isPresent() ? expiry.get().getEpochSecond() : Long.MAX_VALUE;
      this.expiryNano = expiry.isPresent() ? expiry.get().getNano() : 0;
      this.grantId = grant == null ? null : grant.id();
      this.confirmed = grant != null && standing.isConfirmed(grant);
    }

    private Key() {
      this.channel = null;
      this.grant = null;
      this.grantId = null;
      this.expirySecond = Long.MAX_VALUE;
      this.expiryNano = 0;
      this.confirmed = false;
      this.withdrawal = null;
      this.withdrawalId = null;
      this.objection = null;
      this.objectionId = null;
      this.latestNaming = null;
      this.latestNamingId = null;
      this.validGrantNamed = false;
    }

    /** The key (intent, channel, entity) of {@code standing}, flat. */
    static Key of(Standing standing, Intent intent, Channel channel, Optional<String> entity) {
      return new Key(standing, standing.key(intent, channel, entity), channel);
    }

    /** Whether a grant stands and has an expiry. */
    boolean expires() {
      return grant != null && expirySecond != Long.MAX_VALUE;
    }

    /** Whether a grant stands and has expired at {@code at}. */
    boolean expiredAt(Instant at) {
      long second = at.getEpochSecond();
      return grant != null
          && expirySecond != Long.MAX_VALUE
          && (expirySecond < second || (expirySecond == second && expiryNano <= at.getNano()));
    }

    /** Whether a grant stands and waits for its {@code confirmed} event where one is needed. */
    boolean awaitingConfirmation(boolean confirmationNeeded) {
      return grant != null && confirmationNeeded && !confirmed;
    }

    /** The standing grant if it is live at {@code at}, else null. */
    @Nullable Granted liveGrant(Instant at, boolean confirmationNeeded) {
      return grant == null || expiredAt(at) || awaitingConfirmation(confirmationNeeded) ? null : grant;
    }
  }
}
