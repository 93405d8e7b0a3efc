// Users for the build page test: Jenkins' own user database, matrix-based security. admin administers; bob and
// mallory may read and build jobs, and only bob is among approval-flow's submitters (release-approvers,alice,bob);
// eve may only see Jenkins itself, not its jobs.
import hudson.security.HudsonPrivateSecurityRealm
import hudson.security.GlobalMatrixAuthorizationStrategy
import hudson.model.Item
import jenkins.model.Jenkins
import org.jenkinsci.plugins.matrixauth.PermissionEntry

def jenkins = Jenkins.get()
def realm = new HudsonPrivateSecurityRealm(false, false, null)
['admin', 'bob', 'mallory', 'eve'].each { realm.createAccount(it, it + '-Secret-2026') }
jenkins.securityRealm = realm
def matrix = new GlobalMatrixAuthorizationStrategy()
matrix.add(Jenkins.ADMINISTER, PermissionEntry.user('admin'))
['bob', 'mallory'].each { user ->
  [Jenkins.READ, Item.READ, Item.BUILD, Item.CANCEL].each { matrix.add(it, PermissionEntry.user(user)) }
}
matrix.add(Jenkins.READ, PermissionEntry.user('eve'))
jenkins.authorizationStrategy = matrix
jenkins.save()
