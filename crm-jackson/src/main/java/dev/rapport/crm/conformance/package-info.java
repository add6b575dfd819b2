/**
 * The conformance runner: reads {@code rapport-scenario/1} files
 * ({@link dev.rapport.crm.scenario.Scenario}), asks the policy engine for each
 * {@link dev.rapport.crm.scenario.Check} and compares the decision with its
 * {@link dev.rapport.crm.scenario.Expectation} ({@code wire-format.md}, Scenario files).
 */
@NullMarked
package dev.rapport.crm.conformance;

import org.jspecify.annotations.NullMarked;
