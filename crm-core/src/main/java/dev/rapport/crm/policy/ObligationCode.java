package dev.rapport.crm.policy;

/** What an allowed message must honour ({@code RULES.md} 5). */
public enum ObligationCode {
  /** Include a working unsubscribe. */
  INCLUDE_UNSUBSCRIBE,
  /**
   * Add RFC 8058 {@code List-Unsubscribe} (an HTTPS URI) and {@code List-Unsubscribe-Post:
   * List-Unsubscribe=One-Click} headers, covered by the DKIM signature.
   */
  ONE_CLICK_UNSUBSCRIBE,
  /** Name the sender and give its postal address. */
  IDENTIFY_SENDER,
  /** Strip open and click tracking. */
  NO_TRACKING,
  /** Personalize no deeper than the level in the obligation's detail. */
  LIMIT_PERSONALIZATION
}
