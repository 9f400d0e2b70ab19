# projectbot: the Telegram bot, long polling by default (`projectbot webhook` for webhook mode).
#   docker build -t projectbot .
#   docker run -d --name projectbot -e TELEGRAM_BOT_TOKEN=123456789:AA... -v projectbot-data:/data projectbot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
# pyproject.toml names the README as the long description, so the build needs it.
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install . && rm -rf /src

# The knowledge base is baked in; mount another folder over /app/knowledge to replace it.
COPY knowledge /app/knowledge

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin projectbot \
    && mkdir -p /data \
    && chown projectbot /data

ENV PROJECTBOT_KNOWLEDGE=/app/knowledge \
    PROJECTBOT_DATA_DIR=/data
VOLUME ["/data"]
WORKDIR /app
USER projectbot

# Webhook mode listens here (PROJECTBOT_WEBHOOK_PORT); long polling needs no open port.
EXPOSE 8443
CMD ["projectbot", "run"]
