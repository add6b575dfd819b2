package dev.rapport.crm.law;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.RelationshipEvent;
import dev.rapport.crm.policy.ImpliedConsent;
import dev.rapport.crm.policy.JurisdictionPack;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Situation;
import dev.rapport.crm.policy.Wording;
import dev.rapport.crm.relationship.Channel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The EU and EEA member states and GB ({@code RULES.md}, EU, EEA and GB):
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
final class EuropePack implements JurisdictionPack {
  private static final ImmutableSet<String> EU_EEA_AND_GB =
      ImmutableSet.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
          "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
          "GB");
  private static final ImmutableSet<Channel> IMPLIED_CONSENT_CHANNELS =
      ImmutableSet.of(Channel.EMAIL, Channel.SMS, Channel.POST);

  static final String SOFT_OPT_IN = "ePrivacy Directive 2002/58/EC Art. 13(2); UK PECR reg. 22(3)";
  static final String DOUBLE_OPT_IN = "UWG s.7(2)";

  static final EuropePack EUROPE = new EuropePack(false);
  static final EuropePack GERMANY = new EuropePack(true);

  private final boolean germany;

  private EuropePack(boolean germany) {
    this.germany = germany;
  }

  @Override
  public boolean governs(Jurisdiction jurisdiction) {
    String country = jurisdiction.country();
    return germany ? country.equals("DE") : EU_EEA_AND_GB.contains(country) && !country.equals("DE");
  }

  @Override
  public Set<Channel> doubleOptIn() {
    return germany ? ImmutableSet.of(Channel.EMAIL) : ImmutableSet.of();
  }

  @Override
  public Optional<String> doubleOptInCitation(Channel channel) {
    return germany && channel == Channel.EMAIL ? Optional.of(DOUBLE_OPT_IN) : Optional.empty();
  }

  @Override
  public Set<Channel> impliedConsentChannels() {
    return IMPLIED_CONSENT_CHANNELS;
  }

  @Override
  public ImpliedConsent impliedConsent(Situation situation) {
    Optional<String> entity = situation.outreach().entity();
    RelationshipEvent qualifying = null;
    List<RelationshipEvent> events = situation.standing().relationshipEvents();
    for (int i = 0; i < events.size(); i++) {
      RelationshipEvent event = events.get(i);
      if (event.optOutOffered() && event.entity().equals(entity)) {
        qualifying = event;
      }
    }
    if (qualifying != null) {
      return ImpliedConsent.by(qualifying);
    }
    // None qualifies: why, event by event (the failures are made only here).
    ImmutableList.Builder<Reason> failures = ImmutableList.builder();
    for (int i = 0; i < events.size(); i++) {
      RelationshipEvent event = events.get(i);
      if (!event.optOutOffered()) {
        failures.add(noOptOutOffered(situation, event));
      }
      if (!event.entity().equals(entity)) {
        failures.add(RelationshipWindow.otherEntity(situation, event, SOFT_OPT_IN));
      }
    }
    return ImpliedConsent.none(failures.build());
  }

  private static Reason noOptOutOffered(Situation situation, RelationshipEvent event) {
    return Reason.explained(
        ReasonCode.NO_OPT_OUT_OFFERED,
        Optional.of(event.id()),
        () ->
            "The " + Wording.kind(event) + " of " + Wording.date(situation.zone(), event.at())
                + " came without a marketing opt-out offer, so it implies no consent ("
                + SOFT_OPT_IN + ").");
  }
}
