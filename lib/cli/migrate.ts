// npm run db:migrate: applies committed migrations to the app's database (DB_PATH or data/promotions.db).
import { getDb } from "@/db/client";
import { env } from "@/lib/env";

getDb();
console.log(`Database ready at ${env.dbPath}`);
