package io.devices.web.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource's wire-record parameter whose body may be left out: no body or an empty one
 * binds to null. A body that is sent must be {@code application/json} (else 415), since such a
 * resource cannot declare {@code @Consumes} without refusing the requests that send none.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface OptionalBody {}
