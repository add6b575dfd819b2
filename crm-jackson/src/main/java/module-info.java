/**
 * Rapport's JSON wire format (Jackson 3), the conformance runner of scenario files, and two durable
 * ledger stores: an embedded journal and PostgreSQL (plain JDBC; the driver is the user's).
 *
 * <p>{@link dev.rapport.crm.jackson.RapportModule} is provided as a Jackson module, so
 * {@code JsonMapper.builder().findAndAddModules()} finds it.
 */
module dev.rapport.crm.jackson {
  requires transitive dev.rapport.crm.core;
  requires transitive tools.jackson.databind;
  requires transitive java.sql;
  requires com.google.common;
  requires static org.jspecify;

  exports dev.rapport.crm.jackson;
  exports dev.rapport.crm.conformance;
  exports dev.rapport.crm.scenario;
  exports dev.rapport.crm.jackson.journal;
  exports dev.rapport.crm.jackson.postgres;

  provides tools.jackson.databind.JacksonModule with
      dev.rapport.crm.jackson.RapportModule;
}
