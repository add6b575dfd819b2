/**
 * The built-in law of each jurisdiction, one {@link dev.rapport.crm.policy.JurisdictionPack} per
 * jurisdiction ({@code RULES.md}, The law): every rule, constant, citation and sentence of a law
 * lives with its pack. The packs are written against the engine's pack interface and reach the
 * engine as a service of crm-core's module ({@link dev.rapport.crm.law.BuiltInLaw}), so the
 * dependency runs one way: {@code law} uses {@code policy}'s vocabulary, {@code policy} knows no
 * class of {@code law}. A team adds a jurisdiction of its own through the engine's builder.
 * Not exported: nothing here is API.
 */
@NullMarked
package dev.rapport.crm.law;

import org.jspecify.annotations.NullMarked;

