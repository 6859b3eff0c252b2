#!/usr/bin/env bash
# The add-on's entry: its options become /data/ocpp-2w-proxy.ini, then the proxy runs with it.
# Home Assistant's SUPERVISOR_TOKEN is picked up by the proxy for the [homeassistant] bridge.
set -euo pipefail
ocpp-proxy ha-addon-ini /data/options.json > /data/ocpp-2w-proxy.ini
exec ocpp-proxy run -c /data/ocpp-2w-proxy.ini
