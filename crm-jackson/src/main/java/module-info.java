/**
 * Rapport's JSON wire format (Jackson 3) and the conformance runner of scenario files.
 *
 * <p>{@link dev.rapport.crm.jackson.RapportModule} is provided as a Jackson module, so
 * {@code JsonMapper.builder().findAndAddModules()} finds it.
 */
module dev.rapport.crm.jackson {
  requires transitive dev.rapport.crm.core;
  requires transitive tools.jackson.databind;
  requires static org.jspecify;

  exports dev.rapport.crm.jackson;
  exports dev.rapport.crm.conformance;
  exports dev.rapport.crm.jackson.journal;

  provides tools.jackson.databind.JacksonModule with
      dev.rapport.crm.jackson.RapportModule;
}
