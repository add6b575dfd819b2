package dev.rapport.crm.law;

import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.policy.ImpliedConsent;
import dev.rapport.crm.policy.JurisdictionPack;
import dev.rapport.crm.policy.Situation;
import dev.rapport.crm.relationship.Channel;
import java.time.Period;
import java.util.Set;

/**
 * Canada, CASL ({@code RULES.md}, CA):
 *
 * <ul>
 *   <li>Express consent does not expire until withdrawn (CRTC guidance on implied consent);
 *       a grant's own {@code expiresAt} still applies.
 *   <li>Implied consent, with the option on: a purchase within 2 years or an inquiry within 6
 *       months before the send day, by the same entity, stands in for {@code OFFER}/{@code
 *       PROMOTION} on email, text and post. CASL s.10(9)(a), s.10(10).
 * </ul>
 */
final class CanadaPack implements JurisdictionPack {
  static final CanadaPack INSTANCE = new CanadaPack();

  private static final ImmutableSet<Channel> IMPLIED_CONSENT_CHANNELS =
      ImmutableSet.of(Channel.EMAIL, Channel.SMS, Channel.POST);
  private static final RelationshipWindow IMPLIED =
      new RelationshipWindow(Period.ofYears(2), Period.ofMonths(6), "CASL s.10(9)(a), s.10(10)");

  private CanadaPack() {}

  @Override
  public boolean governs(Jurisdiction jurisdiction) {
    return jurisdiction.country().equals("CA");
  }

  @Override
  public Set<Channel> impliedConsentChannels() {
    return IMPLIED_CONSENT_CHANNELS;
  }

  @Override
  public ImpliedConsent impliedConsent(Situation situation) {
    return IMPLIED.judge(situation);
  }
}
