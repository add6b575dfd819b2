package dev.rapport.crm.examples.email;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Who sends: the name and address in {@code From}, the postal address shown when a decision
 * carries {@code IDENTIFY_SENDER}, and the domain the DKIM signature and message ids are made
 * for.
 *
 * @param name the sender's name, such as {@code Northwind Outfitters}
 * @param address the sender's email address, such as {@code news@northwind.example}
 * @param postalAddress the sender's postal address
 */
public record SenderIdentity(String name, String address, String postalAddress) {
  /** Refuses an address without a domain. */
  public SenderIdentity {
    checkArgument(!name.isBlank(), "the sender needs a name");
    checkArgument(!postalAddress.isBlank(), "the sender needs a postal address (CAN-SPAM, IDENTIFY_SENDER)");
    checkArgument(address.indexOf('@') > 0 && address.indexOf('@') < address.length() - 1, "not an email address: %s", address);
  }

  /** The domain of the sender's address. */
  public String domain() {
    return address.substring(address.indexOf('@') + 1);
  }
}
