package dev.rapport.crm.relationship;

/** How an outreach reaches the customer ({@code RULES.md} "Channels and senders"). */
public enum Channel {
  /** Electronic mail. */
  EMAIL,
  /** Text messages. */
  SMS,
  /** Voice calls. */
  CALL,
  /** Letters and printed mail. */
  POST,
  /** Push notifications of an app. */
  PUSH,
  /** A private message on a social network or messenger. */
  SOCIAL
}
