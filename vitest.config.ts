import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Test files spend most of their time waiting on Postgres, Redis and workerd, so three files at once finish
    // ~1.6x sooner than vitest's default on a 2-core machine (cores - 1 = one file at a time): 249 s → 154 s for
    // the schedules, event-types and teams files (VITEST_MAX_WORKERS overrides it).
    maxWorkers: 3,
    // Request log lines are printed only for failing tests.
    silent: "passed-only",
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: ".test-results/results.json" }]],
    projects: [
      {
        // Pure logic (slot engine, migration/drift checks) in Node.
        // The property tests are CPU-bound and share the two cores with three workerd files: 60 s, not 5 s (the
        // 80-window oracle test took 43 s on a loaded machine).
        test: { name: "unit", environment: "node", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        // The real Worker in workerd, against real Postgres (Neon driver via the WS proxy) and real Redis
        // (via the Upstash REST shim), both started by the global setup.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                ENVIRONMENT: "test",
                DATABASE_URL: inject("databaseUrl"),
                NEON_WS_PROXY: inject("wsProxy"),
                UPSTASH_REDIS_REST_URL: inject("upstashUrl"),
                UPSTASH_REDIS_REST_TOKEN: inject("upstashToken"),
                // Unauthenticated test requests all come from one "IP"; the 429 test lowers limits itself.
                RATE_LIMIT_IP: "100000",
                // Platform auth (test-only values): the first key signs, the second is a rotated-out key that still verifies.
                JWT_SIGNING_KEYS: "test-current:test-signing-secret-current-0123456789abcdef,test-previous:test-signing-secret-previous-0123456789abcdef",
                NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdef",
                // Webhook tests deliver to a local receiver (test/support/webhook-receiver.ts).
                WEBHOOK_ALLOW_LOOPBACK: "true",
                TEST_WEBHOOK_RECEIVER_URL: inject("webhookReceiverUrl"),
                // Calendars: Apple CalDAV goes to the local Radicale (test/support/radicale.ts); a test-only encryption key.
                APPLE_CALDAV_URL: inject("radicaleUrl"),
                TEST_RADICALE_URL: inject("radicaleUrl"),
                CALENDSO_ENCRYPTION_KEY: "test-encryption-key-0123456789ab",
                CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY: "test-service-account-key-0123456",
                // Google Calendar goes to the local fake (test/support/google-fake.ts) with its test OAuth client.
                GOOGLE_API_URL: inject("googleFakeUrl"),
                GOOGLE_OAUTH_URL: inject("googleFakeUrl"),
                GOOGLE_AUTH_URL: `${inject("googleFakeUrl")}/o/oauth2/v2/auth`,
                GOOGLE_API_CREDENTIALS: JSON.stringify({ web: { client_id: "test-google-client-id", client_secret: "test-google-client-secret" } }),
                TEST_GOOGLE_FAKE_URL: inject("googleFakeUrl"),
                MS_GRAPH_CLIENT_ID: "test-ms-client-id",
                MS_GRAPH_CLIENT_SECRET: "test-ms-client-secret",
                // Microsoft identity platform and Graph: the same fake serves them.
                MICROSOFT_LOGIN_URL: inject("googleFakeUrl"),
                MICROSOFT_GRAPH_URL: inject("googleFakeUrl"),
                // Calendar change notifications: the address the fake records (it never calls it) and the secrets.
                GOOGLE_WEBHOOK_URL: "https://api.cal-edge.test",
                GOOGLE_WEBHOOK_TOKEN: "test-google-webhook-token-0123456789",
                MICROSOFT_WEBHOOK_URL: "https://api.cal-edge.test",
                MICROSOFT_WEBHOOK_TOKEN: "test-microsoft-webhook-token-0123456789",
                // The contract fuzzer (test/helpers/fuzz.ts): requests per operation and seed; `npm run fuzz` raises the count.
                FUZZ_PER_OPERATION: process.env.FUZZ_PER_OPERATION ?? "6",
                FUZZ_SEED: process.env.FUZZ_SEED ?? "20261206",
                // Reliability tests switch Postgres off and on through a proxy (test/support/postgres-fault-proxy.ts).
                TEST_POSTGRES_FAULT_PROXY: inject("postgresFaultProxy"),
                TEST_POSTGRES_FAULT_CONTROL_URL: inject("postgresFaultControlUrl"),
                // Workflow reminders go to a local capture of the providers (test/support/messaging-capture.ts).
                TEST_MESSAGING_CAPTURE_URL: inject("messagingCaptureUrl"),
                EMAIL_API_URL: `${inject("messagingCaptureUrl")}/email/default`,
                EMAIL_API_KEY: "test-email-api-key",
                EMAIL_FROM: "Cal.com <reminders@example.com>",
                TWILIO_SID: "ACtest",
                TWILIO_TOKEN: "test-twilio-token",
                TWILIO_PHONE_NUMBER: "+15550001111",
                TWILIO_API_URL: `${inject("messagingCaptureUrl")}/twilio/default`,
                // Verified resources: phone codes go to the capture's Twilio Verify stand-in.
                TWILIO_VERIFY_SID: "VAtest",
                TWILIO_VERIFY_API_URL: `${inject("messagingCaptureUrl")}/twilio-verify/default`,
                // Conferencing: Daily, Zoom and Microsoft are local fakes (test/support/video-fakes.ts) with test-only keys. No
                // DAILY_API_KEY: Cal Video meetings are created only by the tests that set it (fetchWithEnv).
                TEST_VIDEO_FAKES_URL: inject("videoFakesUrl"),
                DAILY_API_URL: `${inject("videoFakesUrl")}/daily`,
                ZOOM_API_URL: `${inject("videoFakesUrl")}/zoom/api`,
                ZOOM_OAUTH_URL: `${inject("videoFakesUrl")}/zoom/oauth`,
                ZOOM_CLIENT_ID: "test-zoom-client",
                ZOOM_CLIENT_SECRET: "test-zoom-secret",
                MSTEAMS_OAUTH_URL: `${inject("videoFakesUrl")}/msteams`,
                MSTEAMS_GRAPH_URL: `${inject("videoFakesUrl")}/msteams/graph`,
                MSTEAMS_CLIENT_ID: "test-msteams-client",
                MSTEAMS_CLIENT_SECRET: "test-msteams-secret",
                // Stripe is a local fake (test/support/stripe-fake.ts) with test-only platform keys.
                TEST_STRIPE_FAKE_URL: inject("stripeFakeUrl"),
                STRIPE_CONNECT_URL: inject("stripeFakeUrl"),
                STRIPE_API_URL: inject("stripeFakeUrl"),
                STRIPE_CLIENT_ID: "ca_test_platform",
                STRIPE_API_KEY: "sk_test_platform",
                STRIPE_WEBHOOK_SECRET: "whsec_test_0123456789abcdef",
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/http/**/*.test.ts"],
          globalSetup: [
            "test/global-setup.ts",
            "test/support/webhook-receiver.ts",
            "test/support/postgres-fault-proxy.ts",
            "test/support/messaging-capture.ts",
            "test/support/radicale.ts",
            "test/support/video-fakes.ts",
            "test/support/stripe-fake.ts",
            "test/support/google-fake.ts",
          ],
          // Generous: a file's first request compiles Prisma's wasm (~4 s alone), which takes longer while two
          // other files and the property tests share the cores. A stuck test still fails, only later.
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
