package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).


import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.relationship.Channel;
import java.time.Period;

/**
 * Canada, CASL ({@code law.md} CA):
 *
 * <ul>
 *   <li>Express consent does not expire until withdrawn (CRTC guidance on implied consent);
 *       a grant's own {@code expiresAt} still applies.
 *   <li>Implied consent, with the option on: a purchase within 2 years or an inquiry within 6
 *       months before the send day, by the same entity, stands in for {@code OFFER}/{@code
 *       PROMOTION} on email, text and post. CASL s.10(9)(a), s.10(10).
 * </ul>
 */
final class CanadaPack extends JurisdictionPack {
  static final CanadaPack INSTANCE = new CanadaPack();

  private static final RelationshipWindow IMPLIED =
      new RelationshipWindow(Period.ofYears(2), Period.ofMonths(6), "CASL s.10(9)(a), s.10(10)");

  private CanadaPack() {}

  @Override
  ImmutableSet<Channel> impliedConsentChannels() {
    return ImmutableSet.of(Channel.EMAIL, Channel.SMS, Channel.POST);
  }

  @Override
  ImpliedConsent impliedConsent(Evaluation evaluation) {
    return IMPLIED.judge(evaluation);
  }
}
