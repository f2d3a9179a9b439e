# creator in a container. Build: docker build -t creator .
# Run:   docker run --rm -v "$PWD/data:/data" -e CREATOR_DB=/data/creator.db creator scan
FROM denoland/deno:2.9.6

WORKDIR /app
COPY deno.json deno.lock ./
COPY . .
# Resolve and cache every npm dependency at build time, from the lock file only.
RUN deno install --frozen --entrypoint main.ts

USER deno
ENTRYPOINT ["deno", "run", "-A", "main.ts"]
CMD ["--help"]
