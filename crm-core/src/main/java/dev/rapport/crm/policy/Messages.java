package dev.rapport.crm.policy;

/** The sentences of built-in reasons: ids, codes and dates only, never personal data. */
final class Messages {
  private Messages() {}

  static String unknownCustomer(String customerId, Outreach outreach) {
    return "No customer " + customerId + " is known; " + outreach.purpose() + " is denied (fail closed).";
  }
}
