"""What SREs get (deploy/observability/, docs/runbooks/) agrees with the code and with itself:

- the Prometheus configuration, recording and alert rules pass `promtool check` and the rules'
  unit tests (`promtool test rules`: each alert fires on example data, and only where it should);
- every alert has a severity, a summary and a runbook in docs/runbooks/ that says what it means,
  how to confirm it and what to do, linked by an absolute runbook_url under the Prometheus
  server's external label `runbook_base_url` (promtool renders each one in the rules' unit tests);
- the Grafana dashboards are the generator's output, valid JSON of the schema version it targets,
  every panel with a data source and queries that promtool parses;
- every metric a dashboard or a rule reads is one the running services export: the whole system
  is started on the embedded servers and each service's /metrics is parsed; the thresholds the
  SLO rules select are bucket bounds of their histograms;
- every dashboard and rule query evaluates on a real Prometheus scraping those services (which
  catches what parsing cannot, e.g. a join matching many series on both sides);
- the compose stack wires the collector, Jaeger, Prometheus and Grafana to each other and to the
  services (targets, ports, mounted files).

promtool and prometheus come from Debian's `prometheus` package (`make install`); without it
those checks are skipped, and say so."""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.utils import floatToGoString

from embedded import System
from tests.deploy.test_manifests import (
    COMPOSE_FILE,
    ROOT,
    SERVICES,
    compose,
    environment,
    our_services,
)
from tests.support import free_port

OBSERVABILITY = ROOT / "deploy" / "observability"
PROMETHEUS_DIR = OBSERVABILITY / "prometheus"
PROMETHEUS_CONFIG = PROMETHEUS_DIR / "prometheus.yml"
RULE_FILES = sorted((PROMETHEUS_DIR / "rules").glob("*.yml"))
RULE_TESTS = sorted((PROMETHEUS_DIR / "tests").glob("*.yml"))
GRAFANA = OBSERVABILITY / "grafana"
DASHBOARDS = sorted((GRAFANA / "dashboards").glob("*.json"))
COLLECTOR_CONFIG = OBSERVABILITY / "otel-collector.yaml"
RUNBOOKS = ROOT / "docs" / "runbooks"
# What every alert's runbook_url is: the page under the server's external label.
RUNBOOK_URL = "{{ $externalLabels.runbook_base_url }}"
SCHEMA_VERSION = 39
# Series Prometheus makes itself rather than scraping them.
SYNTHETIC = {"up", "ALERTS", "ALERTS_FOR_STATE"}
# Grafana's variables, replaced by something PromQL accepts before promtool parses a query.
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$__interval": "1m", "$__range": "1h"}


# -- reading PromQL -------------------------------------------------------------------------------

KEYWORDS = {"and", "or", "unless", "bool", "offset", "inf", "nan", "atan2"}


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects: identifiers that are not functions,
    aggregations, keywords, label names (in braces or grouping clauses) or durations."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    text = re.sub(r"\boffset\s+-?\d+[smhdwy]+", "", text)
    text = re.sub(r"(?<![\w:])\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w:])", "", text)
    names = set()
    for match in re.finditer(r"[A-Za-z_:][\w:]*", text):
        follows = text[match.end() :].lstrip()
        if follows.startswith("(") or match.group() in KEYWORDS:
            continue
        names.add(match.group())
    return names


def test_metric_names_reads_promql_as_intended() -> None:
    expr = (
        'histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket{route!~"/x"}[$__rate_interval])))'
        " / on (instance) group_left (service) group by (instance, service) (http_requests_total)"
        ' + (sum(rate(transcodes_total{outcome="failed"}[5m])) or vector(0)) > 1e3'
        " unless x_total offset 15m and slo:rule:ratio_rate5m"
    )
    assert metric_names(expr) == {
        "http_request_duration_seconds_bucket",
        "http_requests_total",
        "transcodes_total",
        "x_total",
        "slo:rule:ratio_rate5m",
    }


# -- the rules --------------------------------------------------------------------------------------


@cache
def rule_groups() -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for path in RULE_FILES:
        groups += yaml.safe_load(path.read_text())["groups"]
    return groups


def rules(kind: str) -> list[dict[str, Any]]:
    return [rule for group in rule_groups() for rule in group["rules"] if kind in rule]


