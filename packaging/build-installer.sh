#!/usr/bin/env bash
# Builds MBRL Lab's installers for the platform it runs on, with jpackage (JDK 17+):
#   Linux: .deb (and .rpm when rpmbuild is installed)    Windows (Git Bash): .msi (needs WiX 3)
#   macOS: .dmg and .pkg (x86_64 or arm64, whichever the machine is)
#
#   packaging/build-installer.sh [TYPE ...]       TYPE: deb rpm msi exe dmg pkg app-image
#
# Each installer carries a trimmed Java runtime (jlink), the ND4J and JavaFX natives of the build machine
# (and no others: the script checks), an icon, a menu entry, the version from pom.xml and the platform's
# uninstaller. The installers land in $BUILD_DIR/installer/ (BUILD_DIR defaults to target).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-target}"
# Paths stay relative to the project (Git Bash would rewrite absolute ones on Windows); BUILD_DIR moves them.
buildOpt=(); [ -z "${BUILD_DIR:-}" ] || buildOpt=("-Dbuild.dir=$BUILD_DIR")

# ---- the platform, its Maven profile (ND4J natives) and its default installer types
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "build-installer: unknown platform $(uname -s)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  arm64|aarch64) arch=arm64 ;;
  *) echo "build-installer: unknown architecture $(uname -m)" >&2; exit 2 ;;
esac
# ND4J's classifier, and JavaFX's for the same platform
case "$os-$arch" in
  linux-x86_64) classifier=linux-x86_64; fx=linux ;;
  linux-arm64) classifier=linux-arm64; fx=linux-aarch64 ;;
  mac-x86_64) classifier=macosx-x86_64; fx=mac ;;
  mac-arm64) classifier=macosx-arm64; fx=mac-aarch64 ;;
  windows-x86_64) classifier=windows-x86_64; fx=win ;;
  *) echo "build-installer: no ND4J natives for $os-$arch" >&2; exit 2 ;;
esac
if [ $# -gt 0 ]; then types=("$@")
else case $os in
  linux) types=(deb); command -v rpmbuild >/dev/null && types+=(rpm) ;;
  mac) types=(dmg pkg) ;;
  windows) types=(msi) ;;
esac; fi

# ---- the app: classes (with Help › About's version, commit and build time) and its runtime jars
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
appVersion=${version%%-*}                  # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
input="$build/jpackage-input"
rm -rf "$input" "$build/installer"
# The ND4J profiles switch themselves on by platform (pom.xml), so none is named here.
mvn -B -q -DskipTests ${buildOpt[@]+"${buildOpt[@]}"} "-Dmbrllab.commit=$commit" clean compile \
  dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$input"
jar --create --file "$input/mbrl-lab-app.jar" -C "$build/classes" .

# ---- Linux: the classes start-up loads, for a class-data-sharing archive the package's postinst dumps
# at the installed path (a CDS archive checks its class path, so it cannot be made here). With the archive
# the installed app opens its window in about 1.3 s instead of 2.3 s. Listing the classes means starting
# the app once, so it needs a display: $DISPLAY, or Xvfb if installed; without either the installer is
# built without the list and the app starts without the archive.
if [ $os = linux ]; then
  classlist="$input/mbrl-lab.classlist"
  xvfbPid=""; display="${DISPLAY:-}"
  if [ -z "$display" ] && command -v Xvfb >/dev/null; then
    display=:97; Xvfb $display -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfbPid=$!
    for _ in $(seq 50); do [ -S /tmp/.X11-unix/X97 ] && break; sleep 0.1; done
  fi
  if [ -n "$display" ]; then
    settings=$(mktemp); echo '{"width":1280,"height":800,"maximized":false}' > "$settings"
    DISPLAY=$display java -Xshare:off -XX:DumpLoadedClassList="$classlist" -Dprism.order=sw \
      -Dmbrllab.quitAfterStart=true "-Dmbrllab.settings=$settings" -cp "$input/*" org.mbrllab.Main \
      > "$build/classlist.log" 2>&1 || { echo "build-installer: listing start-up classes failed:" >&2; cat "$build/classlist.log" >&2; rm -f "$classlist"; }
    rm -f "$settings"
  fi
  [ -z "$xvfbPid" ] || kill "$xvfbPid" 2>/dev/null || true
  if [ -s "${classlist}" ]; then echo "start-up classes: $(grep -vc '^#' "$classlist") listed for the CDS archive"
  else echo "build-installer: no display, so no start-up class list: the app will start without a CDS archive" >&2; fi
