/**
 * Rapport's core: the relationship model, the append-only ledger, the store SPI and the policy
 * engine. Depends on Guava only.
 */
module dev.rapport.crm.core {
  requires com.google.common;
  requires static transitive org.jspecify;
  requires static org.immutables.value;

  exports dev.rapport.crm.campaign;
  exports dev.rapport.crm.customer;
  exports dev.rapport.crm.law;
  exports dev.rapport.crm.ledger;
  exports dev.rapport.crm.limits;
  exports dev.rapport.crm.policy;
  exports dev.rapport.crm.relationship;
  exports dev.rapport.crm.store;
}
