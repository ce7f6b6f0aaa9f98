# What the benchmarks of a running cloud share (sourced): the repository as working directory, the
# deploy libraries (keycloak_token, mariadb_sql, the state's paths), Temurin 25 for the Java parts,
# and a refusal to start unless 'deploy/minicloud up' has brought the portal up.
# shellcheck shell=bash
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
. deploy/lib/common.sh
. deploy/lib/mariadb.sh
. deploy/lib/keycloak.sh
. deploy/lib/wildfly.sh
export JAVA_HOME=$JAVA25_HOME
pid_alive "$WF_PIDFILE" || die "the portal is not running: deploy/minicloud up first"