fi

# The right natives and only those: ND4J's (and JavaCPP's, OpenBLAS's) and JavaFX's for this platform.
jars=$(ls "$input")
nd4j=$(echo "$jars" | grep -v '^javafx-' | grep -E -- '-(linux|macosx|windows|android|ios)-[a-z0-9_]+\.jar$' || true)
javafx=$(echo "$jars" | grep -E '^javafx-[a-z]+-[0-9.]+-.+\.jar$' || true)
foreign=$( (echo "$nd4j" | grep -v -- "-$classifier.jar$"; echo "$javafx" | grep -vE -- "-[0-9.]+-$fx\.jar$") | grep . || true)
[ -z "$foreign" ] || { echo "build-installer: natives of another platform in $input: $foreign" >&2; exit 1; }
echo "$nd4j" | grep -q "^nd4j-native-.*-$classifier.jar$" || { echo "build-installer: no ND4J $classifier natives" >&2; exit 1; }
[ "$(echo "$javafx" | grep -c .)" -ge 3 ] || { echo "build-installer: no JavaFX $fx natives" >&2; exit 1; }
echo "natives: ND4J $classifier ($(echo "$nd4j" | grep -c .) jars), JavaFX $fx ($(echo "$javafx" | grep -c .) jars)"

# ---- the icon in the platform's format
icon=packaging/icons/mbrl-lab.png
if [ $os = windows ]; then icon=packaging/icons/mbrl-lab.ico
elif [ $os = mac ]; then
  set_dir="$build/mbrl-lab.iconset"; rm -rf "$set_dir"; mkdir -p "$set_dir"
  for s in 16 32 64 128 256; do sips -z $s $s packaging/icons/mbrl-lab.png --out "$set_dir/icon_${s}x${s}.png" >/dev/null; done
  iconutil -c icns "$set_dir" -o "$build/mbrl-lab.icns"; icon="$build/mbrl-lab.icns"
fi

common=(--name "MBRL Lab" --app-version "$appVersion" --vendor "MBRL Lab"
  --description "Watch and steer the algorithms of a course on model-based reinforcement learning."
  --copyright "MBRL Lab authors" --icon "$icon"
  --input "$input" --main-jar mbrl-lab-app.jar --main-class org.mbrllab.Main
  --java-options "-Dprism.lcdtext=false"
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.zipfs,java.datatransfer,jdk.jsobject,jdk.xml.dom
  --dest "$build/installer")
# The Linux runtime keeps bin/java: the postinst runs it once to dump the CDS archive. The launcher uses the
# archive when it is there and starts without it otherwise (-Xshare:auto, the default, logging off).
if [ $os = linux ]; then
  common+=(--jlink-options "--strip-debug --no-header-files --no-man-pages"
    --java-options '-XX:SharedArchiveFile=$APPDIR/mbrl-lab.jsa' --java-options "-Xlog:cds=off" --java-options "-Xlog:cds+dynamic=off")
else
  common+=(--jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands")
fi

for type in "${types[@]}"; do
  extra=()
  case "$os-$type" in
    linux-deb|linux-rpm) extra=(--linux-package-name mbrl-lab --linux-shortcut --linux-menu-group Education
        --linux-app-category education --linux-deb-maintainer "mbrl-lab@users.noreply.github.com")
      # The .deb's maintainer scripts: jpackage's, but a failing menu command does not fail the package.
      [ "$type" = rpm ] || extra+=(--resource-dir packaging/linux) ;;
    windows-msi|windows-exe) extra=(--win-menu --win-menu-group "MBRL Lab" --win-shortcut --win-dir-chooser
        --win-per-user-install --win-upgrade-uuid 6f1c0f0e-2b7a-4c47-9d51-4d1b7a0f3e18) ;;
    mac-dmg|mac-pkg) extra=(--mac-package-identifier org.mbrllab.app --mac-package-name "MBRL Lab") ;;
    *-app-image) ;;
    *) echo "build-installer: $type is not built on $os" >&2; exit 2 ;;
  esac
  echo "jpackage --type $type ($os-$arch, version $appVersion, commit $commit)"
  jpackage --type "$type" "${common[@]}" ${extra[@]+"${extra[@]}"}
done
ls -l "$build/installer"
