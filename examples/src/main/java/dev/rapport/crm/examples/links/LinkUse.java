package dev.rapport.crm.examples.links;

/** What a signed link is for; a token made for one use is refused for the other. */
public enum LinkUse {
  /** The RFC 8058 one-click unsubscribe link of {@code List-Unsubscribe}. */
  UNSUBSCRIBE,
  /** The link that opens the customer's preference page. */
  PREFERENCES
}
