#!/usr/bin/env bash
# End-to-end test of the Linux installer: build the .deb, install it with dpkg into a container-like root,
# start the installed app from its menu entry under Xvfb, see its window, close it with Ctrl+Q, purge the
# package, and check that nothing is left behind.
#
#   packaging/test-deb.sh [DEB]      (without DEB it builds one with packaging/build-installer.sh deb)
#
# The root is an overlay of this machine's own file system: its libraries satisfy the package's
# dependencies, and every file dpkg, the maintainer scripts (xdg-desktop-menu) or the app write lands in the
# overlay's upper directory, never on the machine. So "nothing left behind" is checked exactly: after the
# purge, the upper directory may hold only dpkg's own bookkeeping (var/lib/dpkg, var/log) and the files
# the app wrote in its user's home (its settings, JavaFX's and ND4J's unpacked natives), which no
# uninstaller removes; they are listed.
#
# Needs root (dpkg, mount, chroot), overlayfs, Xvfb, xdotool, ImageMagick's import, xdg-utils (the package
# depends on it) and GTK 3 (JavaFX's window toolkit). Output: $BUILD_DIR/deb-test/ (screenshot, logs).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-target}"
out="$build/deb-test"
display=:88
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (dpkg --root, mount, chroot)"
for tool in dpkg Xvfb xdotool import xdg-desktop-menu; do
  command -v $tool >/dev/null || fail "$tool is missing (apt-get install xvfb xdotool imagemagick xdg-utils libgtk-3-0)"
done

deb="${1:-}"
if [ -z "$deb" ]; then
  packaging/build-installer.sh deb
  deb=$(ls "$build"/installer/mbrl-lab_*.deb)
fi
rm -rf "$out"; mkdir -p "$out"
echo "installer: $deb, $(du -k "$deb" | cut -f1) KiB ($(du -h "$deb" | cut -f1))"

