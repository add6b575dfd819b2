/**
 * The law of each jurisdiction, one {@link dev.rapport.crm.law.JurisdictionPack} per
 * jurisdiction ({@code RULES.md}, The law): every rule, constant, citation and sentence of a law
 * lives with its pack. A pack sees an immutable {@link dev.rapport.crm.law.Situation} and
 * answers with what it adds; a team adds a jurisdiction of its own through the engine's builder.
 */
@NullMarked
package dev.rapport.crm.law;

import org.jspecify.annotations.NullMarked;

