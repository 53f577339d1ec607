# One image, two processes: `node dist/src/main.js` (API) and `node --max-semi-space-size=2
# --heap-growing-percent=20 dist/src/worker.js` (worker; src/worker-node-flags.ts says why).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/settings ./web/settings
COPY --from=build /app/package.json ./
USER node
CMD ["node", "dist/src/main.js"]
