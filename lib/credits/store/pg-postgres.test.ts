// The Store contract (store/contract.ts) for the PostgreSQL adapter on a real server, where (unlike
// PGlite, one session) a pool's transactions really run at once. One throwaway cluster for the file
// (lib/testing/postgres.ts), emptied before each test; skipped without PostgreSQL, failed under CI.
import { afterAll, beforeAll } from "vitest";
import type { PgDb } from "@/db/pg";
import { resetPostgres, startMigratedPostgres, type PgCluster } from "@/lib/testing/postgres";
import { describePostgres } from "@/lib/testing/postgres-vitest";
import { storeContract } from "./contract";
import { PgStore } from "./pg";

describePostgres("PostgreSQL store on a real server", () => {
  let cluster: (PgCluster & { db: PgDb }) | undefined;
  beforeAll(async () => {
    cluster = await startMigratedPostgres({ fast: true });
  }, 120_000);
  afterAll(async () => {
    await cluster?.db.$client.end();
    cluster?.stop();
  });

  storeContract("pg on PostgreSQL", async () => {
    await resetPostgres(cluster!.db);
    return { store: new PgStore(cluster!.db), close: () => undefined };
  });
});
