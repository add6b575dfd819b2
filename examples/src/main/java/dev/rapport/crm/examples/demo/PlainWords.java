package dev.rapport.crm.examples.demo;

import java.util.Map;

/** Reason codes in a marketer's words. */
public final class PlainWords {
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("TRANSACTIONAL", "a transactional message needs no consent"),
          Map.entry("REPLY_TO_CUSTOMER", "answers a contact the customer started"),
          Map.entry("DECLARED_INTENT", "the customer asked for exactly this"),
          Map.entry("IMPLIED_CONSENT", "an existing customer relationship allows it (soft opt-in)"),
          Map.entry("ERASED", "the customer's data was erased"),
          Map.entry("UNKNOWN_CUSTOMER", "nobody by that id is on record"),
          Map.entry("NO_OPEN_INQUIRY", "a reply, but the customer asked nothing recently"),
          Map.entry("NO_DECLARED_RELATIONSHIP", "the customer never declared any relationship"),
          Map.entry("BEYOND_DECLARED_RELATIONSHIP", "the customer asked for something else"),
          Map.entry("CHANNEL_NOT_DECLARED", "the right kind of message, the wrong channel"),
          Map.entry("WITHDRAWN", "the customer withdrew it"),
          Map.entry("OBJECTED", "the customer objected to all marketing"),
          Map.entry("EXPIRED", "the customer's permission ran out"),
          Map.entry("AWAITING_CONFIRMATION", "double opt-in not confirmed yet"),
          Map.entry("INVALID_CONSENT", "the only 'consent' on file does not count (pre-ticked, no proof)"),
          Map.entry("OTHER_ENTITY", "the customer's relationship is with another company of the group"),
          Map.entry("SENDER_NOT_PERMITTED", "the customer chose a different person to hear from"),
          Map.entry("NO_OPT_OUT_OFFERED", "no opt-out was offered when they bought, so no soft opt-in"),
          Map.entry("IMPLIED_CONSENT_EXPIRED", "the last purchase or question is too long ago"),
          Map.entry("WRITTEN_CONSENT_REQUIRED", "automated texts and calls need signed written consent"),
          Map.entry("DO_NOT_CALL_REGISTRY", "the number is on the do-not-call registry"),
          Map.entry("CONSENT_REQUEST_IS_MARKETING", "asking for consent is itself marketing"),
          Map.entry("QUIET_HOURS", "inside the customer's quiet hours"),
          Map.entry("FREQUENCY_CAP", "the customer's limit of messages per week is reached"),
          Map.entry("COOL_OFF", "too soon after a purchase"),
          Map.entry("CALLING_HOURS", "outside the legal calling hours"),
          Map.entry("CALL_LIMIT", "the legal limit of calls per day is reached"));

  private PlainWords() {}

  /** The code in plain words; a team's own code is shown as it is. */
  public static String of(String code) {
    return WORDS.getOrDefault(code, "a rule of your own (" + code + ")");
  }
}
