# ocpp-proxy: the bundle on Node 24 (slim), with /data for configuration, state and the message
# log. The entrypoint starts as root only to make /data writable, then runs as user `node`.
FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN node build.mjs --no-sea

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/dist/ocpp-proxy.mjs /app/ocpp-proxy.mjs
COPY ocpp-2w-proxy.ini /app/ocpp-2w-proxy.ini
COPY docker/entrypoint.sh /app/entrypoint.sh
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
EXPOSE 8888 8889
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:8889/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["/app/entrypoint.sh"]
