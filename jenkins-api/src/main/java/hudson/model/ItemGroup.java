// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ItemGroup.java @ jenkins-2.541.3.
package hudson.model;

public interface ItemGroup<T extends Item> {
}
