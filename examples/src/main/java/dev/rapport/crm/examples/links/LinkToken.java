package dev.rapport.crm.examples.links;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;

/**
 * What a signed link says: who it is for, what it may change, when it was issued and the
 * message it came in. {@link LinkSigner} turns it into text and back.
 *
 * @param use what the link is for
 * @param customerId the customer the link acts for
 * @param purpose the purpose of the message the link came in
 * @param channel the channel of that message
 * @param entity the legal entity that sent it (empty for none)
 * @param issuedAt when the link was made (whole seconds)
 * @param messageId the {@code Message-ID} of the message the link came in
 */
public record LinkToken(
    LinkUse use,
    String customerId,
    Purpose purpose,
    Channel channel,
    String entity,
    Instant issuedAt,
    String messageId) {

  /** Refuses fields a token cannot carry. */
  public LinkToken {
    checkField("customer id", customerId, false);
    checkField("entity", entity, true);
    checkField("message id", messageId, false);
    checkArgument(issuedAt.getNano() == 0, "a link's issue time is in whole seconds, got %s", issuedAt);
  }

  private static void checkField(String name, String value, boolean mayBeEmpty) {
    checkArgument(mayBeEmpty || !value.isEmpty(), "a link's %s must not be empty", name);
    checkArgument(
        value.chars().noneMatch(c -> c == LinkSigner.SEPARATOR || Character.isISOControl(c)),
        "a link's %s must not contain '%s' or control characters: %s",
        name,
        LinkSigner.SEPARATOR,
        value);
  }
}