# ---- a container-like root: this machine, copy-on-write
work=$(mktemp -d /tmp/mbrl-deb-test.XXXXXX)
root="$work/root"; upper="$work/upper"
mkdir -p "$root" "$upper" "$work/overlay-work"
mount -t overlay overlay -o "lowerdir=/,upperdir=$upper,workdir=$work/overlay-work" "$root"
# A running system has /proc and /dev; without them the maintainer scripts' "> /dev/null" makes a file.
mount --bind /proc "$root/proc"; mount --bind /dev "$root/dev"
app=""; xvfb=""
cleanup() {
  [ -z "$app" ] || { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; } || true
  [ -z "$xvfb" ] || { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; } || true
  for m in "$root/tmp/.X11-unix" "$root/dev" "$root/proc" "$root"; do
    mountpoint -q "$m" && umount "$m" || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A desktop system has a folder for menu directory entries (from its desktop's menu package);
# xdg-desktop-menu, which the package's postinst calls, fails without one ("No writable system menu
# directory found"), even for a lone .desktop file. The test root gets the bare folder when the machine
# has none.
made_menu_dir=0
[ -d "$root/usr/share/desktop-directories" ] || { mkdir -p "$root/usr/share/desktop-directories"; made_menu_dir=1
  echo "made /usr/share/desktop-directories in the root (none on this machine)"; }

# ---- install
dpkg --root="$root" -i "$deb" > "$out/install.log" 2>&1 || { cat "$out/install.log"; fail "dpkg -i"; }
dpkg --root="$root" -s mbrl-lab | grep -q '^Status: install ok installed' || fail "not installed"
echo "installed: $(du -sh "$root/opt/mbrl-lab" | cut -f1) in /opt/mbrl-lab, $(dpkg --root="$root" -L mbrl-lab | wc -l) paths"
# What Help › About will say: filled in by Maven, not left as ${...}.
props=$(unzip -p "$root/opt/mbrl-lab/lib/app/mbrl-lab-app.jar" org/mbrllab/app/build.properties | grep -v '^#')
echo "build: $(echo $props)"
echo "$props" | grep -q '^version=[0-9]' || fail "no version in the installed app's build.properties"
echo "$props" | grep -q '^commit=[0-9a-f]' || fail "no commit in the installed app's build.properties"
desktop="$root/usr/share/applications/mbrl-lab-MBRL_Lab.desktop"
[ -f "$desktop" ] || fail "no menu entry $desktop"
grep -q '^Categories=.*Education' "$desktop" || fail "menu entry not in Education: $(cat "$desktop")"
# The command the menu runs: Exec= without quotes and the escaped space.
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | sed 's/"//g; s/\\ / /g; s/ %[a-zA-Z]$//')
[ -x "$root$exec_line" ] || fail "the menu entry runs $exec_line, which is not installed"
echo "menu entry: $(sed -n 's/^Name=//p' "$desktop"), runs $exec_line"
# The postinst's start-up archive (class-data sharing); the app below runs with -Xshare:on, so a JVM that
# cannot map it stops instead of starting slowly.
jsa="$root/opt/mbrl-lab/lib/app/mbrl-lab.jsa"
[ -s "$jsa" ] || { cat "$out/install.log"; fail "no start-up archive $jsa"; }
echo "start-up archive: $(du -h "$jsa" | cut -f1)"

# ---- start it from the menu entry's command, inside the root, under Xvfb
Xvfb $display -screen 0 1280x800x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X${display#:} ] && break; sleep 0.1; done
mkdir -p "$root/tmp/.X11-unix"; mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
started=$(date +%s%N)
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp/mbrl-home DISPLAY=$display \
  JAVA_TOOL_OPTIONS="-Xshare:on -Dprism.order=sw -Dmbrllab.startup=true -Duser.home=/tmp/mbrl-home" "$exec_line" > "$out/app.log" 2>&1 &
app=$!
window=$(DISPLAY=$display timeout 120 xdotool search --sync --onlyvisible --name "MBRL" | head -1) \
  || { cat "$out/app.log"; fail "no MBRL window within 120 s"; }
echo "window $window \"$(DISPLAY=$display xdotool getwindowname "$window")\" after $(( ($(date +%s%N) - started) / 1000000 )) ms"
for _ in $(seq 100); do grep -q '^startup:' "$out/app.log" && break; sleep 0.2; done
grep '^startup:' "$out/app.log" || fail "no start-up report in $out/app.log"
# The first lesson opens after the first frame; until then the middle of the window is blank. Wait until
# the grid world is drawn there (the pixels of that area vary), then keep the screenshot.
for i in $(seq 60); do
  DISPLAY=$display import -window root "$out/screenshot.png"
  spread=$(convert "$out/screenshot.png" -crop 500x300+400+180 -colorspace gray -format '%[fx:standard_deviation]' info:)
  awk "BEGIN { exit !($spread > 0.05) }" && break
  [ "$i" -lt 60 ] || fail "the first lesson did not draw within 60 s (see $out/screenshot.png)"
  sleep 1
done
echo "first lesson drawn after $(( ($(date +%s%N) - started) / 1000000 )) ms; screenshot: $out/screenshot.png"

# Help › About opens its own window (Alt+H opens Help; Up wraps to its last item, About).
DISPLAY=$display xdotool windowfocus --sync "$window"
DISPLAY=$display xdotool keydown alt; sleep 0.3; DISPLAY=$display xdotool key h; DISPLAY=$display xdotool keyup alt
sleep 1; DISPLAY=$display xdotool key Up; sleep 0.3; DISPLAY=$display xdotool key Return
about=$(DISPLAY=$display timeout 20 xdotool search --sync --onlyvisible --name "About MBRL Lab" | head -1) \
  || fail "Help › About did not open"
sleep 1; DISPLAY=$display import -window root "$out/about.png"
echo "Help › About open (screenshot: $out/about.png)"
DISPLAY=$display xdotool windowfocus --sync "$about"; DISPLAY=$display xdotool key Return
for _ in $(seq 50); do DISPLAY=$display xdotool search --onlyvisible --name "About MBRL Lab" >/dev/null || break; sleep 0.2; done

# ---- close it as a user would (File › Quit is Ctrl+Q) and wait for it to exit
DISPLAY=$display xdotool windowfocus --sync "$window"
DISPLAY=$display xdotool key ctrl+q
for _ in $(seq 150); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
kill -0 "$app" 2>/dev/null && fail "still running 30 s after Ctrl+Q"
wait "$app" && code=0 || code=$?
app=""
[ "$code" = 0 ] || { cat "$out/app.log"; fail "exit code $code"; }
[ -f "$root/tmp/mbrl-home/.config/mbrl-lab/settings.json" ] || fail "the app saved no settings on closing"
echo "closed with Ctrl+Q, exit code 0, settings saved"
kill "$xvfb"; xvfb=""
umount "$root/tmp/.X11-unix"

# ---- uninstall, then look for anything left behind
dpkg --root="$root" --purge mbrl-lab > "$out/purge.log" 2>&1 || { cat "$out/purge.log"; fail "dpkg --purge"; }
dpkg --root="$root" -s mbrl-lab > /dev/null 2>&1 && fail "still known to dpkg after the purge"
[ ! -e "$root/opt/mbrl-lab" ] || fail "/opt/mbrl-lab is still there ($(find "$root/opt/mbrl-lab" -type f | head -3))"
[ ! -e "$desktop" ] || fail "the menu entry is still there"

# ---- and on a system without that folder: the package installs and purges all the same, without a menu
# entry (the maintainer scripts in packaging/linux/ let xdg-desktop-menu fail)
if [ $made_menu_dir = 1 ]; then
  rmdir "$root/usr/share/desktop-directories"
  dpkg --root="$root" -i "$deb" > "$out/install-no-menu.log" 2>&1 \
    || { cat "$out/install-no-menu.log"; fail "dpkg -i without /usr/share/desktop-directories"; }
  grep -q "menu entry not added" "$out/install-no-menu.log" || fail "no warning about the menu entry"
  dpkg --root="$root" --purge mbrl-lab > "$out/purge-no-menu.log" 2>&1 \
    || { cat "$out/purge-no-menu.log"; fail "dpkg --purge without /usr/share/desktop-directories"; }
  echo "without /usr/share/desktop-directories: installed (no menu entry, a warning) and purged"
fi
umount "$root/dev" "$root/proc"
left=()
while IFS= read -r path; do
  rel="${path#"$upper"/}"
  case "$rel" in
    var/lib/dpkg/info/mbrl-lab.*) left+=("$rel") ;;            # the package's own dpkg files must go
    var/lib/dpkg/*|var/log/dpkg.log) ;;                       # dpkg's status and log: bookkeeping
    tmp/mbrl-home) ;;
    tmp/mbrl-home/*) [ ! -f "$path" ] || echo "user file (kept, as on any system): ~/${rel#tmp/mbrl-home/}" ;;
    tmp/.X11-unix|tmp/hsperfdata_*) ;;                        # the mount point; the JVM's own
    usr/share/desktop-directories) ;;                         # made above when the machine has none
    *)
      if [ -d "$path" ] && [ -d "/$rel" ]; then :             # a parent directory copied up
      elif [ -f "$path" ] && cmp -s "$path" "/$rel"; then :   # rewritten with the same content
      else left+=("$rel"); fi ;;
  esac
done < <(find "$upper" -mindepth 1 | sort)
if [ ${#left[@]} -gt 0 ]; then printf '  left behind: %s\n' "${left[@]}"; fail "${#left[@]} paths left behind"; fi
echo "purged: nothing left behind outside dpkg's bookkeeping"
echo "test-deb: PASSED"
