package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.Reason;


import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the customer's declarations cover a purpose on a channel for an entity, and if not,
 * every reason why ({@code model.md} 5.3).
 */
final class Coverage {
  private final List<Granted> covering = new ArrayList<>();
  private final Map<Object, Reason> reasons = new LinkedHashMap<>();

  Coverage(Evaluation evaluation, Purpose purpose, Channel channel, Optional<String> entity) {
    State state = evaluation.state();
    Messages messages = evaluation.messages();
    Optional<String> sender = evaluation.outreach().staff();
    boolean anyValidGrantOfPurpose = false;
    for (Intent intent : purpose.openedBy()) {
      KeyStanding key = state.standing(intent, channel, entity);
      boolean objected = purpose.isMarketing() && key.objection().isPresent();
      if (objected) {
        add(messages.objected(key.objection().get()));
      }
      Optional<Granted> live = key.liveGrant();
      if (live.isPresent() && !objected && senderPermitted(purpose, sender, live.get())) {
        covering.add(live.get());
        continue;
      }
      List<Granted> validOfIntent =
          state.validGrants().filter(g -> g.intents().contains(intent)).collect(ImmutableList.toImmutableList());
      anyValidGrantOfPurpose |= !validOfIntent.isEmpty();
      if (key.latestNaming().isPresent()) {
        namedKeyReasons(messages, purpose, sender, intent, channel, key);
      } else {
        validOfIntent.stream()
            .filter(g -> g.channels().contains(channel))
            .reduce((first, second) -> second)
            .ifPresentOrElse(
                g -> add(messages.otherEntity(g, intent, channel, entity)),
                () ->
                    validOfIntent.stream()
                        .reduce((first, second) -> second)
                        .ifPresent(g -> add(messages.channelNotDeclared(g, intent, channel))));
      }
    }
    if (!covering.isEmpty()) {
      reasons.clear();
      return;
    }
    if (!anyValidGrantOfPurpose || reasons.isEmpty()) {
      List<Granted> live = state.liveGrants();
      add(
          live.isEmpty()
              ? messages.noDeclaredRelationship(purpose)
              : messages.beyondDeclaredRelationship(live, purpose));
    }
  }

  // model.md 5.3, case 1: some grant, valid or not, named the key.
  private void namedKeyReasons(
      Messages messages,
      Purpose purpose,
      Optional<String> sender,
      Intent intent,
      Channel channel,
      KeyStanding key) {
    if (key.withdrawal().isPresent() && key.validGrantNamed()) {
      add(messages.withdrawn(key.withdrawal().get(), intent, channel));
    }
    if (key.expired()) {
      add(messages.expired(key.grant().orElseThrow()));
    }
    if (key.awaitingConfirmation()) {
      add(messages.awaitingConfirmation(key.grant().orElseThrow(), channel));
    }
    if (purpose == Purpose.PERSONAL) {
      if (sender.isEmpty()) {
        add(messages.senderNotPermitted(key.grant().or(key::latestNaming).orElseThrow(), sender));
      } else if (key.grant().isPresent() && !senderPermitted(purpose, sender, key.grant().get())) {
        add(messages.senderNotPermitted(key.grant().get(), sender));
      }
    }
    if (!key.validGrantNamed()) {
      add(messages.invalidConsent(key.latestNaming().orElseThrow()));
    }
  }

  private static boolean senderPermitted(Purpose purpose, Optional<String> sender, Granted grant) {
    if (purpose != Purpose.PERSONAL) {
      return true;
    }
    return sender.isPresent() && (grant.staff().isEmpty() || grant.staff().equals(sender));
  }

  private void add(Reason reason) {
    reasons.putIfAbsent(reason.code(), reason);
  }

  boolean covered() {
    return !covering.isEmpty();
  }

  /** The live grants that cover, latest intent first as evaluated. */
  List<Granted> coveringGrants() {
    return covering;
  }

  /** Every reason it is not covered; empty when covered. */
  List<Reason> reasons() {
    return ImmutableList.copyOf(reasons.values());
  }
}
