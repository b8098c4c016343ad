package io.devices.web.access;

import io.devices.core.auth.Action;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the action a resource method performs. {@link AccessFilter} lets the request through only
 * when the caller's token allows that action on the application in the path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allows {
  Action value();
}
