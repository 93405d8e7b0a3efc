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
# Helpers in lib.sh; same approach as jenkins-from-source: git archive at the release tag, drop .mvn (git-changelist
# extension and incrementals), drop BOM imports and test-scope dependencies, give every Jenkins dependency the version
# present in SHARED_REPO, literal plugin versions, mvn install with tests/enforcer/spotbugs/license skipped.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,9p "$0"; exit 2; }
MIRROR=$(cd "$1" && pwd); mkdir -p "$2"; OUT=$(cd "$2" && pwd); WORK=${3:-$OUT/work}; mkdir -p "$WORK/logs"; WORK=$(cd "$WORK" && pwd)
. "$(dirname "$0")/lib.sh"

# what is built (release tags of the snapshots; HEAD of each is only CI/parent bumps past them)
GA_REPO=jenkinsci+pipeline-graph-analysis-plugin; GA_REF=254.v0f63a_a_447dca_; GA_VER=254.v0f63a_a_447dca_
SV_REPO=jenkinsci+pipeline-stage-view-plugin;     SV_REF=pipeline-stage-view-2.41; SV_VER=2.41
# plugin parents the tags ask for that SHARED_REPO lacks -> a built one (6.2211 is what stage-view HEAD uses)
PARENT_SUBST="6.2138.v03274d462c13=6.2211.v27f680c93c53"
jfs_init

# 1. pipeline-graph-analysis
d="$WORK/pipeline-graph-analysis"; c=$(export_src $GA_REPO $GA_REF "$d")
repin "$d" "$GA_VER"
mvn_install pipeline-graph-analysis "$d"
cp "$d/target/pipeline-graph-analysis.hpi" "$OUT/plugins/pipeline-graph-analysis.hpi"
manifest "org.jenkins-ci.plugins:pipeline-graph-analysis:$GA_VER" $GA_REPO $GA_REF $c "jenkins.version 2.578; .mvn dropped; $(cat "$d/.subst")"
echo "built pipeline-graph-analysis $GA_VER"

# 2. pipeline-rest-api (module rest-api; the ui module, Stage View itself, is not built)
d="$WORK/pipeline-stage-view"; c=$(export_src $SV_REPO $SV_REF "$d")
repin "$d" "$SV_VER" "pipeline-graph-analysis=$GA_VER" -module:ui
mvn_install pipeline-rest-api "$d" -pl .,rest-api
cp "$d/rest-api/target/pipeline-rest-api.hpi" "$OUT/plugins/pipeline-rest-api.hpi"
manifest "org.jenkins-ci.plugins.pipeline-stage-view:pipeline-rest-api:$SV_VER" $SV_REPO $SV_REF $c "jenkins.version 2.578; .mvn dropped; $(cat "$d/.subst")"
echo "built pipeline-rest-api $SV_VER"
cat "$OUT/MANIFEST.txt"
