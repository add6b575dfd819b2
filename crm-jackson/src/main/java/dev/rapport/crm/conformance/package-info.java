/**
 * The conformance runner: reads {@code rapport-scenario/1} files
 * ({@link dev.rapport.crm.conformance.Scenario}), asks the policy engine for each
 * {@link dev.rapport.crm.conformance.Check} and compares the decision with its
 * {@link dev.rapport.crm.conformance.Expectation} ({@code wire-format.md}, Scenario files).
 */
@NullMarked
package dev.rapport.crm.conformance;

import org.jspecify.annotations.NullMarked;
