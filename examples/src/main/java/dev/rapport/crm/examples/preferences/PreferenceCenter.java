package dev.rapport.crm.examples.preferences;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.store.VersionConflictException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * A preference center: the page where a customer says what they want from the business and
 * takes it back. Every choice becomes a ledger event with its evidence (the preference center
 * as source, the customer as actor, the notice shown and the visitor's session), appended
 * through the {@link LedgerStore} SPI.
 *
 * <p>Writes use optimistic concurrency: each attempt reads the ledger, builds the event against
 * that version (its id is the next free one) and appends with that version as expected. If
 * another writer got there first ({@link VersionConflictException}), it reads again and
 * retries, up to {@value #ATTEMPTS} times. Nothing is ever overwritten.
 */
public final class PreferenceCenter {
  /** How many times a write is tried before the conflict is handed to the caller. */
  public static final int ATTEMPTS = 5;

  private final LedgerStore store;
  private final String notice;

  /**
   * A preference center that writes to {@code store}, showing the wording {@code notice} (an
   * id and version, such as {@code prefs-v3}).
   */
  public PreferenceCenter(LedgerStore store, String notice) {
    checkArgument(!notice.isBlank(), "a preference center must name the notice it shows");
    this.store = store;
    this.notice = notice;
  }

  /**
   * Records that the customer declared {@code intents} on {@code channels} at {@code at}.
   * Returns the ledger as stored.
   */
  public Ledger declare(String customerId, Set<Intent> intents, Set<Channel> channels, Instant at, String session) {
    return write(customerId, id ->
        Granted.builder()
            .id(id)
            .at(at)
            .intents(intents)
            .channels(channels)
            .evidence(evidence(session))
            .build());
  }

  /** Records that the customer withdrew {@code intents} on {@code channels} at {@code at}. */
  public Ledger withdraw(String customerId, Set<Intent> intents, Set<Channel> channels, Instant at, String session) {
    return write(customerId, id ->
        Withdrawn.builder()
            .id(id)
            .at(at)
            .intents(intents)
            .channels(channels)
            .evidence(evidence(session))
            .build());
  }

  /** Records that the customer objects to all direct marketing (GDPR Art. 21) at {@code at}. */
  public Ledger objectToMarketing(String customerId, Instant at, String session) {
    return write(customerId, id -> Objected.builder().id(id).at(at).evidence(evidence(session)).build());
  }

  private Evidence evidence(String session) {
    return Evidence.builder()
        .source(Source.PREFERENCE_CENTER)
        .actor(Actor.CUSTOMER)
        .notice(notice)
        .putDetails("session", session)
        .build();
  }

  /** The notice this preference center shows, such as {@code prefs-v3}. */
  public String notice() {
    return notice;
  }

  /**
   * Appends the events {@code change} builds from the stored ledger, with optimistic
   * concurrency: each attempt reads the ledger and builds the events against it, so a check
   * made there (is this already recorded? what is on file now?) always sees the stored state.
   * An empty list appends nothing. Retries on conflicts, up to {@value #ATTEMPTS} attempts.
   * Returns the ledger as stored.
   *
   * @throws NoSuchElementException if the customer is unknown
   * @throws VersionConflictException if every attempt lost the race
   * @throws dev.rapport.crm.ledger.RejectedEventException if the store refuses an event
   */
  public Ledger record(String customerId, Function<Ledger, List<? extends LedgerEvent>> change) {
    VersionConflictException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Ledger ledger =
          store.read(customerId).orElseThrow(() -> new NoSuchElementException("no customer " + customerId));
      List<? extends LedgerEvent> events = change.apply(ledger);
      if (events.isEmpty()) {
        return ledger;
      }
      try {
        return store.append(customerId, ledger.version(), events);
      } catch (VersionConflictException conflict) {
        last = conflict;
      }
    }
    throw last;
  }

  /**
   * Appends the event made by {@code event} (given the next free id), retrying on conflicts.
   */
  private Ledger write(String customerId, Function<String, LedgerEvent> event) {
    return record(customerId, ledger -> List.of(event.apply(nextId(ledger))));
  }

  private static String nextId(Ledger ledger) {
    int n = ledger.version() + 1;
    while (ledger.event("pc-" + n).isPresent()) {
      n++;
    }
    return "pc-" + n;
  }
}
