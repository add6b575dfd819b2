package dev.rapport.crm.ledger;

/** Where a piece of {@link Evidence} was captured ({@code crm-jackson/README.md}, Evidence). */
public enum Source {
  /** A form on the web. */
  WEB_FORM,
  /** The business's preference center. */
  PREFERENCE_CENTER,
  /** A box or choice at checkout. */
  CHECKOUT,
  /** A link in an email. */
  EMAIL_LINK,
  /** An RFC 8058 one-click unsubscribe. */
  ONE_CLICK_UNSUBSCRIBE,
  /** A keyword texted by the customer, such as STOP. */
  SMS_KEYWORD,
  /** A phone call. */
  PHONE,
  /** In person. */
  IN_PERSON,
  /** On paper. */
  PAPER,
  /** An import of records captured elsewhere; needs {@link Evidence#capturedAt()}. */
  IMPORT,
  /** A call of the business's own API. */
  API;

  /**
   * Whether staff can record the customer's own words through this source: the phone, in person
   * or on paper ({@code RULES.md} "Evidence and valid consent").
   */
  public boolean isStaffRecordable() {
    return this == PHONE || this == IN_PERSON || this == PAPER;
  }
}
