#!/usr/bin/env bash
# Make the machine ready for the whole test suite, idempotently:
#   1. install the real peers the tests talk to, from Debian (rule 2 of DEVELOPERS.md);
#   2. start PostgreSQL, Redis and NATS JetStream when they are installed but down.
# Safe to run again and again; it does nothing that is already done.
set -uo pipefail

DEBIAN_PACKAGES=(sip-tester secsipidx kamailio kamailio-secsipid-modules)

log() { printf 'ensure-system: %s\n' "$*" >&2; }

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      log "apt-get install failed; the tests that need ${missing[*]} will say so"
    # Kamailio's package enables a system service; the tests start their own instances.
    command -v systemctl >/dev/null && systemctl disable --now kamailio >/dev/null 2>&1
  else
    log "not root: cannot install ${missing[*]}; the tests that need them will say so"
  fi
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! port_open 5432 && command -v pg_ctlcluster >/dev/null; then
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || log "PostgreSQL did not start"
fi
if ! port_open 6379 && command -v redis-server >/dev/null; then
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || log "Redis did not start"
fi
if ! port_open 4222 && [[ -x /usr/sbin/nats-server ]]; then
  log "starting NATS JetStream"
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log || log "NATS did not start"
fi
for _ in $(seq 1 30); do
  { port_open 5432 || ! command -v pg_ctlcluster >/dev/null; } && break
  sleep 0.5
done
exit 0
