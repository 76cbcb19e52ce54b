#!/bin/sh
# Starts coturn in the foreground from the environment (the flags deploy/embedded/coturn.py
# passes for the tests):
#   TURN_SECRET        the static-auth-secret the live service signs credentials with (required)
#   TURN_PORT          the listening port, UDP and TCP (default 3478)
#   TURN_RELAY_PORTS   the UDP range relayed media uses, published as is (default 49160-49199)
#   TURN_EXTERNAL_IP   the address put in relay candidates, when browsers reach the host by
#                      another one (1:1 NAT); empty: the host's own
#   TURN_REALM         the realm (default hireloop)
set -eu
: "${TURN_SECRET:?set TURN_SECRET}"
RELAY="${TURN_RELAY_PORTS:-49160-49199}"
set -- -n --listening-port="${TURN_PORT:-3478}" \
  --min-port="${RELAY%-*}" --max-port="${RELAY#*-}" \
  --use-auth-secret --static-auth-secret="$TURN_SECRET" --realm="${TURN_REALM:-hireloop}" \
  --fingerprint --no-tls --no-dtls --no-cli --no-multicast-peers --log-file=stdout --simple-log
if [ -n "${TURN_EXTERNAL_IP:-}" ]; then set -- "$@" --external-ip="$TURN_EXTERNAL_IP"; fi
exec turnserver "$@"
