#!/usr/bin/env bash
# The add-on's entry: its options (/data/options.json) become /data/ocpp-2w-proxy.ini, then the
# proxy runs with it. With Home Assistant options set, the proxy takes the Supervisor's URL and
# SUPERVISOR_TOKEN for its [homeassistant] bridge; the token alone turns nothing on.
set -euo pipefail
data="${OCPP_PROXY_DATA:-/data}"
ocpp-proxy ha-addon-ini "$data/options.json" > "$data/ocpp-2w-proxy.ini.new"
mv "$data/ocpp-2w-proxy.ini.new" "$data/ocpp-2w-proxy.ini"
exec ocpp-proxy run -c "$data/ocpp-2w-proxy.ini"
