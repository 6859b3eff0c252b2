#!/bin/sh
# Container entry: a configuration in /data (the example on first start), state and log there
# too, the web monitor reachable from outside the container; extra arguments are passed on.
#
# Started as root (the image's default), it makes /data writable for the unprivileged user
# (a bind mount that Docker created is root-owned) and then drops to that user. Started as
# another user (`--user`), it says how to fix a /data it cannot write instead of crash-looping.
set -eu
DATA="${OCPP_PROXY_DATA:-/data}"
APP="${OCPP_PROXY_APP:-/app}"
NODE="${OCPP_PROXY_NODE:-node}"
RUN_AS="${OCPP_PROXY_USER:-node}"

if [ "$(id -u)" = 0 ] && [ "$RUN_AS" != root ]; then
  mkdir -p "$DATA"
  owner="$(id -u "$RUN_AS"):$(id -g "$RUN_AS")"
  if [ "$(stat -c %u:%g "$DATA")" != "$owner" ]; then
    echo "entrypoint: $DATA belongs to $(stat -c %U:%G "$DATA"); giving it to $RUN_AS ($owner)"
    chown "$owner" "$DATA"
    for file in ocpp-2w-proxy.ini ocpp-proxy.db ocpp-proxy.db-wal ocpp-proxy.db-shm ocpp_messages.log; do
      [ -e "$DATA/$file" ] && chown "$owner" "$DATA/$file"
    done
  fi
  exec setpriv --reuid="$(id -u "$RUN_AS")" --regid="$(id -g "$RUN_AS")" --init-groups --inh-caps=-all "$0" "$@"
fi

if ! [ -w "$DATA" ]; then
  echo "entrypoint: cannot write $DATA as uid $(id -u) (it belongs to $(stat -c %u:%g "$DATA" 2>/dev/null || echo 'nobody: it is missing'))." >&2
  echo "entrypoint: fix it on the host with: sudo chown $(id -u):$(id -g) ./data   (or start the container without --user)" >&2
  exit 78
fi
if [ ! -f "$DATA/ocpp-2w-proxy.ini" ]; then
  cp "$APP/ocpp-2w-proxy.ini" "$DATA/ocpp-2w-proxy.ini"
  echo "entrypoint: wrote the example configuration to $DATA/ocpp-2w-proxy.ini"
fi
exec "$NODE" "$APP/ocpp-proxy.mjs" run -c "$DATA/ocpp-2w-proxy.ini" \
  --state "$DATA/ocpp-proxy.db" --log-file "$DATA/ocpp_messages.log" --web-host 0.0.0.0 "$@"
