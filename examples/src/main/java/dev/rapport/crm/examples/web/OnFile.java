package dev.rapport.crm.examples.web;

import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the customer has on file, for the page: per channel, the intents whose latest grant or
 * withdrawal (by instant, ties by ledger order) is a valid, unexpired grant for the entity. This
 * is what the page shows and what a submitted form is compared with; the policy engine, not
 * this, decides any outreach.
 */
final class OnFile {
  private final Map<Channel, Set<Intent>> live;
  private final Optional<Instant> objectedAt;

  private OnFile(Map<Channel, Set<Intent>> live, Optional<Instant> objectedAt) {
    this.live = live;
    this.objectedAt = objectedAt;
  }

  static OnFile of(Ledger ledger, String entity, Instant now) {
    Map<Channel, Set<Intent>> live = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      live.put(channel, EnumSet.noneOf(Intent.class));
    }
    List<LedgerEvent> events = new ArrayList<>(ledger.events());
    events.sort(Comparator.comparing(LedgerEvent::at)); // stable: ties keep ledger order
    Optional<Instant> objected = Optional.empty();
    Optional<String> forEntity = entity.isEmpty() ? Optional.empty() : Optional.of(entity);
    for (LedgerEvent event : events) {
      if (event.at().isAfter(now)) {
        break;
      }
      if (event instanceof Granted) {
        Granted grant = (Granted) event;
        boolean counts =
            grant.isValidConsent()
                && grant.entity().orElse("").equals(entity)
                && grant.expiresAt().map(now::isBefore).orElse(true);
        for (Channel channel : grant.channels()) {
          for (Intent intent : grant.intents()) {
            if (counts) {
              live.get(channel).add(intent);
            }
          }
        }
      } else if (event instanceof Withdrawn) {
        Withdrawn withdrawal = (Withdrawn) event;
        for (Channel channel : Channel.values()) {
          live.get(channel).removeIf(intent -> withdrawal.names(intent, channel, forEntity));
        }
      } else if (event instanceof Objected) {
        objected = Optional.of(event.at());
      }
    }
    return new OnFile(live, objected);
  }

  /** The intents live on {@code channel}. */
  Set<Intent> on(Channel channel) {
    return live.get(channel);
  }

  /** When the customer last objected to all marketing, if ever. */
  Optional<Instant> objectedAt() {
    return objectedAt;
  }
}
