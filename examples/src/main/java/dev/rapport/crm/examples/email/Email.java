package dev.rapport.crm.examples.email;

import java.util.Map;

/**
 * An email as handed to the mail transport: headers, a body, and whether it carries open and
 * click tracking (a pixel and redirected links).
 *
 * @param customerId the recipient's customer id (the transport looks up the address)
 * @param subject the subject line
 * @param headers extra headers, such as {@code List-Unsubscribe}
 * @param body the text of the message
 * @param tracking whether the message carries open and click tracking
 */
public record Email(
    String customerId, String subject, Map<String, String> headers, String body, boolean tracking) {

  /** The RFC 8058 header naming the HTTPS unsubscribe URI. */
  public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
  /** The RFC 8058 header saying the URI accepts a one-click POST. */
  public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

  /** Copies the header map so the email cannot change after it is built. */
  public Email {
    headers = Map.copyOf(headers);
  }
}
