# syntax=docker/dockerfile:1
# FleetManager's production image: the Native AOT executable on a chiseled runtime-deps base
# (no shell, no package manager, non-root). docs/deployment.md explains how it is built, released
# and run; docs/benchmarks.md gives its size and start-up figures.
#
#   Release (CI, Buildx, both architectures):
#     docker buildx build --platform linux/amd64,linux/arm64 \
#       --build-arg VERSION=1.2.3 --build-arg REVISION=$(git rev-parse HEAD) \
#       --build-arg CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ) -t ghcr.io/OWNER/fleetmanager:1.2.3 .
#   Without a registry (this project's CI, Podman): deploy/build-local-image.sh builds this same file
#   with RUNTIME_IMAGE=<a base made from Debian's packages> and APP_SOURCE=prebuilt (the executable
#   published on the host into artifacts/prebuilt/).

# The base images are arguments so the same file builds from a local base where no registry is
# reachable. The plain chiseled runtime-deps base (no ICU, no time zones, ~12 MB) is enough: the
# executable is globalization-invariant (InvariantGlobalization, its own Unicode tables), and its one
# time-zone lookup (the Gemini quota reset at midnight Pacific time) falls back to a fixed UTC-8 when
# no tzdata is present, which in summer resumes an exhausted quota an hour later than it could.
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
# Where /app comes from: "build" (published here, in the SDK stage) or "prebuilt" (artifacts/prebuilt/
# from the build context: the executable and its native libraries).
ARG APP_SOURCE=build

# ---- build: Native AOT for the target architecture ------------------------------------------------
# Runs on the build machine's own architecture and cross-compiles (the -aot SDK images carry the
# toolchains), which is much faster than emulating arm64.
FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH
WORKDIR /src
# Restore first, from the project files only, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/FleetManager/FleetManager.csproj src/FleetManager/
COPY src/FleetManager.Core/FleetManager.Core.csproj src/FleetManager.Core/
COPY src/FleetManager.Geocoding/FleetManager.Geocoding.csproj src/FleetManager.Geocoding/
COPY src/FleetManager.Google/FleetManager.Google.csproj src/FleetManager.Google/
COPY src/FleetManager.Llm/FleetManager.Llm.csproj src/FleetManager.Llm/
COPY src/FleetManager.Mail/FleetManager.Mail.csproj src/FleetManager.Mail/
COPY src/FleetManager.Storage/FleetManager.Storage.csproj src/FleetManager.Storage/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore src/FleetManager/FleetManager.csproj -a "$TARGETARCH" -p:PublishAot=true
COPY src/ src/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/FleetManager/FleetManager.csproj -c Release -a "$TARGETARCH" --no-restore \
      -p:PublishAot=true -o /out \
 && mkdir -p /app \
 && cp /out/fleetmanager /out/*.so /app/

# ---- prebuilt: the executable published on the host (deploy/build-local-image.sh) ------------------
FROM ${RUNTIME_IMAGE} AS prebuilt
COPY artifacts/prebuilt/ /app/

FROM ${APP_SOURCE} AS app

# ---- final ------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
ARG SOURCE=https://github.com/fleetmanager/fleetmanager
ARG LICENSES=NOASSERTION
LABEL org.opencontainers.image.title="FleetManager" \
      org.opencontainers.image.description="Turns a freight company's inbox into an order book" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.licenses="${LICENSES}"

# DATA_DIR holds the SQLite order book and the default inbox folder. Listening on all interfaces is
# right inside a container only (the host publishes the port); outside, the default stays as documented.
ENV DATA_DIR=/data \
    FLEETMANAGER__SERVICE__URLS=http://0.0.0.0:8080

# The mount point belongs to the app user so a new named volume takes that ownership on first mount
# (Docker does not chown volumes itself). No RUN here: the chiseled base has no shell.
COPY --chown=1654:1654 --chmod=0750 deploy/image/data/ /data/
# The executable and the native libraries it loads (SQLite's libe_sqlite3.so); no debug symbols. Read-only for
# everyone (0555) but owned by the app user: Linux pages a file's mapped pages out on madvise(MADV_PAGEOUT) only for
# a process that owns the file or may write it, and the idle release gives back the ~40 MiB of the executable that
# start-up touched that way (docs/benchmarks.md: 65 MiB idle RSS in the container with a root-owned executable,
# 34 MiB owned by the app user). The owner could only make it writable again on a writable root file system; every
# deployment here runs it read-only (compose read_only, Kubernetes readOnlyRootFilesystem).
COPY --from=app --chown=1654:1654 --chmod=0555 /app/ /app/

# 1654 is the "app" user of the official chiseled images (and of the local base).
USER 1654:1654
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
# The executable itself asks /healthz/live: no curl in the image. Podman needs --format docker to keep it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/app/fleetmanager", "healthcheck"]
# SIGTERM: the service finishes the batch in flight, releases its leases and exits within
# Service:ShutdownTimeout (30 s by default; give the container a longer stop grace period).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/fleetmanager"]
CMD ["run"]
