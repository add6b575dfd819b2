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
  exports dev.rapport.crm.ledger;
  exports dev.rapport.crm.limits;
  exports dev.rapport.crm.policy;
  exports dev.rapport.crm.relationship;
  exports dev.rapport.crm.store;

  // The built-in law reaches the engine as a service, so that policy needs no class of law.
  uses dev.rapport.crm.policy.JurisdictionPack.Library;

  provides dev.rapport.crm.policy.JurisdictionPack.Library with
      dev.rapport.crm.law.BuiltInLaw;
}
