#!/usr/bin/env bash
# Builds the production Dockerfile where no registry is reachable (docs/deployment.md, "Building
# without a registry"): the runtime base is made from Debian's packages and the Native AOT
# executable is published on this host, then the SAME Dockerfile is built with
# RUNTIME_IMAGE=<local base> and APP_SOURCE=prebuilt.
#
#   deploy/build-local-image.sh [--tag IMAGE] [--version V] [--publish-dir DIR] [--base-only] [--front]
#
#   --tag IMAGE        the image to build (default localhost/fleetmanager:local)
#   --version V        the org.opencontainers.image.version label (default: Version in Directory.Build.props)
#   --publish-dir DIR  an existing `dotnet publish -p:PublishAot=true` output to use instead of publishing
#   --base-only        only make sure the local base image exists and print its name
#   --front            also build localhost/fleetmanager-front:local (Caddy from Debian's package on the
#                      same base, run as "caddy run ..." like the official caddy image)
#
# It installs nothing. It needs (Debian package names): podman, runc, debootstrap, and for the
# publish the .NET SDK with clang or gcc (build-essential); for --front, caddy. Podman must be
# configured as in docs/deployment.md (runc, default_ulimits = []): set CONTAINERS_CONF to such a file.
#
# The local base is "chiseled" by hand: debootstrap a minimal Debian into a temporary folder, then copy
# only the files of the packages the executable needs (libc, libgcc, libstdc++, zlib, OpenSSL,
# CA certificates, time zones; no ICU: the executable is globalization-invariant) into an empty root with /etc/passwd naming the app user (1654, as in
# the official chiseled images). No shell, no package manager. Cached as an image whose tag is a hash
# of that package list, so it is made once per machine.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
tag=localhost/fleetmanager:local
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo_root/Directory.Build.props" | head -n 1)
publish_dir=""
base_only=false
front=false
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --publish-dir) publish_dir=$2; shift 2 ;;
    --base-only) base_only=true; shift ;;
    --front) front=true; shift ;;
    -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

for tool in podman debootstrap; do
  command -v "$tool" > /dev/null || { echo "error: $tool is not installed (apt-get install podman runc debootstrap)" >&2; exit 5; }
done

suite=bookworm
runtime_packages="libc6 libgcc-s1 libstdc++6 zlib1g libssl3 ca-certificates tzdata libzstd1"
packages_key=$suite-$(printf '%s' "$suite $runtime_packages" | sha256sum | cut -c1-12)
# The tag changes with the package list and with this recipe (bump it when the copying below changes).
recipe=2
base_tag="localhost/fleetmanager-base:$suite-$(printf '%s' "$suite $runtime_packages recipe $recipe" | sha256sum | cut -c1-12)"

make_base() {
  local work mirror rootfs root link cache
  work=$(mktemp -d /tmp/fleetmanager-base.XXXXXX)
  trap 'rm -rf "$work"' RETURN
  rootfs=$work/debootstrap
  root=$work/root
  # debootstrap's result is kept (as a tar file) so a later step can be redone without it.
  cache=${FLEETMANAGER_BASE_CACHE:-/var/cache/fleetmanager-base}/$packages_key.tar
  mkdir -p "$rootfs" "$(dirname "$cache")"
  if [ -s "$cache" ]; then
    tar -C "$rootfs" -xf "$cache"
  else
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    echo "making the local base $base_tag (debootstrap $suite from $mirror)" >&2
    debootstrap --variant=minbase --include="$(tr ' ' ',' <<<"$runtime_packages")" "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
      || { tail -n 20 "$work/debootstrap.log" >&2; return 1; }
    tar -C "$rootfs" -cf "$cache.partial" . && mv "$cache.partial" "$cache"
  fi
  # Debian 12 merges /usr: /bin, /lib, /lib64 and /sbin are links into /usr. Make the same links
  # first, so the packages' paths through them land in /usr.
  mkdir -p "$root/usr"
  for link in bin lib lib64 sbin; do
    if [ -L "$rootfs/$link" ]; then
      cp -a "$rootfs/$link" "$root/$link"
      mkdir -p "$root/usr/$link"
    fi
  done
  # Every file the packages installed (not directories, not documentation, not glibc's iconv modules,
  # which .NET does not use), with its path; links kept as links. One tar pipe: thousands of small files (time zones) would be slow one by one.
  # shellcheck disable=SC2086 # the package list is a space-separated word list on purpose
  chroot "$rootfs" dpkg-query -L $runtime_packages | grep -Ev '^/usr/share/(doc|man|lintian|bug)/|/gconv/' | sort -u \
    | while IFS= read -r path; do
        if [ -L "$rootfs$path" ] || { [ -e "$rootfs$path" ] && [ ! -d "$rootfs$path" ]; }; then echo ".$path"; fi
      done > "$work/files"
  tar -C "$rootfs" -cf - -T "$work/files" | tar -C "$root" -xf -
  # Made by the packages' scripts, not listed by dpkg: the CA bundle and the local time.
  mkdir -p "$root/etc/ssl"
  cp -a "$rootfs/etc/ssl/certs" "$root/etc/ssl/"
  cp -a "$rootfs/etc/localtime" "$root/etc/" 2>/dev/null || true
  printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n' > "$root/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' > "$root/etc/group"
  printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
  mkdir -p "$root/tmp" "$root/home/app"
  chmod 1777 "$root/tmp"
  chown 1654:1654 "$root/home/app"
  if [ -e "$root/bin/sh" ] || [ -e "$root/usr/bin/sh" ] || [ -e "$root/usr/bin/bash" ]; then
    echo "error: the local base would contain a shell" >&2; return 1
  fi
  tar -C "$root" -c . | podman import --change 'USER 1654' - "$base_tag" > /dev/null
  echo "made $base_tag ($(du -sh "$root" | cut -f1) on disk)" >&2
}

