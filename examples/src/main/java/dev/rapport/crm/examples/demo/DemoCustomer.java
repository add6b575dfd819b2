package dev.rapport.crm.examples.demo;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.List;
import java.util.Optional;

/**
 * One generated customer: the profile and ledger events to record, and the facts a marketer's
 * lists know (who has a mobile number, who has an account manager, who bought or asked).
 * Campaigns pick their audience from these facts, never from consent: gating is the engine's job.
 *
 * @param profile the customer's profile (an id, never personal data)
 * @param segment the relationship the customer declared
 * @param events the ledger events to record, in order
 * @param mobile whether the business has a mobile number (texts and calls)
 * @param accountManager the staff member the CRM assigns to the customer, if any
 * @param purchased whether the customer ever bought something
 * @param inquired whether the customer ever contacted support
 */
public record DemoCustomer(
    CustomerProfile profile,
    Segment segment,
    List<LedgerEvent> events,
    boolean mobile,
    Optional<String> accountManager,
    boolean purchased,
    boolean inquired) {

  /** The customer's id. */
  public String id() {
    return profile.id();
  }
}
