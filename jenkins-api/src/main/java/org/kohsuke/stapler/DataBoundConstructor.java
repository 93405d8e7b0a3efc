// Signatures only, no upstream code: mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/DataBoundConstructor.java @ stapler 2088.v915606dc8e86 (what Jenkins 2.568.1 ships).
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
@Documented
public @interface DataBoundConstructor {
}
