#!/bin/sh
# Writes Janus's configuration from the environment and starts it in the foreground (the same
# settings deploy/embedded/janus.py writes for `make run` and the tests):
#   JANUS_TOKEN_SECRET   HMAC secret of the tokens the live service mints (required)
#   JANUS_ADMIN_KEY      VideoRoom's admin_key: only the live service creates rooms (required)
#   JANUS_RTP_PORTS      the UDP range for media, published as is (default 20000-20199)
#   JANUS_NAT_1_1        the public address of a host behind 1:1 NAT (cloud instances): put in
#                        every ICE candidate; empty on a host whose address browsers reach
#   JANUS_HTTP_PORT      the HTTP API's port (default 8088)
set -eu
: "${JANUS_TOKEN_SECRET:?set JANUS_TOKEN_SECRET}"
: "${JANUS_ADMIN_KEY:?set JANUS_ADMIN_KEY}"
RTP="${JANUS_RTP_PORTS:-20000-20199}"
PORT="${JANUS_HTTP_PORT:-8088}"
DIR="${JANUS_CONFIG_DIR:-/tmp/janus}"
LIB=$(dirname "$(ls -d /usr/lib/*/janus/plugins)")
mkdir -p "$DIR"
NAT=""
if [ -n "${JANUS_NAT_1_1:-}" ]; then NAT="nat_1_1_mapping = \"$JANUS_NAT_1_1\""; fi
cat > "$DIR/janus.jcfg" <<CFG
general: {
	configs_folder = "$DIR"
	plugins_folder = "$LIB/plugins"
	transports_folder = "$LIB/transports"
	events_folder = "$LIB/events"
	loggers_folder = "$LIB/loggers"
	debug_level = 4
	token_auth = true
	token_auth_secret = "$JANUS_TOKEN_SECRET"
	session_timeout = 60
}
media: {
	rtp_port_range = "$RTP"
}
nat: {
	ignore_mdns = true
	ice_ignore_list = "vmnet"
	$NAT
}
plugins: {
	disable = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so"
}
loggers: {
	disable = "libjanus_jsonlog.so"
}
transports: {
	disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so,libjanus_websockets.so"
}
CFG
cat > "$DIR/janus.transport.http.jcfg" <<CFG
general: {
	json = "plain"
	base_path = "/janus"
	http = true
	port = $PORT
	https = false
}
admin: {
	admin_http = false
}
CFG
cat > "$DIR/janus.plugin.videoroom.jcfg" <<CFG
general: {
	admin_key = "$JANUS_ADMIN_KEY"
	lock_rtp_forward = true
	lock_play_file = true
}
CFG
exec janus -F "$DIR" -o
