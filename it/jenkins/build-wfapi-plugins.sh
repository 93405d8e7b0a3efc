#!/usr/bin/env bash
# Build pipeline-graph-analysis and pipeline-rest-api (the `wfapi` REST API of Pipeline Stage View, module
# `rest-api` of jenkinsci/pipeline-stage-view-plugin) from bare git snapshots, against the Jenkins 2.578
# built from source in /work/shared/jenkins/repository (see /work/shared/tools/jenkins-from-source/).
#
#   it/jenkins/build-wfapi-plugins.sh MIRROR OUT [WORK]
#
# MIRROR holds bare snapshots as OWNER+NAME/repo (jenkinsci+pipeline-graph-analysis-plugin,
# jenkinsci+pipeline-stage-view-plugin). Leaves OUT/plugins/<artifactId>.hpi and OUT/MANIFEST.txt (one line
# per artifact: G:A:V, repo, ref, commit, substitutions). Logs in WORK/logs.
# Tested: empty M2, Maven 3.9.11, JDK 25: both build in ~1 min; Jenkins 2.578 + the 55 runtime plugins of
# /work/shared/jenkins loads them and wfapi/pendingInputActions lists a plain `input` step.
# env: JAVA_HOME (default Temurin 25), MVN (default mvn; must be Maven 3.9+), SHARED_REPO (default
#      /work/shared/jenkins/repository), M2 (local Maven repository, default WORK/m2: never ~/.m2),
#      M2_TAIL (optional read-only extra local repository, e.g. ~/.m2/repository, Maven 3.9 only).
# Same approach as jenkins-from-source: git archive at the release tag, drop .mvn (git-changelist extension
# and incrementals), drop BOM imports and test-scope dependencies, give every Jenkins dependency the version
# present in SHARED_REPO, literal plugin versions, mvn install with tests/enforcer/spotbugs/license skipped.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,9p "$0"; exit 2; }
MIRROR=$(cd "$1" && pwd); mkdir -p "$2"; OUT=$(cd "$2" && pwd); WORK=${3:-$OUT/work}; mkdir -p "$WORK/logs"; WORK=$(cd "$WORK" && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH="$JAVA_HOME/bin:$PATH"
MVN=${MVN:-mvn}; SHARED_REPO=${SHARED_REPO:-/work/shared/jenkins/repository}; M2=${M2:-$WORK/m2}
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}"
# Debian's Maven 3.8.7 fails here with "Unknown packaging: hpi" (cause not investigated): insist on 3.9+
mv=$(JAVA_HOME=$JAVA_HOME $MVN -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9.]*\).*/\1/p' | head -1)
case "$mv" in 3.9.*|4.*) ;; *) echo "need Maven 3.9+ (MVN=$MVN is '${mv:-not found}'); e.g. MVN=~/.m2/wrapper/dists/apache-maven-3.9.11/*/bin/mvn" >&2; exit 2;; esac

# what is built (release tags of the snapshots; HEAD of each is only CI/parent bumps past them)
GA_REPO=jenkinsci+pipeline-graph-analysis-plugin; GA_REF=254.v0f63a_a_447dca_; GA_VER=254.v0f63a_a_447dca_
SV_REPO=jenkinsci+pipeline-stage-view-plugin;     SV_REF=pipeline-stage-view-2.41; SV_VER=2.41
# plugin parents the tags ask for that SHARED_REPO lacks -> a built one (6.2211 is what stage-view HEAD uses)
PARENT_SUBST="6.2138.v03274d462c13=6.2211.v27f680c93c53"

