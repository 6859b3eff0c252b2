#!/usr/bin/env bash
# Installs ocpp-proxy as a hardened systemd service:
#   sudo systemd/install.sh [BINARY]      (default: dist/ocpp-proxy; build it with `npm run build`)
#   sudo systemd/install.sh --uninstall   (keeps /etc/ocpp-proxy, /var/lib/ocpp-proxy and the logs)
# The service is enabled only once the configuration names a backend; until then this prints
# what to do next.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
prefix="${DESTDIR:-}"
ini="/etc/ocpp-proxy/ocpp-2w-proxy.ini"
log="/var/log/ocpp-proxy/ocpp_messages.log"
state="/var/lib/ocpp-proxy/ocpp-proxy.db"

if [ "${1:-}" = "--uninstall" ]; then
  systemctl disable --now ocpp-proxy.service 2>/dev/null || true
  rm -f "$prefix/etc/systemd/system/ocpp-proxy.service" "$prefix/etc/logrotate.d/ocpp-proxy" "$prefix/usr/local/bin/ocpp-proxy"
  systemctl daemon-reload
  echo "ocpp-proxy removed; configuration, state and logs are kept in /etc/ocpp-proxy, /var/lib/ocpp-proxy, /var/log/ocpp-proxy"
  exit 0
fi

binary="${1:-$root/dist/ocpp-proxy}"
if [ ! -x "$binary" ]; then
  echo "install.sh: no executable at $binary (run 'npm run build' first, or name the binary)" >&2
  exit 2
fi
install -D -m 0755 "$binary" "$prefix/usr/local/bin/ocpp-proxy"
if [ ! -e "$prefix$ini" ]; then
  # Readable by the service's dynamic user (systemd does not chown ConfigurationDirectory); the
  # log and state paths written here are where every ocpp-proxy command looks for them.
  install -d -m 0755 "$prefix/etc/ocpp-proxy"
  sed -e "s|^file = ocpp_messages.log|file = $log|" -e "s|^path = ocpp-proxy.db|path = $state|" \
    "$root/ocpp-2w-proxy.ini" > "$prefix$ini"
  chmod 0644 "$prefix$ini"
  echo "installed the example configuration at $ini"
else
  # Older installs passed these paths on the unit's command line; keep them where they were.
  sed -i -e "s|^file = ocpp_messages.log\([[:space:];]\)|file = $log\1|" -e "s|^path = ocpp-proxy.db\([[:space:];]\)|path = $state\1|" "$prefix$ini"
fi
install -D -m 0644 "$here/ocpp-proxy.service" "$prefix/etc/systemd/system/ocpp-proxy.service"
install -D -m 0644 "$here/ocpp-proxy.logrotate" "$prefix/etc/logrotate.d/ocpp-proxy"
if ! checked="$("$prefix/usr/local/bin/ocpp-proxy" check -c "$prefix$ini")"; then
  echo "$checked" >&2
  echo "install.sh: fix the configuration above, then: systemctl enable --now ocpp-proxy" >&2
  exit 1
fi
echo "$checked"
systemctl daemon-reload
if grep -q 'no backend configured' <<<"$checked"; then
  cat <<NEXT

ocpp-proxy is installed but not enabled: $ini names no backend yet.
Next steps:
  1. set [ext-server] server (your backend) and secondary_server in $ini
  2. sudo ocpp-proxy check -c $ini
  3. sudo systemctl enable --now ocpp-proxy
  4. point the charger at ws://THIS-HOST:8888/CHARGER-ID and watch: sudo ocpp-proxy logs --follow
NEXT
  exit 0
fi
systemctl enable --now ocpp-proxy.service
systemctl --no-pager status ocpp-proxy.service | head -n 5 || true
echo "messages: sudo ocpp-proxy logs --follow    sessions: sudo ocpp-proxy sessions"
