package dev.rapport.crm.examples.email;

/**
 * What the sender's address book holds of a customer: the ledger keeps ids only, never personal
 * data. The fields beyond the address feed personalization, each only up to the level the
 * decision allows ({@link SmtpDelivery}).
 *
 * @param address the email address, as typed by the customer (checked when sending)
 * @param firstName the first name, used from personalization level {@code BASIC}
 * @param interest what the customer said they like, used from {@code DECLARED}
 * @param recentPurchase what the business inferred from purchases, used only at {@code INFERRED}
 */
public record Recipient(String address, String firstName, String interest, String recentPurchase) {}
