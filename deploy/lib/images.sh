# The tiny-linux guest image, built from Debian packages into the state directory; rebuilt when
# its recipe changes. Its kernel and initramfs double as the KVM canary of the local node.
# shellcheck shell=bash

IMAGES_DIR=$STATE/images
IMAGES_LOG=$LOG_DIR/images.log

images_recipe() {
  sha256sum "$REPO/deploy/images/build-tiny-image.sh" "$REPO/deploy/images/tiny-init.sh" | sha256sum | cut -d' ' -f1
}

images_build() {
  local recipe
  recipe=$(images_recipe)
  if [ -f "$IMAGES_DIR/tiny-linux.qcow2" ] && [ "$recipe" = "$(cat "$IMAGES_DIR/.recipe" 2>/dev/null)" ]; then
    return
  fi
  say "building the tiny-linux guest image from Debian packages"
  "$REPO/deploy/images/build-tiny-image.sh" "$IMAGES_DIR" >>"$IMAGES_LOG" 2>&1 \
    || die "the tiny-linux image could not be built; see $IMAGES_LOG"
  echo "$recipe" > "$IMAGES_DIR/.recipe"
}

# Debian 12 with cloud-init (deploy/images/build-debian-image.sh): built on demand, not by 'up',
# into the state directory; rebuilt when its recipe changes.
images_build_debian() {
  local recipe
  recipe=$(sha256sum "$REPO/deploy/images/build-debian-image.sh" | cut -d' ' -f1)
  if [ -f "$IMAGES_DIR/debian-12.qcow2" ] && [ "$recipe" = "$(cat "$IMAGES_DIR/.debian-recipe" 2>/dev/null)" ]; then
    return
  fi
  say "building the Debian 12 cloud image from Debian packages (a few minutes; progress in $IMAGES_LOG)"
  "$REPO/deploy/images/build-debian-image.sh" "$IMAGES_DIR" >>"$IMAGES_LOG" 2>&1 \
    || die "the Debian 12 image could not be built; see $IMAGES_LOG"
  echo "$recipe" > "$IMAGES_DIR/.debian-recipe"
}

# Publishes an image file to the running cloud's catalog as a public image, through the REST API
# as a cloud admin (MINICLOUD_ADMIN_USER/MINICLOUD_ADMIN_PASSWORD, the demo admin by default). The
# same file published already is left as it is; an earlier file of that name is replaced unless
# instances use it.
images_publish() {
  local name=$1 file=$2 os=$3 version=$4 memory=$5 token api sha existing id state progress
  wildfly_healthy || die "the cloud is not up: run deploy/minicloud up first"
  token=$(keycloak_token "${MINICLOUD_ADMIN_USER:-admin}" "${MINICLOUD_ADMIN_PASSWORD:-admin}") \
    || die "could not sign in as cloud admin ${MINICLOUD_ADMIN_USER:-admin}: set MINICLOUD_ADMIN_USER and MINICLOUD_ADMIN_PASSWORD"
  api=$WF_URL/api/v1/images
  sha=$(sha256sum "$file" | cut -d' ' -f1)
  existing=$(curl -sf -H "Authorization: Bearer $token" "$api" \
    | jq -r --arg name "$name" '.[] | select(.name == $name and .visibility == "public") | "\(.id) \(.state) \(.uploadSha256)"')
  if [ -n "$existing" ]; then
    read -r id state existing <<<"$existing"
    if [ "$state" = ACTIVE ] && [ "$existing" = "$sha" ]; then
      say "image $name is published already (id $id)"
      return
    fi
    say "replacing image $name (id $id, $state)"
    curl -sf -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$api/$id" \
      || die "image $name (id $id) could not be deleted (instances use it?): rename it with PATCH $api/$id first"
  fi
  id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$api" -d "$(jq -n \
      --arg name "$name" --arg os "$os" --arg version "$version" --arg sha "$sha" --argjson memory "$memory" \
      '{name: $name, os: $os, osVersion: $version, format: "qcow2", minMemoryMib: $memory, visibility: "public", expectedSha256: $sha}')" \
    | jq -r .id) || die "the portal refused to register image $name"
  say "uploading $file ($(du -h "$file" | cut -f1)) as image $name (id $id)"
  curl -sf --progress-bar -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/octet-stream' \
    -T "$file" "$api/$id/file" || die "the upload of image $name failed: see deploy/minicloud logs wildfly"
  while :; do
    read -r state progress <<<"$(curl -sf -H "Authorization: Bearer $token" "$api/$id" | jq -r '"\(.state) \(.progress // "")"')"
    case "$state" in
      ACTIVE) say "image $name is published (id $id): every tenant can launch it"; return ;;
      REJECTED) die "image $name was rejected: $(curl -sf -H "Authorization: Bearer $token" "$api/$id" | jq -r .stateReason)" ;;
    esac
    printf '    %s %s\r' "$state" "${progress:+$(jq -n "$progress * 100 | floor")%}"
    sleep 2
  done
}
