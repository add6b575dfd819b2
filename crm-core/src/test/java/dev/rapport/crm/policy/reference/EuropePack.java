package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.Reason;


import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.ledger.Inquired;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Purchased;
import dev.rapport.crm.relationship.Channel;
import java.util.Optional;

/**
 * The EU and EEA member states and GB ({@code law.md}):
 *
 * <ul>
 *   <li>Soft opt-in: with implied consent on, a purchase or inquiry by the same entity with an
 *       opt-out offered stands in for {@code OFFER}/{@code PROMOTION} on email, text and post,
 *       with no time limit. ePrivacy Directive 2002/58/EC Art. 13(2); UK PECR reg. 22(3); ICO
 *       guidance on electronic mail marketing.
 *   <li>Objection is absolute and covers every channel, post included: GDPR Art. 21(2)-(3)
 *       (the model already applies it).
 *   <li>Consent quality: pre-ticked boxes are no consent, GDPR Art. 4(11), Recital 32, CJEU
 *       C-673/17 Planet49; the sender must be able to show it, Art. 7(1) (the model's validity
 *       rule).
 *   <li>DE only: every grant on email needs double opt-in confirmation: UWG s.7(2).
 * </ul>
 */
final class EuropePack extends JurisdictionPack {
  static final EuropePack EUROPE = new EuropePack(ImmutableSet.of());
  static final EuropePack GERMANY = new EuropePack(ImmutableSet.of(Channel.EMAIL));

  static final String SOFT_OPT_IN =
      "ePrivacy Directive 2002/58/EC Art. 13(2); UK PECR reg. 22(3)";
  static final String DOUBLE_OPT_IN = "UWG s.7(2)";

  private final ImmutableSet<Channel> doubleOptIn;

  private EuropePack(ImmutableSet<Channel> doubleOptIn) {
    this.doubleOptIn = doubleOptIn;
  }

  @Override
  ImmutableSet<Channel> doubleOptIn() {
    return doubleOptIn;
  }

  @Override
  ImmutableSet<Channel> impliedConsentChannels() {
    return ImmutableSet.of(Channel.EMAIL, Channel.SMS, Channel.POST);
  }

  @Override
  ImpliedConsent impliedConsent(Evaluation evaluation) {
    ImmutableList.Builder<Reason> failures = ImmutableList.builder();
    Optional<String> entity = evaluation.outreach().entity();
    LedgerEvent qualifying = null;
    for (LedgerEvent event : evaluation.state().events()) {
      Optional<String> eventEntity;
      boolean optOutOffered;
      if (event instanceof Purchased) {
        eventEntity = ((Purchased) event).entity();
        optOutOffered = ((Purchased) event).optOutOffered();
      } else if (event instanceof Inquired) {
        eventEntity = ((Inquired) event).entity();
        optOutOffered = ((Inquired) event).optOutOffered();
      } else {
        continue;
      }
      boolean sameEntity = eventEntity.equals(entity);
      if (sameEntity && optOutOffered) {
        qualifying = event;
        continue;
      }
      if (!optOutOffered) {
        failures.add(evaluation.messages().noOptOutOffered(event));
      }
      if (!sameEntity) {
        failures.add(evaluation.messages().impliedOtherEntity(event, eventEntity, SOFT_OPT_IN));
      }
    }
    return qualifying != null
        ? ImpliedConsent.by(qualifying)
        : ImpliedConsent.none(failures.build());
  }
}
