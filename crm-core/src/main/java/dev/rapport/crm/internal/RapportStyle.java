package dev.rapport.crm.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of crm-core, declared once as a style meta-annotation and put on every
 * package that holds {@code @Value.Immutable} types: generated implementations are
 * package-private and hidden behind the abstract value type, and carry no {@code copy} methods.
 *
 * <p>This package is not exported by the module: the style is a build-time detail, not API.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = false))
public @interface RapportStyle {}
