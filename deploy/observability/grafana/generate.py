"""Write the Grafana dashboards (dashboards/*.json) from the panel lists below: one place for the
queries, uniform panels (every one with its data source and targets) and no hand-kept grid
positions. Never edit the JSON by hand:

    .venv/bin/python deploy/observability/grafana/generate.py           # rewrite them
    .venv/bin/python deploy/observability/grafana/generate.py --check   # exit 1 when one differs

Every query uses metrics the services export, or the recording rules of
deploy/observability/prometheus/rules/recording.yml (tests/deploy checks both).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("dashboards")
SCHEMA_VERSION = 39  # Grafana 10.4 / 11.x; newer versions migrate it on load
DS = {"type": "prometheus", "uid": "${datasource}"}
RATE = "$__rate_interval"
# Health, readiness and scrapes are not traffic.
NOT_PROBES = 'route!~"/healthz|/readyz|/metrics"'
# process_* and faststream_* metrics have no `service` label; borrow it from the chassis metrics
# of the same scrape target (every target serves http_requests_total, if only for /metrics).
BY_SERVICE = (
    "* on (instance) group_left (service) group by (instance, service) (http_requests_total)"
)


@dataclass
class Panel:
    title: str
    exprs: list[tuple[str, str]]  # (PromQL, legend)
    unit: str = "short"
    kind: str = "timeseries"
    width: int = 8
    description: str = ""
    instant: bool = False
    thresholds: list[tuple[float | None, str]] = field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None

    def render(self, panel_id: int, x: int, y: int) -> dict[str, Any]:
        steps = [{"color": c, "value": v} for v, c in (self.thresholds or [(None, "green")])]
        defaults: dict[str, Any] = {
            "unit": self.unit,
            "thresholds": {"mode": "absolute", "steps": steps},
        }
        if self.minimum is not None:
            defaults["min"] = self.minimum
        if self.maximum is not None:
            defaults["max"] = self.maximum
        if self.kind == "timeseries":
            defaults["custom"] = {
                "drawStyle": "line",
                "lineWidth": 1,
                "fillOpacity": 10,
                "showPoints": "never",
                "spanNulls": True,
                "thresholdsStyle": {"mode": "line" if self.thresholds else "off"},
            }
        else:
            defaults["color"] = {"mode": "thresholds"}
        options: dict[str, Any]
        if self.kind == "timeseries":
            options = {
                "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                "tooltip": {"mode": "multi", "sort": "desc"},
            }
        else:
            options = {
                "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                "orientation": "horizontal",
            }
            if self.kind == "stat":
                options |= {"colorMode": "value", "graphMode": "none", "textMode": "auto"}
        return {
            "id": panel_id,
            "type": self.kind,
            "title": self.title,
            "description": self.description,
            "datasource": DS,
            "gridPos": {"h": 8, "w": self.width, "x": x, "y": y},
            "targets": [
                {
                    "refId": chr(ord("A") + i),
                    "datasource": DS,
                    "expr": expr,
                    "legendFormat": legend,
                    "range": not self.instant,
                    "instant": self.instant,
                }
                for i, (expr, legend) in enumerate(self.exprs)
            ],
            "fieldConfig": {"defaults": defaults, "overrides": []},
            "options": options,
        }


Row = tuple[str, list[Panel]]


def variable(name: str, label: str, query: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "type": "query",
        "datasource": DS,
        "definition": query,
        "query": {"query": query, "refId": f"{name}-values"},
        "refresh": 2,
        "includeAll": True,
        "multi": True,
        "allValue": ".*",
        "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
        "sort": 1,
        "hide": 0,
    }


def dashboard(
    uid: str, title: str, description: str, rows: list[Row], variables: list[dict[str, Any]]
) -> dict[str, Any]:
    panels: list[dict[str, Any]] = []
    y = 0
    for row_title, row_panels in rows:
        panels.append(
            {
                "id": len(panels) + 1,
                "type": "row",
                "title": row_title,
                "collapsed": False,
                "gridPos": {"h": 1, "w": 24, "x": 0, "y": y},
                "panels": [],
            }
        )
        y += 1
        x = 0
        for panel in row_panels:
            if x + panel.width > 24:
                x, y = 0, y + 8
            panels.append(panel.render(len(panels) + 1, x, y))
            x += panel.width
        y += 8
    datasource = {
        "name": "datasource",
        "label": "Data source",
        "type": "datasource",
        "query": "prometheus",
        "current": {},
        "hide": 0,
        "refresh": 1,
    }
    return {
        "uid": uid,
        "title": title,
        "description": description,
        "tags": ["hireloop"],
        "schemaVersion": SCHEMA_VERSION,
        "version": 1,
        "editable": True,
        "graphTooltip": 1,
        "timezone": "browser",
        "time": {"from": "now-6h", "to": "now"},
        "refresh": "30s",
        "links": [
            {
                "title": "Hireloop",
                "type": "dashboards",
                "tags": ["hireloop"],
                "asDropdown": True,
                "includeVars": False,
                "keepTime": True,
            }
        ],
        "annotations": {"list": []},
        "templating": {"list": [datasource, *variables]},
        "panels": panels,
    }


# --- Overview ---------------------------------------------------------------------------------


def slo_row(title: str, name: str, budget: float, what: str) -> Row:
    ratio = f"slo:{name}:ratio_rate"
    good = [(None, "red"), (1 - budget, "green")]
    return (
        title,
        [
            Panel(
                "Good, last 30 days",
                [(f"1 - {ratio}30d", "good")],
                unit="percentunit",
                kind="stat",
                width=6,
                description=f"Share of {what} that met the objective over 30 days.",
                thresholds=good,
                instant=True,
            ),
            Panel(
                "Error budget left, 30 days",
                [(f"1 - {ratio}30d / {budget}", "budget left")],
                unit="percentunit",
                kind="stat",
                width=6,
                description=f"Error budget: {budget:.1%} of {what}. Below 0: the SLO is missed.",
                thresholds=[(None, "red"), (0.25, "orange"), (0.5, "green")],
                instant=True,
            ),
            Panel(
                "Burn rate (1 spends the budget in exactly 30 days)",
                [(f"{ratio}{w} / {budget}", w) for w in ("5m", "1h", "6h", "3d")],
                width=12,
                description="Alerts: 14.4 over 1h and 5m, or 6 over 6h and 30m, page; "
                "3 over 1d and 2h, or 1 over 3d and 6h, open a ticket.",
                thresholds=[(None, "green"), (1, "orange"), (6, "red")],
                minimum=0,
            ),
        ],
    )


def quantiles(
    metric: str, by: str = "", selector: str = "", qs: tuple[float, ...] = (0.5, 0.95, 0.99)
) -> list[tuple[str, str]]:
    group = f"{by}, le" if by else "le"
    legend = " ".join(f"{{{{{label.strip()}}}}}" for label in by.split(",")) + " " if by else ""
    return [
        (
            f"histogram_quantile({q}, sum by ({group}) (rate({metric}_bucket{selector}[{RATE}])))",
            f"{legend}p{round(q * 100)}",
        )
        for q in qs
    ]


OVERVIEW: list[Row] = [
    (
        "Pipeline",
        [
            Panel(
                "Candidates by invitation state",
                [("max by (state) (invitations_by_state)", "{{state}}")],
                kind="bargauge",
                description="Invitations in each state, all tenants (the invite service's sweep "
                "refreshes them).",
                instant=True,
            ),
            Panel(
                "Answers uploaded per minute, by container",
                [
                    (
                        f"sum by (container) (rate(recordings_uploaded_total[{RATE}])) * 60",
                        "{{container}}",
                    )
                ],
            ),
            Panel(
                "Recordings rejected per minute, by reason",
                [
                    (
                        f"sum by (reason) (rate(recordings_rejected_total[{RATE}])) * 60",
                        "{{reason}}",
                    )
                ],
            ),
            Panel(
                "Transcodes per minute, by outcome",
                [(f"sum by (outcome) (rate(transcodes_total[{RATE}])) * 60", "{{outcome}}")],
            ),
            Panel(
                "Time from upload to playable",
                quantiles("recording_time_to_playable_seconds"),
                unit="s",
                description="From the upload being accepted to the lowest rendition playable. "
                "Objective: 99% within 5 minutes.",
                thresholds=[(None, "green"), (300, "red")],
            ),
            Panel(
                "Transcode duration",
                quantiles("transcode_duration_seconds"),
                unit="s",
            ),
            Panel(
                "Transcriptions per minute, by outcome",
                [(f"sum by (outcome) (rate(transcriptions_total[{RATE}])) * 60", "{{outcome}}")],
                description="Transcribed, untranscribed (a language the model cannot handle) "
                "or failed. Transcripts are an aid for reviewers, never a score.",
            ),
            Panel(
                "Transcription jobs waiting and running",
                [
                    ("max(transcription_jobs_waiting)", "waiting"),
                    ("max(transcription_jobs_running)", "running"),
                ],
                description="The queue in MongoDB, all tenants (hence max). Production scales "
                "on waiting + running, one job per replica; TranscriptionStalled fires when "
                "jobs wait and none finishes for 15 minutes.",
                minimum=0,
            ),
            Panel(
                "Transcription speed (seconds of audio per second of work)",
                [
                    (
                        "histogram_quantile(0.5, sum by (le) "
                        f"(rate(transcription_realtime_factor_bucket[{RATE}])))",
                        "median",
                    )
                ],
                description="Realtime factor of the model with its fetch and decode; about 15x "
                "for tiny.en on 2 cores. Falling means the workers compete for CPU.",
                minimum=0,
            ),
            Panel(
                "Candidates' wait for a review and a decision (last 24 hours)",
                [
                    (
                        f"histogram_quantile({q}, sum by (step, le) "
                        "(increase(review_wait_seconds_bucket[24h]))) / 3600",
                        f"{{{{step}}}} p{round(q * 100)}",
                    )
                    for q in (0.5, 0.9)
                ],
                unit="h",
                description="From a candidate's completion to their first review and to an "
                "advance or reject decision, as they happened in the last day, all tenants. "
                "Each lead's page (and GET /v1/positions/{id}/review-time) shows it per position "
                "and reviewer, with the minutes of review per candidate.",
                minimum=0,
            ),
            Panel(
                "Share-link reads per minute, by outcome",
                [
                    (
                        f"sum by (outcome) (rate(review_share_views_total[{RATE}])) * 60",
                        "{{outcome}}",
                    )
                ],
                description="Hiring managers opening a candidate's answers through a share link: "
                "ok, or refused because the link was revoked or had expired. Each read is in the "
                "tenant's audit log under `share:<id>`.",
                minimum=0,
            ),
        ],
    ),
    slo_row(
        "SLO: answers playable within 5 minutes (99% over 30 days)",
        "time_to_playable_errors",
        0.01,
        "answers",
    ),
    slo_row(
        "SLO: API availability, gateway requests without a 5xx (99.9% over 30 days)",
        "api_errors",
        0.001,
        "gateway requests",
    ),
    slo_row(
        "SLO: events handled without dead-lettering (99.9% over 30 days)",
        "dead_letters",
        0.001,
        "consumed events",
    ),
]


# --- Service RED ------------------------------------------------------------------------------

HTTP = f'service=~"$service", {NOT_PROBES}'
EVENTS = 'service=~"$service"'

SERVICES: list[Row] = [
    (
        "HTTP: rate, errors, duration (health checks and scrapes left out)",
        [
            Panel(
                "Requests per second",
                [
                    (
                        f"sum by (service) (rate(http_requests_total{{{HTTP}}}[{RATE}]))",
                        "{{service}}",
                    )
                ],
                unit="reqps",
            ),
            Panel(
                "5xx share of requests",
                [
                    (
                        f'sum by (service) (rate(http_requests_total{{{HTTP}, status=~"5.."}}[{RATE}]))'
                        f" / sum by (service) (rate(http_requests_total{{{HTTP}}}[{RATE}]))",
                        "{{service}}",
                    )
                ],
                unit="percentunit",
                thresholds=[(None, "green"), (0.001, "red")],
                minimum=0,
            ),
            Panel(
                "4xx per second",
                [
                    (
                        f'sum by (service, status) (rate(http_requests_total{{{HTTP}, status=~"4.."}}[{RATE}]))',
                        "{{service}} {{status}}",
                    )
                ],
                unit="reqps",
            ),
            Panel(
                "Latency p95",
                [
                    (
                        "histogram_quantile(0.95, sum by (service, le) "
                        f"(rate(http_request_duration_seconds_bucket{{{HTTP}}}[{RATE}])))",
                        "{{service}}",
                    )
                ],
                unit="s",
            ),
            Panel(
                "Latency p99",
                [
                    (
                        "histogram_quantile(0.99, sum by (service, le) "
                        f"(rate(http_request_duration_seconds_bucket{{{HTTP}}}[{RATE}])))",
                        "{{service}}",
                    )
                ],
                unit="s",
            ),
            Panel(
                "Slowest routes (p95, top 10)",
                [
                    (
                        "topk(10, histogram_quantile(0.95, sum by (service, method, route, le) "
                        f"(rate(http_request_duration_seconds_bucket{{{HTTP}}}[{RATE}]))))",
                        "{{service}} {{method}} {{route}}",
                    )
                ],
                unit="s",
            ),
            Panel(
                "Requests per second by route and status",
                [
                    (
                        "sum by (service, method, route, status) "
                        f"(rate(http_requests_total{{{HTTP}}}[{RATE}]))",
                        "{{service}} {{method}} {{route}} {{status}}",
                    )
                ],
                unit="reqps",
                width=24,
            ),
        ],
    ),
    (
        "Event handlers: rate, errors, duration",
        [
            Panel(
                "Events per second by outcome",
                [
                    (
                        f"sum by (service, outcome) (rate(events_handled_total{{{EVENTS}}}[{RATE}]))",
                        "{{service}} {{outcome}}",
                    )
                ],
                unit="ops",
                description="processed, duplicate (already handled: redelivery), ignored (no "
                "handler), retried (failed, will run again), dead_lettered (gave up).",
            ),
            Panel(
                "Failed attempts share (retried or dead-lettered)",
                [
                    (
                        "sum by (service) (rate(events_handled_total"
                        f'{{{EVENTS}, outcome=~"retried|dead_lettered"}}[{RATE}]))'
                        " / sum by (service) "
                        f"(rate(events_handled_total{{{EVENTS}}}[{RATE}]))",
                        "{{service}}",
                    )
                ],
                unit="percentunit",
                minimum=0,
            ),
            Panel(
                "Handler duration p95 by event type",
                [
                    (
                        "histogram_quantile(0.95, sum by (service, type, le) "
                        f"(rate(event_handler_duration_seconds_bucket{{{EVENTS}}}[{RATE}])))",
                        "{{service}} {{type}}",
                    )
                ],
                unit="s",
                description="Includes the MongoDB transaction that records the event as handled.",
            ),
            Panel(
                "Processed per second by event type",
                [
                    (
                        "sum by (service, type) (rate(events_handled_total"
                        f'{{{EVENTS}, outcome="processed"}}[{RATE}]))',
                        "{{service}} {{type}}",
                    )
                ],
                unit="ops",
                width=24,
            ),
        ],
    ),
]


# --- Kafka and outbox -------------------------------------------------------------------------

MESSAGING: list[Row] = [
    (
        "Consumer lag",
        [
            Panel(
                "Lag by consumer group",
                [
                    (
                        "sum by (group) (max by (group, topic, partition) "
                        '(kafka_consumer_lag{group=~"$group"}))',
                        "{{group}}",
                    )
                ],
                description="Messages not yet read; the largest report per partition (a replica "
                "that lost a partition may report it for a while).",
                width=12,
            ),
            Panel(
                "Lag by topic and partition",
                [
                    (
                        'max by (group, topic, partition) (kafka_consumer_lag{group=~"$group"})',
                        "{{group}} {{topic}}[{{partition}}]",
                    )
                ],
                width=12,
            ),
            Panel(
                "Messages received per second by subscriber",
                [
                    (
                        f"sum by (handler) (rate(faststream_received_messages_total[{RATE}]))",
                        "{{handler}}",
                    )
                ],
                unit="ops",
                width=24,
            ),
        ],
    ),
    (
        "Retries and dead letters",
        [
            Panel(
                "Dead letters per minute by group",
                [
                    (
                        "sum by (group) (rate(events_handled_total"
                        f'{{outcome="dead_lettered", group=~"$group"}}[{RATE}])) * 60',
                        "{{group}}",
                    )
                ],
                description="Each one waits on <group>.dlq: see the gateway's /ops page to "
                "re-drive it.",
            ),
            Panel(
                "Retries per minute by group",
                [
                    (
                        "sum by (group) (rate(events_handled_total"
                        f'{{outcome="retried", group=~"$group"}}[{RATE}])) * 60',
                        "{{group}}",
                    )
                ],
            ),
            Panel(
                "Dead letters in the last 24 hours, by group and event type",
                [
                    (
                        "sum by (group, type) (increase(events_handled_total"
                        '{outcome="dead_lettered", group=~"$group"}[24h])) > 0',
                        "{{group}} {{type}}",
                    )
                ],
                kind="bargauge",
                instant=True,
                thresholds=[(None, "orange")],
            ),
        ],
    ),
    (
        "Outbox (events stored with their state change, waiting for Kafka)",
        [
            Panel(
                "Pending events by service",
                [("max by (service) (outbox_pending_events)", "{{service}}")],
            ),
            Panel(
                "Oldest pending event by service",
                [("max by (service) (outbox_oldest_pending_age_seconds)", "{{service}}")],
                unit="s",
                thresholds=[(None, "green"), (30, "orange"), (120, "red")],
            ),
            Panel(
                "Relay publish failures per second",
                [
                    (
                        f"sum by (service) (rate(outbox_publish_failures_total[{RATE}]))",
                        "{{service}}",
                    )
                ],
                unit="ops",
            ),
            Panel(
                "Published per second by event type",
                [
                    (
                        f"sum by (service, type) (rate(outbox_published_total[{RATE}]))",
                        "{{service}} {{type}}",
                    )
                ],
                unit="ops",
                width=12,
            ),
            Panel(
                "Kafka publish latency p95 by service",
                [
                    (
                        "histogram_quantile(0.95, sum by (service, le) "
                        f"(rate(faststream_published_messages_duration_seconds_bucket[{RATE}]) "
                        f"{BY_SERVICE}))",
                        "{{service}}",
                    )
                ],
                unit="s",
                width=12,
            ),
        ],
    ),
]


# --- Saturation -------------------------------------------------------------------------------

SATURATION: list[Row] = [
    (
        "Processes",
        [
            Panel(
                "CPU used by service (cores)",
                [
                    (
                        f"sum by (service) (rate(process_cpu_seconds_total[{RATE}]) {BY_SERVICE})",
                        "{{service}}",
                    )
                ],
                description="Compare with the CPU limits: 0.5 to 2 cores a pod (k8s/base).",
            ),
            Panel(
                "CPU used by instance (cores)",
                [
                    (
                        f"rate(process_cpu_seconds_total[{RATE}]) {BY_SERVICE}",
                        "{{service}} {{instance}}",
                    )
                ],
            ),
            Panel(
                "Resident memory by instance",
                [
                    (
                        f"process_resident_memory_bytes {BY_SERVICE}",
                        "{{service}} {{instance}}",
                    )
                ],
                unit="bytes",
            ),
            Panel(
                "Open file descriptors, share of the limit",
                [
                    (
                        f"(process_open_fds / process_max_fds) {BY_SERVICE}",
                        "{{service}} {{instance}}",
                    )
                ],
                unit="percentunit",
                thresholds=[(None, "green"), (0.8, "red")],
                minimum=0,
            ),
            Panel(
                "Events being handled now, by service",
                [
                    (
                        f"sum by (service) (faststream_received_messages_in_process {BY_SERVICE})",
                        "{{service}}",
                    )
                ],
            ),
        ],
    ),
    (
        "Webhooks: attempts, backlog, latency (what the autoscaler reads)",
        [
            Panel(
                "Webhook attempts per second, by outcome",
                [
                    (
                        f"sum by (outcome) (rate(webhook_attempts_total[{RATE}]))",
                        "{{outcome}}",
                    )
                ],
                unit="reqps",
                description="Requests to the tenants' endpoints. Failed: not a 2xx, a timeout, "
                "a connection or TLS error, or a target refused by the SSRF policy. "
                "WebhookDeliveriesFailing fires when most fail.",
            ),
            Panel(
                "Webhook deliveries waiting and due",
                [
                    ("max(webhook_deliveries_pending)", "not yet delivered"),
                    ("max(webhook_deliveries_due)", "due now"),
                    (
                        f"sum(increase(webhook_endpoints_disabled_total[{RATE}]))",
                        "endpoints disabled",
                    ),
                ],
                description="All tenants, counted in MongoDB by every replica (hence max). "
                "Not yet delivered includes those backing off and those queued behind another "
                "of their endpoint and aggregate; production scales on due now, 32 a replica.",
                minimum=0,
            ),
            Panel(
                "Webhook delivery latency",
                quantiles("webhook_delivery_latency_seconds", qs=(0.5, 0.99)),
                unit="s",
                description="From the event consumed to the receiver's 2xx, retries included.",
            ),
            Panel(
                "Greenhouse callbacks per second, by outcome",
                [
                    (
                        f"sum by (outcome) (rate(greenhouse_callbacks_total[{RATE}]))",
                        "{{outcome}}",
                    )
                ],
                unit="reqps",
                description="PATCHes to Greenhouse when a candidate it sent finishes or is "
                "decided on. Retried: failed, tried again later; abandoned after twelve failures "
                "(GreenhouseCallbacksAbandoned). Greenhouse's hourly poll still gets the result.",
            ),
        ],
    ),
    (
        "Sign-in: passwords and single sign-on",
        [
            Panel(
                "Sign-ins per second, by method and outcome",
                [
                    (
                        f"sum by (method, outcome) (rate(sign_ins_total[{RATE}]))",
                        "{{method}} {{outcome}}",
                    )
                ],
                unit="reqps",
                description="Staff sign-ins at the gateway. Refused: a wrong password, single "
                "sign-on required, a replayed or foreign answer, no mapped role; provider_failed: "
                "the tenant's OpenID provider did not answer. SingleSignOnFailing fires when most "
                "single sign-ons fail so.",
                width=24,
            ),
        ],
    ),
    (
        "Live rooms: rooms open, participants, joins, call quality",
        [
            Panel(
                "Live room joins per second, by outcome",
                [
                    (
                        f"sum by (outcome) (rate(live_joins_total[{RATE}]))",
                        "{{outcome}}",
                    )
                ],
                unit="reqps",
                description="Requests to enter a live room. Refused: the rules said no (not on "
                "the panel, too early, not admitted); failed: Janus did not take the token. "
                "LiveJoinsFailing fires when failures pass a fifth of the joins.",
            ),
            Panel(
                "Live rooms open and participants",
                [
                    ("max(live_rooms_open)", "rooms open"),
                    ("max(live_participants)", "participants"),
                ],
                description="All tenants, counted by every replica's rooms job (hence max); "
                "participants as Janus counts the publishers of the open rooms.",
                minimum=0,
            ),
            Panel(
                "Janus request failures, by operation",
                [
                    (
                        f"sum by (operation) (increase(live_janus_failures_total[{RATE}]))",
                        "{{operation}}",
                    )
                ],
                description="create: rooms that did not open on time; allow: tokens not "
                "admitted (joins failed); destroy, count: retried next round.",
                minimum=0,
            ),
            Panel(
                "Janus nodes answering, and rooms moved off a lost node",
                [
                    ("min by (node) (live_janus_node_up)", "{{node}} up"),
                    (f"sum(increase(live_rooms_moved_total[{RATE}]))", "rooms moved"),
                ],
                description="1: the node answered the live service's last ping (every round). "
                "A node down for 2 minutes fires LiveJanusNodeDown; its rooms move.",
                minimum=0,
            ),
            Panel(
                "Recorded calls handled, by outcome",
                [
                    (
                        f"sum by (outcome) (increase(live_recordings_total[{RATE}]))",
                        "{{outcome}}",
                    )
                ],
                description="Recorded rooms after their close: stored (composed, in S3, sent to "
                "transcoding), empty (no video), retried, failed (LiveRecordingsFailing).",
                minimum=0,
            ),
            Panel(
                "Live calls: time to the first remote frame, p50 and p95",
                quantiles("live_first_remote_frame_seconds", by="role", qs=(0.5, 0.95)),
                unit="s",
                description="From entering a room to the first frame of another participant's "
                "video, as the participants' browsers measure it (goal: under 0.5 s).",
            ),
            Panel(
                "Live calls: packet loss received, p95",
                quantiles("live_inbound_packet_loss_ratio", by="role", qs=(0.95,)),
                unit="percentunit",
                thresholds=[(None, "green"), (0.02, "orange"), (0.08, "red")],
                minimum=0,
                description="Share of other participants' packets lost on the way to a browser, "
                "per ten-second report. LiveMediaDegraded fires above 8 %.",
            ),
            Panel(
                "Live calls: bitrate received, p50",
                quantiles("live_inbound_bitrate_kbps", by="role", qs=(0.5,)),
                unit="Kbits",
                minimum=0,
            ),
        ],
    ),
    (
        "Transcoding capacity (what the autoscaler reads)",
        [
            Panel(
                "Transcode jobs waiting and running",
                [
                    ("max(transcode_jobs_waiting)", "waiting"),
                    ("max(transcode_jobs_running)", "running"),
                ],
                description="The job queue in MongoDB, all tenants (every replica counts the "
                "same jobs, hence max). Waiting: no worker holds them (queued, backing off after a "
                "failure, or under an expired lease). Production scales on waiting + running, "
                "one job per worker slot.",
                minimum=0,
            ),
            Panel(
                "Jobs per transcoding replica",
                [
                    (
                        "max(transcode_jobs_waiting + transcode_jobs_running)"
                        " / count(transcode_jobs_running)",
                        "jobs per replica",
                    ),
                    ("count(transcode_jobs_running)", "replicas"),
                ],
                description="Above the worker slots of a replica (2 in production), jobs wait "
                "and KEDA adds replicas, up to its maximum.",
                thresholds=[(None, "green"), (2, "orange")],
                minimum=0,
            ),
            Panel(
                "Transcode duration p95",
                [
                    (
                        "histogram_quantile(0.95, sum by (le) "
                        f"(rate(transcode_duration_seconds_bucket[{RATE}])))",
                        "p95",
                    )
                ],
                unit="s",
                description="Rises when transcoding workers compete for CPU.",
            ),
        ],
    ),
    (
        "Dependencies, as the services see them",
        [
            Panel(
                "MongoDB: command latency by command",
                quantiles("mongodb_command_duration_seconds", "command", qs=(0.5, 0.99)),
                unit="s",
                description="As the driver times each command (all services): find, insert, "
                "update, aggregate, findAndModify, commitTransaction, ...",
            ),
            Panel(
                "MongoDB: command latency p99 by service",
                quantiles("mongodb_command_duration_seconds", "service", qs=(0.99,)),
                unit="s",
            ),
            Panel(
                "MongoDB: failed commands per second by command",
                [
                    (
                        "sum by (service, command) (rate(mongodb_command_duration_seconds_count"
                        f'{{outcome="failed"}}[{RATE}]))',
                        "{{service}} {{command}}",
                    )
                ],
                unit="ops",
                description="Commands the server refused or that did not complete (e.g. a "
                "write conflict, a failover, a timeout).",
            ),
            Panel(
                "S3: request latency by operation",
                quantiles("s3_request_duration_seconds", "operation", qs=(0.5, 0.99)),
                unit="s",
                description="Per client call to the object store (ingest, transcoding, invite); "
                "file uploads and downloads include their transfer.",
            ),
            Panel(
                "S3: request latency p99 by service",
                quantiles("s3_request_duration_seconds", "service", qs=(0.99,)),
                unit="s",
            ),
            Panel(
                "S3: failed requests per second by operation",
                [
                    (
                        "sum by (service, operation) (rate(s3_request_duration_seconds_count"
                        f'{{outcome="failed"}}[{RATE}]))',
                        "{{service}} {{operation}}",
                    )
                ],
                unit="ops",
            ),
            Panel(
                "Kafka: publish latency p95 by service",
                [
                    (
                        "histogram_quantile(0.95, sum by (service, le) "
                        f"(rate(faststream_published_messages_duration_seconds_bucket[{RATE}]) "
                        f"{BY_SERVICE}))",
                        "{{service}}",
                    )
                ],
                unit="s",
                width=24,
            ),
        ],
    ),
    (
        "Periodic jobs",
        [
            Panel(
                "Periodic job rounds per minute, by job and outcome",
                [
                    (
                        f"sum by (service, job, outcome) (rate(job_runs_total[{RATE}]) "
                        f"{BY_SERVICE}) * 60",
                        "{{service}} {{job}} {{outcome}}",
                    )
                ],
                description="Sweeps, queue counts and callbacks each service runs on a "
                "schedule. A job whose rounds all fail pages (PeriodicJobFailing).",
                width=12,
            ),
            Panel(
                "Retention erasures per hour",
                [
                    (
                        "sum(increase(retention_erasures_total[1h]))",
                        "candidates erased",
                    )
                ],
                description="Candidates whose data of a closed position was erased because the "
                "tenant's retention period after the close ended (the invite service's sweep).",
                width=12,
                minimum=0,
            ),
        ],
    ),
]


DASHBOARDS = {
    "hireloop-overview": (
        "Hireloop / Overview",
        "The pipeline from invitation to playable answer, and the SLOs with their error budgets.",
        OVERVIEW,
        [],
    ),
    "hireloop-services": (
        "Hireloop / Service RED",
        "Rate, errors and duration of every service's HTTP API and event handlers.",
        SERVICES,
        [variable("service", "Service", "label_values(http_requests_total, service)")],
    ),
    "hireloop-messaging": (
        "Hireloop / Kafka and outbox",
        "Consumer lag, retries and dead letters per consumer group, and the outbox backlog.",
        MESSAGING,
        [variable("group", "Consumer group", "label_values(kafka_consumer_lag, group)")],
    ),
    "hireloop-saturation": (
        "Hireloop / Saturation",
        "CPU, memory and file descriptors per service, the transcoding job queue, and MongoDB, "
        "Kafka and S3 latency as the services see them.",
        SATURATION,
        [],
    ),
}


def render() -> dict[str, str]:
    return {
        f"{uid}.json": json.dumps(dashboard(uid, *spec), indent=2) + "\n"
        for uid, spec in DASHBOARDS.items()
    }


def main(argv: list[str]) -> int:
    files = render()
    if "--check" in argv:
        stale = [
            n
            for n, text in files.items()
            if not (OUT / n).exists() or (OUT / n).read_text() != text
        ]
        extra = sorted({p.name for p in OUT.glob("*.json")} - files.keys())
        if stale or extra:
            print(f"out of date: {stale + extra}: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.mkdir(exist_ok=True)
    for name, text in files.items():
        (OUT / name).write_text(text)
    print(f"wrote {len(files)} dashboards to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
