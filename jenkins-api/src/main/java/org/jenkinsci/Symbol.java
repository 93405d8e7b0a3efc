// Signatures only, no upstream code: mirrors jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java
// @ symbol-annotation 1.26 (the version structs and Jenkins 2.568.1 use).
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
