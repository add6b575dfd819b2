package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether the customer's declarations cover a purpose on a channel for an entity, and if not,
 * every reason why ({@code RULES.md} 3). A covered purpose costs no list and no reason: they are
 * made only where the answer needs them.
 */
final class Coverage {
  private @Nullable Granted firstCovering;
  private @Nullable List<Granted> covering;
  /** The reasons it is not covered, one per code, first come first kept. */
  private @Nullable List<Reason> reasons;

  Coverage(Evaluation evaluation, Purpose purpose, Channel channel, Optional<String> entity) {
    State state = evaluation.state();
    Messages messages = evaluation.messages();
    // Only PERSONAL reads the sender.
    Optional<String> sender = purpose == Purpose.PERSONAL ? evaluation.outreach().staff() : Optional.empty();
    Intent[] intents = Enums.openedBy(purpose);
    // First the live keys alone: where one covers, the reasons of the others are never read.
    for (Intent intent : intents) {
      Facts.Key key = state.key(intent, channel, entity);
      if (covers(state, key, purpose, sender)) {
        cover(key.grant);
      }
    }
    if (firstCovering != null) {
      return;
    }
    boolean anyValidGrantOfPurpose = false;
    Facts facts = state.facts();
    for (Intent intent : intents) {
      Facts.Key key = state.key(intent, channel, entity);
      Objected objection = key.objection;
      if (purpose.isMarketing() && objection != null) {
        add(messages.objected(objection, key.objectionId));
      }
      // The latest valid grant of the intent, and the latest of those on the channel.
      Granted latestOfIntent = facts.latestValidOf(intent);
      Granted latestOnChannel = facts.latestValidOn(intent, channel);
      anyValidGrantOfPurpose |= latestOfIntent != null;
      if (key.latestNaming != null) {
        namedKeyReasons(messages, purpose, sender, intent, channel, new KeyStanding(state, key));
      } else if (latestOnChannel != null) {
        add(messages.otherEntity(latestOnChannel, intent, channel, entity));
      } else if (latestOfIntent != null) {
        add(messages.channelNotDeclared(latestOfIntent, intent, channel));
      }
    }
    if (!anyValidGrantOfPurpose || reasons == null) {
      List<Granted> live = state.liveGrants();
      add(
          live.isEmpty()
              ? messages.noDeclaredRelationship(purpose)
              : messages.beyondDeclaredRelationship(live, purpose));
    }
  }

  // RULES.md 3, case 1: some grant, valid or not, named the key.
  private void namedKeyReasons(
      Messages messages,
      Purpose purpose,
      Optional<String> sender,
      Intent intent,
      Channel channel,
      KeyStanding key) {
    if (key.withdrawal().isPresent() && key.validGrantNamed()) {
      add(messages.withdrawn(key.withdrawal().get(), key.key().withdrawalId, intent, channel));
    }
    if (key.expired()) {
      add(messages.expired(key.grant().orElseThrow(), key.key().grantId));
    }
    if (key.awaitingConfirmation()) {
      add(messages.awaitingConfirmation(key.grant().orElseThrow(), key.key().grantId, channel));
    }
    if (purpose == Purpose.PERSONAL) {
      if (sender.isEmpty()) {
        add(messages.senderNotPermitted(key.grant().or(key::latestNaming).orElseThrow(), sender));
      } else if (key.grant().isPresent() && !senderPermitted(purpose, sender, key.grant().get())) {
        add(messages.senderNotPermitted(key.grant().get(), sender));
      }
    }
    if (!key.validGrantNamed()) {
      add(messages.invalidConsent(key.latestNaming().orElseThrow(), key.key().latestNamingId));
    }
  }

  /**
   * Whether the live grant of {@code key} covers {@code purpose}: live at the instant, no
   * objection standing where the purpose is marketing, and the sender permitted.
   */
  static boolean covers(State state, Facts.Key key, Purpose purpose, Optional<String> sender) {
    Granted live = state.liveGrant(key);
    return live != null
        && !(purpose.isMarketing() && key.objection != null)
        && senderPermitted(purpose, sender, live);
  }

  private static boolean senderPermitted(Purpose purpose, Optional<String> sender, Granted grant) {
    if (purpose != Purpose.PERSONAL) {
      return true;
    }
    return sender.isPresent() && (grant.staff().isEmpty() || grant.staff().equals(sender));
  }

  private void cover(Granted grant) {
    if (firstCovering == null) {
      firstCovering = grant;
      return;
    }
    if (covering == null) {
      covering = new ArrayList<>(2);
      covering.add(firstCovering);
    }
    covering.add(grant);
  }

  /** Adds {@code reason} unless a reason with its code is listed already. */
  private void add(Reason reason) {
    if (reasons == null) {
      reasons = new ArrayList<>(4);
    } else {
      for (int i = 0; i < reasons.size(); i++) {
        if (reasons.get(i).code().equals(reason.code())) {
          return;
        }
      }
    }
    reasons.add(reason);
  }

  boolean covered() {
    return firstCovering != null;
  }


  /** The live grants that cover, latest intent first as evaluated. */
  List<Granted> coveringGrants() {
    if (covering != null) {
      return covering;
    }
    return firstCovering == null ? ImmutableList.of() : ImmutableList.of(firstCovering);
  }

  /** Every reason it is not covered; empty when covered. */
  List<Reason> reasons() {
    return reasons == null ? ImmutableList.of() : reasons;
  }
}
