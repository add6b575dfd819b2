/**
 * Rapport's JSON wire format for Jackson 3 ({@code crm-jackson/README.md}): the
 * {@link dev.rapport.crm.jackson.RapportModule}, the {@link dev.rapport.crm.jackson.RapportJson}
 * facade and the {@link dev.rapport.crm.jackson.WireFormatException} of strict reading. The
 * serializers and deserializers are package-private.
 */
@NullMarked
package dev.rapport.crm.jackson;

import org.jspecify.annotations.NullMarked;
