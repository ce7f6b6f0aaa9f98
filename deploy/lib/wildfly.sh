# The portal: the WildFly that Maven provisions (portal-web/target/server), copied into the state
# directory so a rebuild or 'mvn clean' never pulls the floor from under a running cloud.
# shellcheck shell=bash

WF_PORT=${MINICLOUD_PORT:-8080}
# The ECS-compatible API's own port: Alibaba Cloud's SDKs call the root of their endpoint.
ECS_PORT=${MINICLOUD_ECS_PORT:-8081}
WF_HOME=$STATE/wildfly
WF_PIDFILE=$RUN_DIR/wildfly.pid
WF_LOG=$LOG_DIR/wildfly.log
# Where people reach the portal: this machine by default; behind a TLS proxy MINICLOUD_PUBLIC_URL
# (e.g. https://cloud.example.com), which also makes WildFly trust the proxy's X-Forwarded-* headers.
WF_URL=${MINICLOUD_PUBLIC_URL:-http://$PUBLIC_HOST:$WF_PORT}
WF_URL=${WF_URL%/}
# Where this machine's scripts reach it.
WF_LOCAL=http://127.0.0.1:$WF_PORT
WF_BUILT=$REPO/portal-web/target/server
BUILD_STAMP=$REPO/portal-web/target/minicloud-build.stamp
# The portal runs as a system user of its own, which reaches libvirt through the libvirt group's
# socket and owns only what WildFly writes and the image catalog's files.
WF_USER=minicloud
WF_AS_USER=(setpriv --reuid="$WF_USER" --regid="$WF_USER" --init-groups)
WF_WRITABLE=(standalone/configuration standalone/data standalone/deployments standalone/log standalone/tmp)
# WildFly's own JVM options (bin/standalone.conf takes JAVA_OPTS instead of them), and a CDS
# archive of the classes WildFly and the portal load, made when a run stops: later starts take
# 18 s instead of 25. The JVM makes it again when it no longer fits. (Its note at every start that
# WildFly's --add-exports keep the module graph out of the archive would read like an error.)
WF_JAVA_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman \
-Djava.awt.headless=true -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$WF_HOME/standalone/data/minicloud.jsa \
-Xlog:cds=off"
# The OIDC client sends the extra scope organization:* (every tenant of a member, not none for a
# member of two) only at the preview stability level; nothing else of preview is configured.
WF_ARGS=(-b 127.0.0.1 -Djboss.http.port="$WF_PORT" -Djboss.management.http.port=$((WF_PORT + 1910)) --stability=preview)
# What the running server was started with (wildfly_release), written by root once it is up.
WF_RELEASE_FILE=$RUN_DIR/wildfly.release

# What a start gives the server: its environment (which holds secrets, so only a checksum of it),
# JVM options and arguments. A server started otherwise than it would be now must restart.
wildfly_release() {
  (portal_environment && env | grep -E '^(MINICLOUD_|JAVA_HOME=)' | sort && printf '%s\n' "$WF_JAVA_OPTS" "${WF_ARGS[@]}") \
    | sha256sum | cut -d' ' -f1
}

# Environment of a portal server: where its database and Keycloak are. Used by 'up' and 'test'.
portal_environment() {
  export MINICLOUD_DB_URL=jdbc:mariadb://127.0.0.1:$DB_PORT/minicloud MINICLOUD_DB_USER=$DB_USER
  MINICLOUD_DB_PASSWORD=$(secret db-password)
  MINICLOUD_OIDC_SECRET=$(secret oidc-client-secret)
  MINICLOUD_KEYCLOAK_ADMIN_SECRET=$(secret keycloak-service-secret)
  # AccessKey secrets are sealed with this in the database: a backup keeps it beside the dump
  MINICLOUD_ACCESS_KEY_SEAL=$(secret access-key-seal)
  export MINICLOUD_DB_PASSWORD MINICLOUD_OIDC_SECRET MINICLOUD_KEYCLOAK_ADMIN_SECRET MINICLOUD_ACCESS_KEY_SEAL
  export MINICLOUD_ECS_PORT=$ECS_PORT
  export MINICLOUD_OIDC_PROVIDER_URL=$KC_REALM_URL
  if [ -n "${MINICLOUD_PUBLIC_URL:-}" ]; then export MINICLOUD_BEHIND_PROXY=true; fi
  export MINICLOUD_IMAGES=$IMAGES_DIR
  # This machine is the first compute node; its instance disks live in the state directory.
  export MINICLOUD_LOCAL_NODE=qemu:///system MINICLOUD_NODE_POOL=$STATE/pool
  MINICLOUD_LOCAL_NODE_REQUESTS=$(libvirt_client_requests)
  export MINICLOUD_LOCAL_NODE_REQUESTS
  export JAVA_HOME=$JAVA25_HOME
}

# Whether any source file is newer than the last build: the files git knows (tracked, or new and
# not ignored), so that what builds write outside target/ (Vaadin's generated frontend files)
# does not count; every file but build output where this is no git checkout.
sources_changed() {
  [ -f "$BUILD_STAMP" ] || return 0
  if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
      | xargs -0 -r sh -c 'find "$@" -maxdepth 0 -newer "$0" -print 2>/dev/null' "$BUILD_STAMP" | grep -q .)
  else
    [ -n "$(find "$REPO" -path '*/target' -prune -o -path '*/node_modules' -prune -o -path '*/frontend/generated' -prune \
      -o -type f -newer "$BUILD_STAMP" -print -quit)" ]
  fi
}