if ! podman image exists "$base_tag"; then
  make_base
fi
if $base_only; then
  echo "$base_tag"
  exit 0
fi

# The executable, published on this host for its architecture.
prebuilt=$repo_root/artifacts/prebuilt
rm -rf "$prebuilt"
mkdir -p "$prebuilt"
if [ -z "$publish_dir" ]; then
  case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) echo "error: unsupported architecture $(uname -m)" >&2; exit 5 ;; esac
  publish_dir=$(mktemp -d /tmp/fleetmanager-publish.XXXXXX)
  echo "publishing Native AOT for $rid (a few minutes)" >&2
  dotnet publish "$repo_root/src/FleetManager" -c Release -r "$rid" -p:PublishAot=true -o "$publish_dir" > "$publish_dir.log" 2>&1 \
    || { tail -n 30 "$publish_dir.log" >&2; exit 1; }
fi
[ -x "$publish_dir/fleetmanager" ] || { echo "error: $publish_dir/fleetmanager is missing (give a Native AOT publish folder)" >&2; exit 3; }
# The executable and the native libraries it loads (SQLite's libe_sqlite3.so); no debug symbols.
cp "$publish_dir/fleetmanager" "$prebuilt/fleetmanager"
find "$publish_dir" -maxdepth 1 -name '*.so' -exec cp {} "$prebuilt/" \;

revision=$(git -C "$repo_root" rev-parse HEAD 2>/dev/null || echo unknown)
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# --format docker keeps HEALTHCHECK (the OCI format has none and podman would drop it). --no-cache:
# Podman 4.3 reuses a cached LABEL step even when the build arguments in it differ (two versions of
# one executable got one image with one version label); the steps are copies, so it costs seconds.
case "$(uname -m)" in aarch64) target_arch=arm64 ;; *) target_arch=amd64 ;; esac
podman build --format docker --no-cache -f "$repo_root/Dockerfile" --build-arg TARGETARCH="$target_arch" \
  --build-arg RUNTIME_IMAGE="$base_tag" --build-arg APP_SOURCE=prebuilt \
  --build-arg VERSION="$version" --build-arg REVISION="$revision" --build-arg CREATED="$created" \
  -t "$tag" "$repo_root" >&2
echo "built $tag (version $version) from $base_tag" >&2

if $front; then
  command -v caddy > /dev/null || { echo "error: caddy is not installed (apt-get install caddy)" >&2; exit 5; }
  front_ctx=$(mktemp -d /tmp/fleetmanager-front.XXXXXX)
  cp /usr/bin/caddy "$front_ctx/caddy"
  cat > "$front_ctx/Dockerfile" <<DOCKERFILE
FROM $base_tag
COPY caddy /usr/bin/caddy
ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data PATH=/usr/bin
USER 1654
CMD ["caddy", "run"]
DOCKERFILE
  podman build --format docker -t localhost/fleetmanager-front:local "$front_ctx" >&2
  rm -rf "$front_ctx"
  echo "built localhost/fleetmanager-front:local" >&2
fi
echo "$tag"
