#!/usr/bin/env bash
# Builds a self-contained MBRL Lab application image with jpackage (JDK 17+).
#   packaging/build-app-image.sh [app-image|deb|rpm|dmg|msi]   (default: app-image)
# Output goes to target/installer/. Installer types other than app-image need the platform's tools
# (dpkg-deb / rpmbuild on Linux, WiX on Windows, Xcode tools on macOS).
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/jpackage-input
cp target/classes -r target/jpackage-classes 2>/dev/null || true
jar --create --file target/jpackage-input/mbrl-lab-app.jar -C target/classes .
rm -rf target/installer
jpackage --type "$type" \
  --name "MBRL Lab" \
  --app-version 0.1.0 \
  --vendor "MBRL Lab" \
  --input target/jpackage-input \
  --main-jar mbrl-lab-app.jar \
  --main-class org.mbrllab.Main \
  --java-options "-Dprism.lcdtext=false" \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.zipfs,java.datatransfer,jdk.jsobject,jdk.xml.dom \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands" \
  --dest target/installer
echo "built: target/installer"
