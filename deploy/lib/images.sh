# Guest images built from Debian packages into the state directory, rebuilt when their recipe
# changes: tiny-linux (whose kernel and initramfs double as the KVM canary of the local node) by
# every up, Debian 12 with cloud-init on demand; and publishing an image file to the catalog.
# shellcheck shell=bash

IMAGES_DIR=$STATE/images
IMAGES_LOG=$LOG_DIR/images.log

images_build() {
  images_from_recipe tiny-linux "$REPO/deploy/images/build-tiny-image.sh" "$REPO/deploy/images/tiny-init.sh"
}

# Debian 12 with cloud-init (deploy/images/build-debian-image.sh): built on demand, not by 'up'.
images_build_debian() {
  images_from_recipe debian-12 "$REPO/deploy/images/build-debian-image.sh"
}

# Builds NAME.qcow2 into the images directory with the recipe SCRIPT (and the files it uses),
# unless the file there was built by the same recipe.
images_from_recipe() {
  local name=$1 script=$2 recipe stamp
  # the files' contents, not where the checkout is: a clone elsewhere builds nothing again
  recipe=$(sha256sum "${@:2}" | cut -d' ' -f1 | sha256sum | cut -d' ' -f1)
  stamp=$IMAGES_DIR/.$name.recipe
  if [ -f "$IMAGES_DIR/$name.qcow2" ] && [ "$recipe" = "$(cat "$stamp" 2>/dev/null)" ]; then
    return
  fi
  say "building the $name guest image from Debian packages (progress in $IMAGES_LOG)"
  "$script" "$IMAGES_DIR" >>"$IMAGES_LOG" 2>&1 || die "the $name image could not be built; see $IMAGES_LOG"
  echo "$recipe" > "$stamp"
}

# Publishes an image file to the running cloud's catalog as a public image, through the REST API
# as a cloud admin (keycloak_admin_token: in demo mode MINICLOUD_ADMIN_USER/MINICLOUD_ADMIN_PASSWORD,
# the demo admin by default; in production mode a sign-in in the browser). The
# same file published already is left as it is; an earlier file of that name is replaced unless
# instances use it.
images_publish() {
  local name=$1 file=$2 os=$3 version=$4 memory=$5 token api sha existing id state progress
  wildfly_healthy || die "the cloud is not up: run deploy/minicloud up first"
  token=$(keycloak_admin_token) \
    || die "could not sign in as a cloud admin (demo mode: set MINICLOUD_ADMIN_USER and MINICLOUD_ADMIN_PASSWORD)"
  api=$WF_LOCAL/api/v1/images
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
