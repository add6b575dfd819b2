/**
 * The bounds of every value Rapport accepts ({@code RULES.md}, "Bounds of values"): instants,
 * durations, strings and time zones. The core refuses a value outside them at construction and
 * the wire format reader applies the same bounds, so whatever the core accepts can be written
 * and read back.
 */
@NullMarked
package dev.rapport.crm.limits;

import org.jspecify.annotations.NullMarked;
