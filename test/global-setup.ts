import type { TestProject } from "vitest/node";
import { startTestInfra } from "./support/test-infra.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    wsProxy: string;
    upstashUrl: string;
    upstashToken: string;
  }
}

export default async function setup(project: TestProject) {
  const infra = await startTestInfra(process.env.TEST_DB_LABEL ?? "test");
  project.provide("databaseUrl", infra.databaseUrl);
  project.provide("wsProxy", infra.wsProxy);
  project.provide("upstashUrl", infra.upstashUrl);
  project.provide("upstashToken", infra.upstashToken);
  return () => infra.stop();
}
