package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).


import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fold of the ledger over one key (intent, channel, entity) at an instant
 * ({@code model.md} 5.3): which event stands, whether an objection stands, and what ever named
 * the key.
 */
final class KeyStanding {
  private final State state;
  private final Channel channel;
  private @Nullable LedgerEvent standing;
  private @Nullable Objected objection;
  private @Nullable Granted latestNaming;
  private boolean validGrantNamed;

  KeyStanding(State state, Intent intent, Channel channel, Optional<String> entity) {
    this.state = state;
    this.channel = channel;
    boolean withdrawnBefore = false;
    boolean objectedBefore = false;
    for (LedgerEvent event : state.events()) {
      if (event instanceof Granted) {
        Granted grant = (Granted) event;
        if (!grant.intents().contains(intent)
            || !grant.channels().contains(channel)
            || !grant.entity().equals(entity)) {
          continue;
        }
        latestNaming = grant;
        if (!grant.isValidConsent()) {
          continue;
        }
        validGrantNamed = true;
        boolean skipped =
            (grant.evidence().source() == Source.IMPORT) && (withdrawnBefore || (intent.opensMarketing() && objectedBefore));
        if (!skipped) {
          standing = grant;
          if (!(grant.evidence().source() == Source.IMPORT)) {
            objection = null;
          }
        }
      } else if (event instanceof Withdrawn && ((Withdrawn) event).names(intent, channel, entity)) {
        withdrawnBefore = true;
        standing = event;
      } else if (event instanceof Objected) {
        objectedBefore = true;
        objection = (Objected) event;
      }
    }
  }

  /** The standing grant, if a grant (not a withdrawal) stands. */
  Optional<Granted> grant() {
    return standing instanceof Granted ? Optional.of((Granted) standing) : Optional.empty();
  }

  /** The standing withdrawal, if a withdrawal stands. */
  Optional<Withdrawn> withdrawal() {
    return standing instanceof Withdrawn ? Optional.of((Withdrawn) standing) : Optional.empty();
  }

  /** The objection standing on this key, if any. */
  Optional<Objected> objection() {
    return Optional.ofNullable(objection);
  }

  /** The latest grant, valid or not, that named the key. */
  Optional<Granted> latestNaming() {
    return Optional.ofNullable(latestNaming);
  }

  /** Whether a valid grant, a skipped import included, ever named the key. */
  boolean validGrantNamed() {
    return validGrantNamed;
  }

  boolean expired() {
    return grant().flatMap(Granted::expiresAt).map(e -> !e.isAfter(state.at())).orElse(false);
  }

  boolean awaitingConfirmation() {
    return grant().map(g -> state.needsConfirmation(channel) && !state.isConfirmed(g)).orElse(false);
  }

  /** The standing grant if it is live: not expired and confirmed where required. */
  Optional<Granted> liveGrant() {
    return grant().filter(g -> !expired() && !awaitingConfirmation());
  }
}
