package dev.rapport.crm.policy;

import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Withdrawn;
import java.util.Optional;

/**
 * The fold of the ledger over one key (intent, channel, entity) read at an instant
 * ({@code RULES.md} 3): which event stands, whether an objection stands, what ever named the
 * key, and whether the standing grant is live there.
 */
final class KeyStanding {
  private final Facts.Key key;
  private final boolean expired;
  private final boolean awaitingConfirmation;

  KeyStanding(State state, Facts.Key key) {
    this.key = key;
    this.expired = state.expired(key);
    this.awaitingConfirmation = state.awaitingConfirmation(key);
  }

  /** The key's flat fold, with the ids of the events that stand on it. */
  Facts.Key key() {
    return key;
  }

  /** The standing grant, if a grant (not a withdrawal) stands. */
  Optional<Granted> grant() {
    return Optional.ofNullable(key.grant);
  }

  /** The standing withdrawal, if a withdrawal stands. */
  Optional<Withdrawn> withdrawal() {
    return Optional.ofNullable(key.withdrawal);
  }

  /** The objection standing on this key, if any. */
  Optional<Objected> objection() {
    return Optional.ofNullable(key.objection);
  }

  /** The latest grant, valid or not, that named the key. */
  Optional<Granted> latestNaming() {
    return Optional.ofNullable(key.latestNaming);
  }

  /** Whether a valid grant, a skipped import included, ever named the key. */
  boolean validGrantNamed() {
    return key.validGrantNamed;
  }

  boolean expired() {
    return expired;
  }

  boolean awaitingConfirmation() {
    return awaitingConfirmation;
  }

  /** The standing grant if it is live: not expired and confirmed where required. */
  Optional<Granted> liveGrant() {
    return expired || awaitingConfirmation ? Optional.empty() : grant();
  }
}