SKIP="-B -ntp -DskipTests -Dmaven.test.skip=true -Denforcer.skip -Dspotbugs.skip -Dspotless.check.skip -Dspotless.apply.skip -Dcheckstyle.skip -Dmaven.javadoc.skip -Dlicense.skip -Daccess-modifier-checker.skip -Dinvoker.skip -Djacoco.skip -Dmaven.source.skip -Dgpg.skip"
POV="-Djenkins.version=2.578 -Djenkins-bom.version=2.578 -Dhpi-plugin.version=3.1814.v77d15159f9b_d -Dstapler-maven-plugin.version=278.vc90e156a_c20e -Dlicense-maven-plugin.version=210.v568d0b_a_2b_e44 -Daccess-modifier-checker.version=1.35 -Djenkins-test-harness.version=0 -Dskip.npm -Dskip.yarn -Dfrontend.skip"

# settings: SHARED_REPO beside Central; Jenkins' own repositories (declared by the POMs) mirrored to it
cat > "$WORK/settings.xml" <<XML
<settings>
  <localRepository>$M2</localRepository>
  <mirrors>
    <mirror><id>jenkins-from-source-mirror</id><mirrorOf>repo.jenkins-ci.org,incrementals</mirrorOf><url>file://$SHARED_REPO</url></mirror>
  </mirrors>
  <profiles><profile><id>jenkins-from-source</id>
    <repositories><repository><id>jenkins-from-source</id><url>file://$SHARED_REPO</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>jenkins-from-source</id><url>file://$SHARED_REPO</url></pluginRepository></pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>jenkins-from-source</activeProfile></activeProfiles>
</settings>
XML
MVNARGS="-s $WORK/settings.xml -Dmaven.repo.local=$M2 ${M2_TAIL:+-Dmaven.repo.local.tail=$M2_TAIL}"

export_src() { # repo ref dest -> prints commit
  local gd="$MIRROR/$1/repo"; [ -d "$gd" ] || gd="$MIRROR/$1"
  local c; c=$(git --git-dir="$gd" rev-parse "$2^{commit}")
  rm -rf "$3"; mkdir -p "$3"; git --git-dir="$gd" archive "$c" | tar -x -C "$3"; rm -rf "$3/.mvn"; echo "$c"; }

# POM edits. args: dir version-of-this-project [a=v ...extra pins]; writes the substitutions to dir/.subst
repin() { python3 - "$SHARED_REPO" "$PARENT_SUBST" "$@" <<'PY'
import os, re, sys
shared, psubst, root, ver = sys.argv[1:5]
extra = dict(a.split('=', 1) for a in sys.argv[5:])
psubst = dict(a.split('=', 1) for a in psubst.split())
runtime = open(os.path.join(os.path.dirname(shared.rstrip('/')), 'runtime.txt')).read() if os.path.exists(os.path.join(os.path.dirname(shared.rstrip('/')), 'runtime.txt')) else ''
notes = []
def shared_version(g, a):
    if a in extra: return extra[a]
    d = os.path.join(shared, g.replace('.', '/'), a)
    if not os.path.isdir(d): return None
    vs = sorted(v for v in os.listdir(d) if os.path.isdir(os.path.join(d, v)))
    inrt = [v for v in vs if '/%s/%s/' % (a, v) in runtime]
    return (inrt or vs)[-1] if vs else None
def dep(m):
    b = m.group(0)
    g = re.search(r'<groupId>\s*([^<\s]+)', b); a = re.search(r'<artifactId>\s*([^<\s]+)', b)
    if g and g.group(1) == 'io.jenkins.tools.bom':
        notes.append('BOM import %s dropped' % a.group(1)); return ''
    if re.search(r'<scope>\s*test\s*</scope>', b):
        notes.append('test dep %s dropped' % a.group(1)); return ''
    if not (g and a): return b
    v = shared_version(g.group(1), a.group(1))
    if v is None: return b
    if '<version>' in b:
        old = re.search(r'<version>([^<]*)</version>', b).group(1)
        if old != v: notes.append('%s %s->%s' % (a.group(1), old, v))
        return re.sub(r'<version>[^<]*</version>', '<version>%s</version>' % v, b, count=1)
    notes.append('%s=%s' % (a.group(1), v))
    return b.replace('</artifactId>', '</artifactId><version>%s</version>' % v, 1)
for d, ds, fs in os.walk(root):
    if 'pom.xml' not in fs or '/src' in os.path.relpath(d, root): continue
    p = os.path.join(d, 'pom.xml'); s = open(p).read()
    def par(m):
        b = m.group(0); v = re.search(r'<version>([^<]*)</version>', b).group(1)
        if v in psubst:
            notes.append('parent plugin %s->%s' % (v, psubst[v])); b = b.replace(v, psubst[v])
        return b
    s = re.sub(r'<parent>.*?</parent>', par, s, count=1, flags=re.S)
    s = re.sub(r'<dependency>.*?</dependency>', dep, s, flags=re.S)
    s = s.replace('${revision}${changelist}', ver).replace('${changelist}', ver)   # literal version (no git-changelist)
    s = re.sub(r'<module>ui</module>', '', s)                       # stage-view: rest-api only
    if os.path.abspath(d) == os.path.abspath(root):
        # the workflow-cps pom in SHARED_REPO asks for groovy-cps ${changelist} (999999-SNAPSHOT): pin the built one
        gv = shared_version('com.cloudbees', 'groovy-cps')
        e = '<dependency><groupId>com.cloudbees</groupId><artifactId>groovy-cps</artifactId><version>%s</version></dependency>' % gv
        if re.search(r'<dependencyManagement>\s*<dependencies>', s):
            s = re.sub(r'(<dependencyManagement>\s*<dependencies>)', lambda m: m.group(1) + e, s, count=1)
        else:
            s = s.replace('</project>', '<dependencyManagement><dependencies>%s</dependencies></dependencyManagement>\n</project>' % e)
        notes.append('groovy-cps managed at %s' % gv)
    open(p, 'w').write(s)
open(os.path.join(root, '.subst'), 'w').write('; '.join(dict.fromkeys(notes)))
PY
}

