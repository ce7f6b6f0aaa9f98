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
