// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/Job.java @ jenkins-2.541.3.
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Job(ItemGroup parent, String name) {
    }
}
