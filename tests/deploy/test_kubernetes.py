"""The Kubernetes manifests beyond their environment (test_manifests.py): every object `kubectl
kustomize` renders passes offline schema validation, the KafkaTopics are generated from contracts/
and match what the services create, the NetworkPolicies allow only the paths of the design, and
production autoscales the gateway on CPU and transcoding on its job queue and its consumer
group's lag.

Schemas: `kubernetes-validate` (PyPI) for the built-in kinds, strictly (unknown fields fail), for
the oldest and newest Kubernetes versions supported; minimal CRD schemas of our own under
tests/deploy/crds/ for Strimzi's KafkaTopic and KEDA's ScaledObject, which kubernetes-validate
does not bundle."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from prometheus_client import REGISTRY

from contracts.topics import TOPICS
from embedded import Endpoints
from services.chassis.bus import all_topics, group_topics
from services.chassis.service import Service
from services.chassis.settings import Settings
from services.transcoding.store import NEVER
from tests.deploy.test_manifests import (
    ROOT,
    SERVICES,
    SITE_CONFIG,
    TARGETS,
    by_kind,
    container_env,
    render,
)
from tests.support import settings_for, unique

try:
    import kubernetes_validate
except ModuleNotFoundError:  # validate() fails with the reason; the other tests still run
    kubernetes_validate = None

KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")
CRD_DIR = Path(__file__).with_name("crds")
TOPICS_DIR = ROOT / "k8s" / "topics"
PRODUCTION = "overlays/production"
# Strimzi's Kafka cluster and the services' Kafka address in the base config (docs/deploy.md).
KAFKA_CLUSTER = "hireloop"


@cache
def crd_schemas() -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) -> the openAPIV3Schema of our minimal CRDs."""
    schemas = {}
    for path in sorted(CRD_DIR.glob("*.yaml")):
        crd = yaml.safe_load(path.read_text())
        for version in crd["spec"]["versions"]:
            key = (f"{crd['spec']['group']}/{version['name']}", crd["spec"]["names"]["kind"])
            schemas[key] = version["schema"]["openAPIV3Schema"]
    return schemas


def validate(doc: dict[str, Any]) -> None:
    assert kubernetes_validate is not None, (
        "kubernetes-validate is missing: it is a dev dependency (make install)"
    )
    schema = crd_schemas().get((doc["apiVersion"], doc["kind"]))
    if schema is not None:
        jsonschema.Draft202012Validator(schema).validate(doc)
        return
    for version in KUBERNETES_VERSIONS:
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.SchemaNotFoundError:
            pytest.fail(f"no schema for {doc['apiVersion']} {doc['kind']}: add one to {CRD_DIR}")


@pytest.mark.parametrize("target", TARGETS)
def test_every_rendered_object_passes_schema_validation(target: str) -> None:
    for doc in render(target):
        try:
            validate(doc)
        except jsonschema.ValidationError as exc:
            path = ".".join(map(str, exc.absolute_path))
            pytest.fail(f"{doc['kind']}/{doc['metadata']['name']}: {path}: {exc.message}")


def test_the_minimal_crds_are_valid_crds() -> None:
    assert {kind for _, kind in crd_schemas()} == {"KafkaTopic", "ScaledObject"}
    for path in CRD_DIR.glob("*.yaml"):
        validate(yaml.safe_load(path.read_text()))


def test_schema_validation_refuses_a_misspelt_field() -> None:
    scaled = by_kind(render(PRODUCTION), "ScaledObject")["transcoding"]
    broken = {**scaled, "spec": {**scaled["spec"], "maxReplicas": 3}}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
    (hpa,) = by_kind(render(PRODUCTION), "HorizontalPodAutoscaler").values()
    broken = {**hpa, "spec": {**hpa["spec"], "minReplica": 1}}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


# -- topics ---------------------------------------------------------------------------------------


