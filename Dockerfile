# creator in a container: by default the daemon, with /healthz and /metrics on port 8080.
#
#   docker build -t creator .
#   docker run -d --name creator --stop-timeout 45 --env-file .env \
#     -v creator-data:/data -p 127.0.0.1:8080:8080 creator
#   docker run --rm -v creator-data:/data creator status        # any other command
#
# The database is SQLite at /data/creator.db unless CREATOR_DB, DATABASE_URL or --db says
# otherwise (postgres://... for shared mode). docs/deploy/README.md has compose and more.
FROM denoland/deno:2.9.6

# The base image provides the unprivileged `deno` user (uid 1993), DENO_DIR=/deno-dir/ owned by
# it, and tini. The app and /data belong to that user, so nothing in the container runs as root.
WORKDIR /app
RUN mkdir -p /data && chown deno:deno /app /data
USER deno

# npm dependencies exactly as deno.lock pins them (--frozen fails the build rather than resolve
# anything new). This layer is rebuilt only when deno.json or deno.lock change.
COPY --chown=deno:deno deno.json deno.lock ./
RUN deno install --frozen

COPY --chown=deno:deno . .
# Caches main.ts's whole module graph, including the SDKs that commands import lazily, so the
# container never fetches code at run time.
RUN deno install --frozen --entrypoint main.ts

# The lowest-priority database setting: CREATOR_DB, --db or a DATABASE_URL given to the
# container (compose's postgres://...) replaces it.
ENV DATABASE_URL=sqlite:/data/creator.db \
    DENO_NO_UPDATE_CHECK=1
VOLUME /data
EXPOSE 8080

# No curl in the image: Deno's own fetch asks /livez, which answers 503 when the database is
# unreachable or the loop has shown no sign of life for 5 minutes (counted from the start until
# its first cycle); an agent that keeps failing makes /healthz (not /livez) say "degraded". The
# port must match --port in CMD.
HEALTHCHECK --interval=30s --timeout=10s --start-period=2m --retries=3 \
  CMD ["deno", "eval", "--no-config", "const res = await fetch('http://127.0.0.1:8080/livez', { signal: AbortSignal.timeout(5000) }).catch(() => null); await res?.body?.cancel(); Deno.exit(res?.status === 200 ? 0 : 1);"]

# tini as PID 1 forwards SIGTERM to Deno, which stops claiming work and finishes what is in
# flight within daemon.shutdownGraceSeconds (30 s): give `docker stop` more than that
# (--stop-timeout 45 or compose's stop_grace_period), as its default is 10 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/tini", "--", "deno", "run", "-A", "--cached-only", "main.ts"]
CMD ["daemon", "--port", "8080", "--host", "0.0.0.0"]