def recorded_names() -> set[str]:
    return {rule["record"] for rule in rules("record")}


def promtool() -> str:
    found = shutil.which("promtool")
    if not found:
        pytest.skip(
            "promtool is missing: Debian's `prometheus` package provides it (make install adds it)"
        )
    return found


def run_promtool(*args: str | Path) -> None:
    result = subprocess.run(
        [promtool(), *map(str, args)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_prometheus_config_and_rules_pass_promtool_check() -> None:
    assert RULE_FILES, "no rule files"
    run_promtool("check", "config", PROMETHEUS_CONFIG)
    run_promtool("check", "rules", *RULE_FILES)


def test_rule_unit_tests_pass() -> None:
    assert RULE_TESTS, "no rule unit tests"
    run_promtool("test", "rules", *RULE_TESTS)


def test_config_loads_every_rule_file() -> None:
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    loaded = {p for pattern in config["rule_files"] for p in PROMETHEUS_DIR.glob(pattern)}
    assert loaded == set(RULE_FILES)


def test_rule_unit_tests_cover_every_alert() -> None:
    tested = "\n".join(path.read_text() for path in RULE_TESTS)
    for name in {rule["alert"] for rule in rules("alert")}:
        assert f'alertname="{name}"' in tested, f"{name} has no unit test"


def test_every_alert_has_severity_summary_and_its_runbook() -> None:
    alerts = rules("alert")
    assert alerts
    for rule in alerts:
        name = rule["alert"]
        assert rule["labels"]["severity"] in {"critical", "warning"}, name
        annotations = rule["annotations"]
        assert annotations["summary"] and annotations["description"], name
        assert annotations["runbook_url"] == f"{RUNBOOK_URL}/{name}.md", name


def test_runbook_links_are_absolute_under_the_configured_base() -> None:
    """Alerts link runbooks under the server's external label `runbook_base_url`, set once per
    Prometheus (not in the rules)."""
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    base = urlsplit(config["global"]["external_labels"]["runbook_base_url"])
    assert base.scheme == "https" and base.netloc, base
    assert base.path.endswith("/docs/runbooks"), "the folder itself, without a trailing slash"


def test_every_rendered_runbook_url_names_an_existing_runbook() -> None:
    """promtool renders each alert's annotations in the alert_rule_test cases (with the external
    labels of the compose configuration) and compares them with the expected ones; here, every
    alert rule has such a case and each expected runbook_url is a runbook that exists."""
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    base = config["global"]["external_labels"]["runbook_base_url"]
    rendered: set[tuple[str, str]] = set()
    for path in RULE_TESTS:
        for group in yaml.safe_load(path.read_text())["tests"]:
            cases = group.get("alert_rule_test", [])
            if any(case["exp_alerts"] for case in cases):
                assert group["external_labels"]["runbook_base_url"] == base, path.name
            for case in cases:
                for alert in case["exp_alerts"]:
                    url = alert["exp_annotations"]["runbook_url"]
                    assert url.startswith(f"{base}/"), url
                    page = RUNBOOKS / url.removeprefix(f"{base}/")
                    assert page == RUNBOOKS / f"{case['alertname']}.md", url
                    assert page.is_file(), f"{url}: no {page.relative_to(ROOT)}"
                    rendered.add((case["alertname"], alert["exp_labels"]["severity"]))
    expected = {(rule["alert"], rule["labels"]["severity"]) for rule in rules("alert")}
    assert expected - rendered == set(), "alert rules whose annotations no test renders"


def test_runbooks_say_what_it_means_how_to_confirm_and_what_to_do() -> None:
    alerts = {rule["alert"] for rule in rules("alert")}
    pages = {p.stem for p in RUNBOOKS.glob("*.md")} - {"README"}
    assert pages == alerts, "one runbook per alert, and no page without its alert"
    index = (RUNBOOKS / "README.md").read_text()
    for name in alerts:
        text = (RUNBOOKS / f"{name}.md").read_text()
        assert text.startswith(f"# {name}\n"), name
        for section in ("## What it means", "## Confirm", "## What to do"):
            assert section in text, f"{name}: no '{section}'"
        assert f"[{name}.md]({name}.md)" in index, f"README does not list {name}"


def test_runbooks_name_the_ops_page_and_redrive_route_the_gateway_serves() -> None:
    from services.gateway import ops, pages

    api = {(method, route.path) for route in ops.router.routes for method in route.methods}
    assert ("POST", "/v1/ops/dead-letters/{letter_id}/redrive") in api
    assert ("GET", "/v1/ops/dead-letters") in api
    assert ("GET", "/v1/ops/status") in api
    assert "/ops" in {route.path for route in pages.router.routes}
    index = (RUNBOOKS / "README.md").read_text()
    for text in (index, (RUNBOOKS / "DeadLetterArrived.md").read_text()):
        assert "/ops" in text
        assert re.search(r"/v1/ops/dead-letters/\{?<?\w+>?\}?/redrive", text)
    assert "POST /v1/ops/dead-letters/{id}/redrive" in index


# -- the dashboards ---------------------------------------------------------------------------------


@cache
def dashboards() -> dict[str, dict[str, Any]]:
    return {path.name: json.loads(path.read_text()) for path in DASHBOARDS}


def panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        if panel["type"] == "row":
            yield from panel.get("panels", [])
        else:
            yield panel


def queries() -> Iterator[tuple[str, str]]:
    """(where, PromQL) of every panel target and every variable query."""
    for name, dashboard in dashboards().items():
        for panel in panels(dashboard):
            for target in panel["targets"]:
                yield f"{name}: {panel['title']}", target["expr"]
        for variable in dashboard["templating"]["list"]:
            if variable["type"] == "query":
                found = re.fullmatch(r"label_values\((\w+),\s*\w+\)", variable["definition"])
                assert found, f"{name}: variable {variable['name']}"
                yield f"{name}: ${variable['name']}", found[1]


def test_dashboards_are_the_generators_output() -> None:
    result = subprocess.run(
        [sys.executable, str(GRAFANA / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


def test_the_dashboards_the_issue_asks_for_exist() -> None:
    assert {d["uid"] for d in dashboards().values()} == {
        "hireloop-overview",
        "hireloop-services",
        "hireloop-messaging",
        "hireloop-saturation",
    }
    overview = "\n".join(expr for where, expr in queries() if where.startswith("hireloop-overview"))
    for metric in (
        "invitations_by_state",
        "recording_time_to_playable_seconds_bucket",
        "slo:time_to_playable_errors:ratio_rate30d",
        "transcodes_total",
        "recordings_rejected_total",
    ):
        assert metric in overview, metric


@pytest.mark.parametrize("path", DASHBOARDS, ids=lambda p: p.name)
def test_dashboard_is_valid_and_every_panel_has_a_datasource_and_queries(path: Path) -> None:
    dashboard = json.loads(path.read_text())
    assert dashboard["schemaVersion"] == SCHEMA_VERSION
    assert dashboard["uid"] == path.stem and len(dashboard["uid"]) <= 40
    assert dashboard["title"].startswith("Hireloop / ")
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    ids, cells = set(), set()
    for panel in dashboard["panels"]:
        assert panel["id"] not in ids, f"duplicate panel id {panel['id']}"
        ids.add(panel["id"])
        grid = panel["gridPos"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 24, panel["title"]
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                assert (x, y) not in cells, f"{panel['title']} overlaps another panel"
                cells.add((x, y))
    for panel in panels(dashboard):
        title = panel["title"]
        assert panel["type"] in {"timeseries", "stat", "bargauge", "gauge", "table"}, title
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, title
        assert panel["targets"], f"{title} has no queries"
        for target in panel["targets"]:
            assert target["datasource"] == panel["datasource"], title
            assert target["refId"] and target["expr"].strip(), title
            for used in re.findall(r"\$(\w+)", target["expr"]):
                assert used.startswith("__") or used in variables, f"{title}: ${used} undefined"


def test_every_dashboard_query_parses(tmp_path: Path) -> None:
    """promtool parses each query as the expression of a recording rule."""
    checks = []
    for i, (_, expr) in enumerate(queries()):
        for name, value in GRAFANA_VARIABLES.items():
            expr = expr.replace(name, value)
        expr = re.sub(r"\$\w+", ".*", expr)
        checks.append({"record": f"dashboard:query_{i}", "expr": expr})
    path = tmp_path / "dashboard-queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboards", "rules": checks}]}))
    run_promtool("check", "rules", path)


# -- metric names: what the running services export -----------------------------------------------


def exported_names(text: str) -> tuple[set[str], dict[str, set[str]]]:
    """The sample names a /metrics page can hold (also for labelled metrics with no sample yet,
    from their TYPE), and the `le` bounds of each histogram's buckets."""
    suffixes = {
        "counter": ("_total", "_created"),
        "histogram": ("_bucket", "_sum", "_count", "_created"),
        "gaugehistogram": ("_bucket", "_gsum", "_gcount"),
        "summary": ("", "_sum", "_count", "_created"),
        "info": ("_info",),
    }
    names: set[str] = set()
    buckets: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(text):
        names |= {family.name + suffix for suffix in suffixes.get(family.type, ("",))}
        for sample in family.samples:
            names.add(sample.name)
            if sample.name.endswith("_bucket"):
                buckets.setdefault(sample.name, set()).add(sample.labels["le"])
    return names, buckets


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The whole system on the embedded servers, started once for this module: service -> URL."""
    system = System(
        tmp_path_factory.mktemp("observability"), extra_env={"GATEWAY_PORT": str(free_port())}
    )
    try:
        yield system.start().service_urls
    finally:
        system.stop()


@pytest.fixture(scope="module")
def scraped(running: dict[str, str]) -> tuple[set[str], dict[str, set[str]]]:
    """Every service's /metrics, read: the sample names and the histograms' bucket bounds."""
    names: set[str] = set()
    buckets: dict[str, set[str]] = {}
    with httpx.Client(timeout=10, trust_env=False) as client:
        for service, url in running.items():
            response = client.get(f"{url}/metrics")
            assert response.status_code == 200, service
            found, bounds = exported_names(response.text)
            names |= found
            for name, values in bounds.items():
                buckets.setdefault(name, set()).update(values)
    return names, buckets


def query(client: httpx.Client, expr: str) -> list[dict[str, Any]]:
    response = client.get("/api/v1/query", params={"query": expr})
    body = response.json()
    assert body["status"] == "success", f"{expr}: {body.get('error')}"
    return list(body["data"]["result"])


@pytest.fixture(scope="module")
def prometheus(
    running: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    """A real Prometheus (Debian's, as on the machines) scraping the running services every
    second with the rules loaded: a client for its API once it has scraped each three times."""
    binary = shutil.which("prometheus")
    if not binary:
        pytest.skip("prometheus is missing: Debian's `prometheus` package provides it")
    directory = tmp_path_factory.mktemp("prometheus")
    targets = [urlsplit(url).netloc for url in running.values()]
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(path) for path in RULE_FILES],
        "scrape_configs": [{"job_name": "hireloop", "static_configs": [{"targets": targets}]}],
    }
    (directory / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    with (directory / "prometheus.log").open("wb") as log:
        process = subprocess.Popen(
            [
                binary,
                f"--config.file={directory / 'prometheus.yml'}",
                f"--storage.tsdb.path={directory / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10, trust_env=False) as c:
            deadline = time.monotonic() + 30
            while True:
                assert process.poll() is None, (directory / "prometheus.log").read_text()
                with contextlib.suppress(httpx.HTTPError, AssertionError, KeyError, ValueError):
                    # Three scrapes of every target: enough samples for rate().
                    seen = query(c, "count(count_over_time(up[1m]) >= 3)")
                    if seen and int(seen[0]["value"][1]) == len(targets):
                        break
                assert time.monotonic() < deadline, "Prometheus did not scrape every service"
                time.sleep(0.5)
            yield c
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def used_metrics() -> dict[str, set[str]]:
    """Each metric name the dashboards and rules read, with where."""
    used: dict[str, set[str]] = {}
    for where, expr in queries():
        for name in metric_names(expr):
            used.setdefault(name, set()).add(where)
    for rule in rules("expr"):
        where = f"rule {rule.get('record') or rule.get('alert')}"
        for name in metric_names(rule["expr"]):
            used.setdefault(name, set()).add(where)
    return used


@pytest.mark.integration
def test_dashboards_and_rules_read_only_metrics_the_services_export(
    scraped: tuple[set[str], dict[str, set[str]]],
) -> None:
    exported, _ = scraped
    known = exported | recorded_names() | SYNTHETIC
    missing = {name: sorted(where) for name, where in used_metrics().items() if name not in known}
    report = "\n".join(f"  {name}: read by {', '.join(where)}" for name, where in missing.items())
    assert not missing, f"read by dashboards or rules, exported by no service:\n{report}"


def declared_buckets() -> dict[str, set[str]]:
    """The bucket bounds of every histogram the services declare, observed or not (a labelled
    histogram shows no bucket on /metrics before its first observation)."""
    for service in SERVICES:
        importlib.import_module(f"services.{service}.app")
    # prometheus_client has no public index of collectors by sample name.
    collectors = REGISTRY._names_to_collectors
    return {
        name: {floatToGoString(bound) for bound in collector._upper_bounds}
        for name, collector in collectors.items()
        if name.endswith("_bucket") and hasattr(collector, "_upper_bounds")
    }


@pytest.mark.integration
def test_slo_thresholds_are_bucket_bounds_of_their_histograms(
    scraped: tuple[set[str], dict[str, set[str]]],
) -> None:
    """A `le` the rules select must be a bucket bound, or the SLI counts nothing as good."""
    _, buckets = scraped
    declared = declared_buckets()
    matcher = re.compile(r'(\w+_bucket)\{[^}]*le="([^"]+)"')
    selected = {m for rule in rules("expr") for m in matcher.findall(rule["expr"])}
    assert selected, "the SLO rules select no histogram bucket"
    for name, bound in selected:
        bounds = buckets.get(name, set()) | declared.get(name, set())
        assert bound in bounds, f"{name} has no bucket le={bound}: {sorted(bounds)}"


# -- the compose stack ------------------------------------------------------------------------------


def mounts(service: str) -> dict[str, Path]:
    """A compose service's bind mounts: container path -> path in the repository."""
    found = {}
    for volume in compose()["services"][service].get("volumes", []):
        source, target, *_ = volume.split(":")
        if source.startswith("./"):
            found[target] = (COMPOSE_FILE.parent / source).resolve()
    return found


def test_compose_mounts_only_files_that_exist() -> None:
    for name in compose()["services"]:
        for target, source in mounts(name).items():
            assert source.exists(), f"{name}: {source} (for {target}) is missing"


def test_prometheus_scrapes_every_service_of_the_compose_file() -> None:
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    (job,) = config["scrape_configs"]
    assert "hireloop" in job["job_name"]  # HireloopTargetDown selects the job by it
    targets = {t for static in job["static_configs"] for t in static["targets"]}
    expected = {
        f"{name}:{environment(service)['SERVICE_PORT']}" for name, service in our_services().items()
    }
    assert targets == expected
    prometheus = compose()["services"]["prometheus"]
    config_file = next(a.split("=", 1)[1] for a in prometheus["command"] if "config.file" in a)
    assert mounts("prometheus")[str(Path(config_file).parent)] == PROMETHEUS_DIR


def test_services_send_traces_to_the_collector_which_sends_them_to_jaeger() -> None:
    services = compose()["services"]
    collector = yaml.safe_load(COLLECTOR_CONFIG.read_text())
    assert mounts("otel-collector") == {"/etc/otelcol/config.yaml": COLLECTOR_CONFIG}
    receiver = urlsplit("//" + collector["receivers"]["otlp"]["protocols"]["http"]["endpoint"])
    for name, service in our_services().items():
        endpoint = urlsplit(environment(service)["OTEL_EXPORTER_OTLP_ENDPOINT"])
        assert (endpoint.hostname, endpoint.port) == ("otel-collector", receiver.port), name
        assert "otel-collector" in service["depends_on"], name
    for pipeline in collector["service"]["pipelines"].values():
        for kind in ("receivers", "processors", "exporters"):
            assert set(pipeline[kind]) <= collector[kind].keys(), kind
    for exporter in collector["exporters"].values():
        host = urlsplit("//" + exporter["endpoint"]).hostname
        assert host in services, host
    assert services["jaeger"]["environment"]["COLLECTOR_OTLP_ENABLED"] == "true"


def test_grafana_is_provisioned_with_the_datasources_and_dashboards() -> None:
    services = compose()["services"]
    grafana = mounts("grafana")
    assert grafana["/etc/grafana/provisioning"] == GRAFANA / "provisioning"
    dashboards_dir = next(t for t, s in grafana.items() if s == GRAFANA / "dashboards")
    provider = yaml.safe_load((GRAFANA / "provisioning/dashboards/dashboards.yml").read_text())
    assert [p["options"]["path"] for p in provider["providers"]] == [dashboards_dir]
    home = environment(services["grafana"])["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert Path(home).parent == Path(dashboards_dir)
    assert (GRAFANA / "dashboards" / Path(home).name).exists()
    sources = yaml.safe_load((GRAFANA / "provisioning/datasources/datasources.yml").read_text())
    ports = {"prometheus": 9090, "jaeger": 16686}
    for source in sources["datasources"]:
        url = urlsplit(source["url"])
        assert url.hostname in services and url.port == ports[url.hostname], source["name"]
    assert [s["type"] for s in sources["datasources"] if s.get("isDefault")] == ["prometheus"]


def test_compose_publishes_the_uis_on_loopback_only() -> None:
    for name, service in compose()["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"


@pytest.mark.integration
def test_every_query_runs_on_prometheus_scraping_the_services(prometheus: httpx.Client) -> None:
    """promtool parses; this also catches what only evaluation finds (e.g. a join that matches
    many series on each side)."""
    expressions = [expr for _, expr in queries()] + [rule["expr"] for rule in rules("expr")]
    for expr in expressions:
        for name, value in GRAFANA_VARIABLES.items():
            expr = expr.replace(name, value)
        query(prometheus, re.sub(r"\$\w+", ".*", expr))


@pytest.mark.integration
def test_dependency_latency_and_the_job_queue_have_samples(running: dict[str, str]) -> None:
    """A labelled metric is on /metrics from its declaration, with no sample; these have samples
    in a freshly started system: every service talks to MongoDB at start, those with media to S3
    (their bucket), and transcoding and transcription count their job queues."""
    storage = {
        "ingest",
        "invite",
        "live",
        "transcoding",
        "transcription",
    }  # Service(uses_storage=True)
    with httpx.Client(timeout=10, trust_env=False) as client:
        for service, url in running.items():
            text = client.get(f"{url}/metrics").text
            sampled = {
                sample.name
                for family in text_string_to_metric_families(text)
                for sample in family.samples
                if sample.labels.get("service") == service
            }
            assert "mongodb_command_duration_seconds_count" in sampled, service
            s3 = "s3_request_duration_seconds_count" in sampled
            assert s3 == (service in storage), service
            queue = {"transcode_jobs_waiting", "transcode_jobs_running"}
            assert queue <= sampled if service == "transcoding" else not queue & sampled, service
            queue = {"transcription_jobs_waiting", "transcription_jobs_running"}
            assert queue <= sampled if service == "transcription" else not queue & sampled, service


@pytest.mark.integration
def test_the_autoscalers_query_runs_on_prometheus(prometheus: httpx.Client) -> None:
    """The production ScaledObject's query of the job queue, on a Prometheus scraping the
    services. This one puts no `namespace` label on their series (the cluster's PodMonitor
    does), so that matcher is left out here."""
    from tests.deploy.test_kubernetes import transcoding_triggers

    _, _, trigger = transcoding_triggers()
    expr = trigger["metadata"]["query"]
    without_namespace = expr.replace('namespace="hireloop", ', "")
    assert without_namespace != expr
    (series,) = query(prometheus, without_namespace)
    assert float(series["value"][1]) == 0, "no job in a fresh system"


@pytest.mark.integration
def test_process_metrics_are_attributed_to_their_service(prometheus: httpx.Client) -> None:
    """The saturation panels borrow `service` from the chassis metrics of the same target."""
    (_, expr), *_ = (q for q in queries() if q[0].endswith("CPU used by service (cores)"))
    result = query(prometheus, expr.replace("$__rate_interval", "10s"))
    assert {series["metric"].get("service") for series in result} == set(SERVICES)