def test_kafkatopics_yaml_is_the_generators_output() -> None:
    result = subprocess.run(
        [sys.executable, str(TOPICS_DIR / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("target", TARGETS)
def test_kafkatopics_are_the_topics_the_services_create(target: str) -> None:
    created = dict(all_topics())
    for service in SERVICES:
        created.update(group_topics(service))
    topics = {t["spec"]["topicName"]: t for t in by_kind(render(target), "KafkaTopic").values()}
    assert {name: t["spec"]["partitions"] for name, t in topics.items()} == created
    assert set(TOPICS) <= topics.keys()
    for topic in topics.values():
        assert topic["metadata"]["labels"]["strimzi.io/cluster"] == KAFKA_CLUSTER
        replicas = topic["spec"]["replicas"]
        min_isr = topic["spec"]["config"]["min.insync.replicas"]
        assert min_isr <= replicas
        assert replicas == (1 if target == "overlays/dev" else 3), target
        # acks=all with one replica down still writes: min ISR below the replicas (production).
        assert replicas == 1 or min_isr < replicas


# -- configuration --------------------------------------------------------------------------------


def config(target: str) -> dict[str, str]:
    (config_map,) = by_kind(render(target), "ConfigMap").values()
    return dict(config_map["data"])


@pytest.mark.parametrize("target", TARGETS)
def test_services_use_the_strimzi_bootstrap_and_the_collector(target: str) -> None:
    settings = config(target)
    assert settings["KAFKA_BOOTSTRAP_SERVERS"] == f"{KAFKA_CLUSTER}-kafka-bootstrap:9092"
    collector = urlsplit(settings["OTEL_EXPORTER_OTLP_ENDPOINT"])
    host, namespace = (collector.hostname or "").split(".")[:2]
    allowed = [
        (peer, rule["ports"])
        for rule in egress_rules(render(target), "invite")
        for peer in rule.get("to", [])
        if peer.get("namespaceSelector", {}).get("matchLabels", {}).get(NAMESPACE) == namespace
    ]
    assert allowed, f"no NetworkPolicy lets the services reach {host}.{namespace}"
    assert any(collector.port in {p["port"] for p in ports} for _, ports in allowed)


@pytest.mark.parametrize("target", TARGETS)
def test_site_settings_come_last_so_they_override_the_defaults(target: str) -> None:
    for name, deployment in by_kind(render(target), "Deployment").items():
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        refs = [source["configMapRef"] for source in container["envFrom"]]
        assert refs[-1] == {"name": SITE_CONFIG, "optional": True}, name


# -- NetworkPolicies ------------------------------------------------------------------------------

NAMESPACE = "kubernetes.io/metadata.name"


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    """Whether a label selector (matchLabels, matchExpressions with In) selects these labels."""
    assert selector.keys() <= {"matchLabels", "matchExpressions"}, selector
    if not selector.get("matchLabels", {}).items() <= labels.items():
        return False
    for expression in selector.get("matchExpressions", []):
        assert expression["operator"] == "In", expression
        if labels.get(expression["key"]) not in expression["values"]:
            return False
    return True


def pod_labels(docs: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    return {
        name: d["spec"]["template"]["metadata"]["labels"]
        for name, d in by_kind(docs, "Deployment").items()
    }


def policies_for(docs: list[dict[str, Any]], service: str, kind: str) -> list[dict[str, Any]]:
    labels = pod_labels(docs)[service]
    return [
        p
        for p in by_kind(docs, "NetworkPolicy").values()
        if kind in p["spec"]["policyTypes"] and selects(p["spec"]["podSelector"], labels)
    ]


def egress_rules(docs: list[dict[str, Any]], service: str) -> list[dict[str, Any]]:
    return [r for p in policies_for(docs, service, "Egress") for r in p["spec"].get("egress", [])]


def ingress_rules(docs: list[dict[str, Any]], service: str) -> list[dict[str, Any]]:
    return [r for p in policies_for(docs, service, "Ingress") for r in p["spec"].get("ingress", [])]


def reaches_a_service(peer: dict[str, Any], docs: list[dict[str, Any]]) -> set[str]:
    """The services a peer of a rule selects (a peer in another namespace selects none of ours)."""
    if "namespaceSelector" in peer or "ipBlock" in peer:
        return set()
    selector = peer.get("podSelector", {})
    return {name for name, labels in pod_labels(docs).items() if selects(selector, labels)}


@pytest.mark.parametrize("target", TARGETS)
def test_every_pod_is_denied_by_default(target: str) -> None:
    docs = render(target)
    for service in SERVICES:
        for kind in ("Ingress", "Egress"):
            assert any(
                not p["spec"].get(kind.lower()) for p in policies_for(docs, service, kind)
            ), f"{service}: no default-deny for {kind}"


@pytest.mark.parametrize("target", TARGETS)
def test_only_the_gateway_is_reachable_from_outside_and_only_it_calls_services(
    target: str,
) -> None:
    docs = render(target)
    for service in SERVICES:
        for rule in ingress_rules(docs, service):
            peers = rule.get("from")
            if not peers:
                assert service == "gateway", f"{service} accepts traffic from anywhere"
                continue
            for peer in peers:
                callers = reaches_a_service(peer, docs)
                assert callers <= {"gateway"}, f"{service} accepts {callers}"
                if not callers:
                    namespace = peer["namespaceSelector"]["matchLabels"][NAMESPACE]
                    assert namespace == "monitoring", f"{service} accepts {peer}"
        for rule in egress_rules(docs, service):
            for peer in rule.get("to", []):
                called = reaches_a_service(peer, docs)
                if called:
                    assert service == "gateway", f"{service} may call {called}"
                    assert {p["port"] for p in rule["ports"]} == {8000}
    called_by_gateway = set()
    for rule in egress_rules(docs, "gateway"):
        for peer in rule.get("to", []):
            called_by_gateway |= reaches_a_service(peer, docs)
    assert called_by_gateway == set(SERVICES) - {"gateway"}


@pytest.mark.parametrize("target", TARGETS)
def test_services_reach_only_their_dependencies(target: str) -> None:
    docs = render(target)
    for service in SERVICES:
        ports: set[int] = set()
        for rule in egress_rules(docs, service):
            rule_ports = {p["port"] for p in rule["ports"]}
            if not rule.get("to"):  # open destination: mail relays only, from the mailers only
                assert service in {"invite", "scheduling", "webhooks"}, service
                assert rule_ports <= {25, 465, 587}, rule_ports
            ports |= rule_ports
        storage = service in {
            "invite",
            "ingest",
            "live",
            "transcoding",
            "transcription",
        }  # prompts, media
        mail = service in {"invite", "scheduling", "webhooks"}
        expected = {53, 4318, 9092, 27017}
        # The tenants' endpoints, and their OpenID providers.
        expected |= {443} if service in {"webhooks", "gateway"} else set()
        expected |= {8088} if service == "live" else set()  # Janus's HTTP API
        expected |= {9000} if storage else set()
        expected |= {25, 465, 587} if mail else set()
        expected |= {8000} if service == "gateway" else set()
        assert ports == expected, service


# -- autoscaling ----------------------------------------------------------------------------------


def test_production_scales_the_gateway_on_cpu() -> None:
    docs = render(PRODUCTION)
    (hpa,) = by_kind(docs, "HorizontalPodAutoscaler").values()
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "gateway",
    }
    (metric,) = hpa["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert metric["resource"]["target"]["type"] == "Utilization"
    assert 2 <= hpa["spec"]["minReplicas"] < hpa["spec"]["maxReplicas"]
    (container,) = by_kind(docs, "Deployment")["gateway"]["spec"]["template"]["spec"]["containers"]
    assert container["resources"]["requests"]["cpu"], "utilization needs a CPU request"


def transcoding_service(settings: Settings | None = None) -> Service:
    """The transcoding service built (not started): its consumer group, topics and settings. It
    configures the process's logging, which is put back afterwards."""
    from services.transcoding.app import create
    from services.transcoding.settings import TranscodingSettings

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        return create(settings or TranscodingSettings(internal_secret="x" * 32))
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def transcoding_triggers() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The production ScaledObject and its two triggers (kafka, prometheus)."""
    scaled = by_kind(render(PRODUCTION), "ScaledObject")["transcoding"]
    triggers = {t["type"]: t for t in scaled["spec"]["triggers"]}
    assert len(triggers) == len(scaled["spec"]["triggers"]) == 2, "one trigger of each type"
    return scaled, triggers["kafka"], triggers["prometheus"]


def test_production_scales_transcoding_on_its_consumer_group_lag() -> None:
    service = transcoding_service()
    docs = render(PRODUCTION)
    scaled, trigger, _ = transcoding_triggers()
    assert scaled["spec"]["scaleTargetRef"]["name"] == "transcoding"
    assert "transcoding" in by_kind(docs, "Deployment")
    metadata = trigger["metadata"]
    assert metadata["consumerGroup"] == service.consumers.name == "transcoding"
    assert metadata["topic"] in service.consumers.topics
    assert metadata["bootstrapServers"] == config(PRODUCTION)["KAFKA_BOOTSTRAP_SERVERS"]
    assert int(metadata["lagThreshold"]) > 0
    # The lag alone never asks for more replicas than the partitions (more would idle as
    # consumers); the job queue may, see below.
    assert metadata["allowIdleConsumers"] == "false"
    partitions = sum(TOPICS[topic].partitions for topic in service.consumers.topics)
    # Two at least, so the PodDisruptionBudget lets a node drain.
    assert 2 <= scaled["spec"]["minReplicaCount"] < partitions


def test_production_scales_transcoding_on_its_job_queue() -> None:
    """The handler only records a job, so the lag stays near 0 while jobs queue: the second
    trigger reads the queue the replicas export, one job per worker slot. Replicas beyond the
    partitions get no partition but claim jobs from MongoDB (by lease, not by partition), so the
    maximum may exceed the partitions."""
    from services.transcoding.metrics import JOBS_RUNNING, JOBS_WAITING
    from tests.deploy.test_observability import metric_names

    service = transcoding_service()
    docs = render(PRODUCTION)
    scaled, _, trigger = transcoding_triggers()
    metadata = trigger["metadata"]
    assert metric_names(metadata["query"]) == {JOBS_WAITING._name, JOBS_RUNNING._name}
    assert 'namespace="hireloop"' in metadata["query"]
    assert {d["metadata"]["namespace"] for d in by_kind(docs, "Deployment").values()} == {
        "hireloop"
    }
    # Prometheus runs in `monitoring`, the namespace the NetworkPolicies let scrape the pods.
    address = urlsplit(metadata["serverAddress"])
    assert address.hostname == "prometheus-operated.monitoring.svc" and address.port == 9090
    scrapers = [
        peer["namespaceSelector"]["matchLabels"][NAMESPACE]
        for rule in ingress_rules(docs, "transcoding")
        for peer in rule.get("from", [])
        if "namespaceSelector" in peer
    ]
    assert scrapers == ["monitoring"]
    # The target is the worker slots of one replica, set explicitly (not the node's cores).
    (container,) = by_kind(docs, "Deployment")["transcoding"]["spec"]["template"]["spec"][
        "containers"
    ]
    workers = int(container_env(docs, container)["WORKERS"])
    assert workers == int(float(container["resources"]["limits"]["cpu"]))
    assert trigger.get("metricType", "AverageValue") == "AverageValue"
    assert int(metadata["threshold"]) == workers
    partitions = sum(TOPICS[topic].partitions for topic in service.consumers.topics)
    assert scaled["spec"]["maxReplicaCount"] >= partitions
    # KEDA hands the scale-down behavior to its HPA: it must be a valid one.
    behavior = scaled["spec"]["advanced"]["horizontalPodAutoscalerConfig"]["behavior"]
    (hpa,) = by_kind(docs, "HorizontalPodAutoscaler").values()
    validate({**hpa, "spec": {**hpa["spec"], "behavior": behavior}})
    assert behavior["scaleDown"]["stabilizationWindowSeconds"] >= 300


@pytest.mark.parametrize("caller", ["webhooks", "gateway"])
def test_webhooks_reach_only_public_addresses_over_https(caller: str) -> None:
    """The tenants' endpoints (webhooks) and OpenID providers (the gateway)."""
    docs = render(PRODUCTION)
    blocks = [
        peer["ipBlock"]
        for rule in egress_rules(docs, caller)
        for peer in rule.get("to", [])
        if "ipBlock" in peer
    ]
    (block,) = blocks
    assert block["cidr"] == "0.0.0.0/0"
    for private in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"):
        assert private in block["except"], private
    for service in SERVICES:
        if service not in {"webhooks", "gateway"}:
            assert not any(
                "ipBlock" in peer for r in egress_rules(docs, service) for peer in r.get("to", [])
            ), service


def test_production_scales_webhooks_on_its_backlog_and_its_consumer_group_lag() -> None:
    from services.webhooks.metrics import DUE
    from services.webhooks.settings import WebhooksSettings
    from tests.deploy.test_observability import metric_names

    scaled = by_kind(render(PRODUCTION), "ScaledObject")["webhooks"]
    assert scaled["spec"]["scaleTargetRef"]["name"] == "webhooks"
    triggers = {t["type"]: t["metadata"] for t in scaled["spec"]["triggers"]}
    assert metric_names(triggers["prometheus"]["query"]) == {DUE._name}
    # The target is what one replica sends at once.
    settings = WebhooksSettings(internal_secret="x" * 32)
    assert int(triggers["prometheus"]["threshold"]) == settings.webhooks_concurrency
    assert triggers["kafka"]["consumerGroup"] == settings.service_name == "webhooks"
    assert triggers["kafka"]["allowIdleConsumers"] == "false"
    assert scaled["spec"]["minReplicaCount"] >= 2


@pytest.mark.integration
async def test_the_job_queue_gauges_count_what_no_worker_holds(stack: Endpoints) -> None:
    """What the queue trigger reads, on the real MongoDB: queued jobs (due or backing off) and
    jobs whose lease expired wait; jobs under a live lease run; finished ones count nowhere."""
    from services.transcoding.settings import TranscodingSettings

    name = unique("transcoding-queue")
    service = transcoding_service(settings_for(stack, name, TranscodingSettings))
    jobs = service.app.state.jobs
    now = datetime.now(UTC)
    minute = timedelta(minutes=1)
    states = [
        ("queued", NEVER, now - minute),  # due
        ("queued", NEVER, now + minute),  # backing off after a failure
        ("running", now - minute, now - minute),  # its worker died: claimable again
        ("running", now + minute, now - minute),  # held
        ("done", NEVER, now - minute),
        ("failed", NEVER, now - minute),
    ]
    try:
        await jobs.collection.insert_many(
            [
                {"_id": f"a{i}", "tenant": "t1", "status": status, "lease_expires": lease}
                | {"not_before": not_before}
                for i, (status, lease, not_before) in enumerate(states)
            ]
        )
        assert await jobs.backlog() == (3, 1)
        assert await service.jobs["transcode-backlog"].run_once() == (3, 1)
        values = [
            REGISTRY.get_sample_value(f"transcode_jobs_{state}", {"service": name})
            for state in ("waiting", "running")
        ]
        assert values == [3, 1]
    finally:
        await service.client.drop_database(service.db.name)
        await service.client.close()


def test_dev_does_not_need_keda_or_an_autoscaler() -> None:
    docs = render("overlays/dev")
    assert not by_kind(docs, "ScaledObject")
    assert not by_kind(docs, "HorizontalPodAutoscaler")


def test_production_scales_transcription_on_its_job_queue_and_its_group_lag() -> None:
    """Transcription follows transcoding's pattern: its handler only records a job, so it scales
    on the queue its replicas export (one job per replica) and on its own group's lag."""
    from services.transcription.app import create
    from services.transcription.metrics import JOBS_RUNNING, JOBS_WAITING
    from services.transcription.settings import TranscriptionSettings
    from tests.deploy.test_observability import metric_names

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        service = create(TranscriptionSettings(internal_secret="x" * 32))
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    scaled = by_kind(render(PRODUCTION), "ScaledObject")["transcription"]
    assert scaled["spec"]["scaleTargetRef"]["name"] == "transcription"
    triggers = {t["type"]: t["metadata"] for t in scaled["spec"]["triggers"]}
    assert triggers["kafka"]["consumerGroup"] == service.consumers.name == "transcription"
    assert triggers["kafka"]["topic"] in service.consumers.topics
    assert metric_names(triggers["prometheus"]["query"]) == {
        JOBS_WAITING._name,
        JOBS_RUNNING._name,
    }
    (container,) = by_kind(render(PRODUCTION), "Deployment")["transcription"]["spec"]["template"][
        "spec"
    ]["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert float(triggers["prometheus"]["threshold"]) == float(env["WORKERS"])
    assert 2 <= scaled["spec"]["minReplicaCount"] < scaled["spec"]["maxReplicaCount"]
