// Signatures only, no upstream code: mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/interceptor/RequirePOST.java @ stapler 2050.v425108fd5089 (what Jenkins 2.541.3 ships).
package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {
}
