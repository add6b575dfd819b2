/**
 * The model of a conformance scenario file ({@code rapport-scenario/1}, crm-jackson/README.md,
 * "Scenario files"): a {@link dev.rapport.crm.scenario.Scenario} of
 * {@link dev.rapport.crm.scenario.Check}s, each with the
 * {@link dev.rapport.crm.scenario.Expectation} its decision must meet. The wire format reads it
 * ({@code RapportJson.readScenario}); the conformance runner runs it. It depends on neither, so
 * that the two depend on it and not on each other.
 */
@NullMarked
package dev.rapport.crm.scenario;

import org.jspecify.annotations.NullMarked;
