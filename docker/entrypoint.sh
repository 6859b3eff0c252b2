#!/bin/sh
# Container entry: a configuration in /data (the example on first start), state and log there
# too, the web monitor reachable from outside the container; extra arguments are passed on.
set -eu
DATA="${OCPP_PROXY_DATA:-/data}"
APP="${OCPP_PROXY_APP:-/app}"
NODE="${OCPP_PROXY_NODE:-node}"
if [ ! -f "$DATA/ocpp-2w-proxy.ini" ]; then
  cp "$APP/ocpp-2w-proxy.ini" "$DATA/ocpp-2w-proxy.ini"
  echo "entrypoint: wrote the example configuration to $DATA/ocpp-2w-proxy.ini"
fi
exec "$NODE" "$APP/ocpp-proxy.mjs" run -c "$DATA/ocpp-2w-proxy.ini" \
  --state "$DATA/ocpp-proxy.db" --log-file "$DATA/ocpp_messages.log" --web-host 0.0.0.0 "$@"
