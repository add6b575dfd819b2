package dev.rapport.crm.examples.web;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.util.Map;

/** The relationship in the customer's words, as the preference page says it. */
final class Words {
  private static final Map<Intent, String> INTENTS =
      Map.of(
          Intent.DEALS, "Deals only: a discount now and then, nothing more",
          Intent.PROMOTION, "Permission to promote: news of your products and offers",
          Intent.SUPPORT, "Support when something breaks",
          Intent.ONE_TO_ONE, "One person on your staff I can talk to",
          Intent.KNOWLEDGE, "Things worth knowing beyond your products",
          Intent.ADVOCACY, "I'd recommend you: ask me for a review or a referral",
          Intent.FEEDBACK, "Ask me what I think of you");
  private static final Map<Channel, String> CHANNELS =
      Map.of(
          Channel.EMAIL, "By e-mail",
          Channel.SMS, "By text message",
          Channel.CALL, "By phone call",
          Channel.POST, "By post",
          Channel.PUSH, "By app notification",
          Channel.SOCIAL, "By social media message");
  private static final Map<Purpose, String> PURPOSES =
      Map.of(
          Purpose.OFFER, "deals and offers",
          Purpose.PROMOTION, "news and promotions",
          Purpose.SERVICE, "support follow-ups",
          Purpose.RESEARCH, "surveys",
          Purpose.CONTENT, "articles and guides",
          Purpose.ADVOCACY, "review requests",
          Purpose.PERSONAL, "messages from your contact person");

  private Words() {}

  static String of(Intent intent) {
    return INTENTS.get(intent);
  }

  static String of(Channel channel) {
    return CHANNELS.get(channel);
  }

  static String of(Purpose purpose) {
    return PURPOSES.getOrDefault(purpose, purpose.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " messages");
  }
}
