// Signatures only, no upstream code: mirrors jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/interceptor/RequirePOST.java @ stapler 2088.v915606dc8e86 (what Jenkins 2.568.1 ships).
package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {
}