# What the provisioned server (WildFly, its modules and configuration) is made from. When none of
# it changed, a build makes only the WAR and puts it into the server already built: provisioning
# takes 18 of a build's 40 seconds.
wildfly_server_inputs() {
  (cd "$REPO" && find . -path '*/target' -prune -o \( -name pom.xml -o -path './portal-web/src/build/*' \) -type f -print \
    | sort | xargs cat | sha256sum | cut -d' ' -f1)
}

wildfly_build() {
  if [ -f "$WF_BUILT/standalone/deployments/minicloud.war" ] && ! sources_changed; then
    return
  fi
  local options=() inputs started
  inputs=$(wildfly_server_inputs)
  started=$(date '+%Y-%m-%d %H:%M:%S.%N')
  if [ -f "$WF_BUILT/standalone/deployments/minicloud.war" ] && [ "$(cat "$WF_BUILT/.minicloud-inputs" 2>/dev/null)" = "$inputs" ]; then
    # the same poms as the last build: nothing to download either
    options=(-Dwildfly.package.skip=true --offline)
  fi
  say "building minicloud (Maven; the first build downloads dependencies and takes a few minutes)"
  # A build is a short run of Maven's JVM: the quick compiler alone makes it a quarter faster.
  (cd "$REPO" && JAVA_HOME=$JAVA25_HOME MAVEN_OPTS=${MAVEN_OPTS:--XX:TieredStopAtLevel=1} \
    mvn -B -ntp package -Dmaven.test.skip=true "${options[@]}" >"$LOG_DIR/build.log" 2>&1) \
    || die "the build failed; see $LOG_DIR/build.log"
  if [ ${#options[@]} -gt 0 ]; then
    cp "$REPO/portal-web/target/minicloud.war" "$WF_BUILT/standalone/deployments/minicloud.war" \
      || die "could not put the new WAR into $WF_BUILT"
  fi
  wildfly_built "$inputs" "$started"
}

# wildfly_built INPUTS STARTED: notes that the server in portal-web/target was built from the
# sources as they were when the build started (also after 'mvn verify', which builds it the same
# way): what changed since then is built by the next 'up'.
wildfly_built() {
  echo "$1" > "$WF_BUILT/.minicloud-inputs"
  touch -d "$2" "$BUILD_STAMP"
}

# Whether the built server differs from the installed one (WildFly rewrites its own configuration
# while running, so the build's WAR, configuration and inputs are compared, not every file).
wildfly_outdated() {
  [ "$(wildfly_build_mark)" != "$(cat "$WF_HOME/.minicloud-build" 2>/dev/null)" ]
}

# Whether the built server differs from the installed one in its WAR only and the running server
# was started as it would be now (the same environment and options): then it takes the new WAR
# without a restart.
wildfly_only_war_outdated() {
  [ "$(cat "$WF_RELEASE_FILE" 2>/dev/null)" = "$(wildfly_release)" ] || return 1
  local built installed
  built=$(wildfly_build_mark | grep -v ' standalone/deployments/minicloud.war$')
  installed=$(grep -v ' standalone/deployments/minicloud.war$' "$WF_HOME/.minicloud-build" 2>/dev/null) || return 1
  [ "$built" = "$installed" ] && ! grep -q 'inputs unknown' <<<"$built"
}

wildfly_build_mark() {
  (cd "$WF_BUILT" && sha256sum standalone/deployments/minicloud.war standalone/configuration/standalone.xml \
    && printf 'inputs %s\n' "$(cat .minicloud-inputs 2>/dev/null || echo unknown)")
}

# Puts the built WAR into the running server, whose deployment scanner replaces the deployment:
# seconds, where a restart takes half a minute. Only when nothing else of the server changed.
wildfly_redeploy() {
  local dir=$WF_HOME/standalone/deployments before started=$SECONDS
  say "the portal changed: redeploying it into the running WildFly"
  before=$(stat -c %y "$dir/minicloud.war.deployed" 2>/dev/null || echo none)
  rm -f "$dir/minicloud.war.failed"
  # As the portal's user, whose directory it is; renamed into place, so the scanner never sees half a file.
  "${WF_AS_USER[@]}" sh -c 'umask 022; cat > "$1/.minicloud.war.new" && mv -f "$1/.minicloud.war.new" "$1/minicloud.war"' \
    redeploy "$dir" < "$WF_BUILT/standalone/deployments/minicloud.war" || die "could not put the new WAR into $dir"
  until [ "$(stat -c %y "$dir/minicloud.war.deployed" 2>/dev/null || echo none)" != "$before" ] && wildfly_healthy; do
    # (the marker is read as the portal's user: root follows no link that user could plant)
    [ ! -f "$dir/minicloud.war.failed" ] \
      || die "the new portal failed to deploy: $("${WF_AS_USER[@]}" head -c 2000 "$dir/minicloud.war.failed"); see $WF_HOME/standalone/log/server.log"
    (( SECONDS - started < 180 )) || die "the new portal was not deployed within 180 s; see $WF_HOME/standalone/log/server.log"
    sleep 0.5
  done
  wildfly_build_mark > "$WF_HOME/.minicloud-build"
}

# Copies the built server over the installed one; WildFly must be stopped (its deployment scanner
# would take the changing files for an undeployment).
wildfly_install() {
  mkdir -p "$WF_HOME"
  rsync -a --delete --exclude /standalone/data --exclude /standalone/log --exclude /standalone/tmp \
    --exclude /.minicloud-build "$WF_BUILT/" "$WF_HOME/"
  wildfly_build_mark > "$WF_HOME/.minicloud-build"
}

wildfly_user() {
  id -u "$WF_USER" >/dev/null 2>&1 \
    || useradd --system --user-group --no-create-home --home-dir "$WF_HOME/standalone/data" \
      --shell /usr/sbin/nologin "$WF_USER" \
    || die "could not create the system user $WF_USER for the portal"
  id -nG "$WF_USER" | grep -qw libvirt || usermod -a -G libvirt "$WF_USER" \
    || die "could not put $WF_USER in group libvirt (is libvirt-daemon-system installed?)"
}

# Root keeps WildFly's programs; the portal's user gets what WildFly writes while it runs, and
# the image catalog it fills.
wildfly_grant() {
  wildfly_user
  local dir
  for dir in "${WF_WRITABLE[@]}"; do
    mkdir -p "$WF_HOME/$dir"
    chown -R "$WF_USER:" "$WF_HOME/$dir"
  done
  mkdir -p "$IMAGES_DIR/catalog"
  chown -R "$WF_USER:" "$IMAGES_DIR/catalog"
  chmod 700 "$IMAGES_DIR/catalog"
}

wildfly_healthy() {
  curl -sf -o /dev/null "http://127.0.0.1:$WF_PORT/api/health"
}

wildfly_start() {
  if pid_alive "$WF_PIDFILE"; then
    return
  fi
  require_free_port "$WF_PORT" WildFly
  require_free_port "$ECS_PORT" "the ECS API (MINICLOUD_ECS_PORT)"
  require_free_port $((WF_PORT + 1910)) "WildFly management"
  portal_environment
  wildfly_grant
  say "starting WildFly on $WF_URL as user $WF_USER"
  : > "$WF_LOG"
  rm -f "$WF_RELEASE_FILE"
  JAVA_OPTS=$WF_JAVA_OPTS LAUNCH_JBOSS_IN_BACKGROUND=1 daemonize "$RUN_DIR/wildfly.launcher.pid" "$WF_LOG" \
    "${WF_AS_USER[@]}" env HOME="$WF_HOME/standalone/data" "$WF_HOME/bin/standalone.sh" "${WF_ARGS[@]}"
  wait_until 180 "WildFly and the portal" "$WF_LOG" "$RUN_DIR/wildfly.launcher.pid" wildfly_up_or_failed
  # The server's own pid, found by root (a pid file its user wrote is not one root should kill by).
  pgrep -P "$(cat "$RUN_DIR/wildfly.launcher.pid")" -x java > "$WF_PIDFILE" || true
  if ! wildfly_healthy; then
    grep -E 'ERROR|WFLYCTL0013' "$WF_LOG" | head -n 5 >&2
    die "the portal failed to deploy; see $WF_HOME/standalone/log/server.log"
  fi
  wildfly_release > "$WF_RELEASE_FILE"
}

# Ready once the database answers and at least one compute node does (MicroProfile Health).
portal_ready() {
  curl -sf -o /dev/null "http://127.0.0.1:$((WF_PORT + 1910))/health/ready"
}

# What the portal's readiness check says about the cloud, e.g. {"database":"UP","reachableNode":"DOWN"}.
portal_readiness() {
  curl -s "http://127.0.0.1:$((WF_PORT + 1910))/health/ready" | grep -o '"minicloud"[^}]*}' | grep -o '{.*' || true
}

# The portal probes the local node once it runs (the first probe also decides its virt type);
# a node that never answers is reported, not fatal: an admin can fix it with the cloud up.
wildfly_await_node() {
  local start=$SECONDS
  printf '    waiting for the local compute node '
  until portal_ready; do
    if (( SECONDS - start >= 180 )); then
      printf '\n'
      warn "the portal runs, but no compute node answers: $(portal_readiness)"
      warn "the admin nodes page says why; deploy/minicloud status checks the host, deploy/minicloud logs wildfly has the details"
      return 0
    fi
    printf '.'
    sleep 2
  done
  printf ' up after %ss\n' $((SECONDS - start))
}

# Done waiting once the portal answers, or once WildFly says it started with errors.
wildfly_up_or_failed() {
  wildfly_healthy || grep -q 'started (with errors)' "$WF_LOG"
}

wildfly_stop() {
  stop_pid "$WF_PIDFILE" WildFly
  stop_pid "$RUN_DIR/wildfly.launcher.pid" "WildFly launcher"
}

wildfly_status() {
  if pid_alive "$WF_PIDFILE"; then
    if wildfly_healthy; then echo "running on $WF_URL"; else echo "running, but the portal is not healthy (see $WF_HOME/standalone/log/server.log)"; fi
  else
    echo "stopped"
  fi
}