manifest() { # gav repo ref commit subst
  echo "$1 | github.com/${2/+//} | $3 | $4 | $5" >> "$OUT/MANIFEST.txt"; }

mkdir -p "$OUT/plugins"; : > "$OUT/MANIFEST.txt"
# 1. pipeline-graph-analysis
d="$WORK/pipeline-graph-analysis"; c=$(export_src $GA_REPO $GA_REF "$d")
repin "$d" "$GA_VER"
(cd "$d" && $MVN $MVNARGS $SKIP install $POV) > "$WORK/logs/pipeline-graph-analysis.log" 2>&1 || { echo "FAIL pipeline-graph-analysis: see $WORK/logs/pipeline-graph-analysis.log"; exit 1; }
cp "$d/target/pipeline-graph-analysis.hpi" "$OUT/plugins/pipeline-graph-analysis.hpi"
manifest "org.jenkins-ci.plugins:pipeline-graph-analysis:$GA_VER" $GA_REPO $GA_REF $c "jenkins.version 2.578; .mvn dropped; $(cat "$d/.subst")"
echo "built pipeline-graph-analysis $GA_VER"

# 2. pipeline-rest-api (module rest-api; the ui module, Stage View itself, is not built)
d="$WORK/pipeline-stage-view"; c=$(export_src $SV_REPO $SV_REF "$d")
repin "$d" "$SV_VER" "pipeline-graph-analysis=$GA_VER"
(cd "$d" && $MVN $MVNARGS $SKIP install $POV -pl .,rest-api) > "$WORK/logs/pipeline-rest-api.log" 2>&1 || { echo "FAIL pipeline-rest-api: see $WORK/logs/pipeline-rest-api.log"; exit 1; }
cp "$d/rest-api/target/pipeline-rest-api.hpi" "$OUT/plugins/pipeline-rest-api.hpi"
manifest "org.jenkins-ci.plugins.pipeline-stage-view:pipeline-rest-api:$SV_VER" $SV_REPO $SV_REF $c "jenkins.version 2.578; .mvn dropped; ui module not built; $(cat "$d/.subst")"
echo "built pipeline-rest-api $SV_VER"
cat "$OUT/MANIFEST.txt"
