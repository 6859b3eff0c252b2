#!/usr/bin/env bash
# Installs ocpp-proxy as a hardened systemd service:
#   sudo systemd/install.sh [BINARY]      (default: dist/ocpp-proxy; build it with `npm run build`)
#   sudo systemd/install.sh --uninstall   (keeps /etc/ocpp-proxy, /var/lib/ocpp-proxy and the logs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
prefix="${DESTDIR:-}"

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
if [ ! -e "$prefix/etc/ocpp-proxy/ocpp-2w-proxy.ini" ]; then
  # Readable by the service's dynamic user (systemd does not chown ConfigurationDirectory).
  install -D -m 0644 "$root/ocpp-2w-proxy.ini" "$prefix/etc/ocpp-proxy/ocpp-2w-proxy.ini"
  echo "installed the example configuration at /etc/ocpp-proxy/ocpp-2w-proxy.ini: set your backend there"
fi
install -D -m 0644 "$here/ocpp-proxy.service" "$prefix/etc/systemd/system/ocpp-proxy.service"
install -D -m 0644 "$here/ocpp-proxy.logrotate" "$prefix/etc/logrotate.d/ocpp-proxy"
"$prefix/usr/local/bin/ocpp-proxy" check -c "$prefix/etc/ocpp-proxy/ocpp-2w-proxy.ini" || {
  echo "install.sh: fix the configuration above, then: systemctl enable --now ocpp-proxy" >&2
  exit 1
}
systemctl daemon-reload
systemctl enable --now ocpp-proxy.service
systemctl --no-pager status ocpp-proxy.service | head -n 5 || true
