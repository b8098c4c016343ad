package io.devices.web.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose URL carries its own authorization (a signature checked by the use
 * case), such as an export download link: {@link AccessFilter} asks for no token, and the response
 * need not be JSON.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignedLink {}
