// A process that runs a long clock advance (delivery) on a database file and reports its progress, for the
// crash test (lib/credits/crash.test.ts) to kill it part-way. Progress comes from a temporary trigger on
// this connection only: the database itself is not changed by the reporting.
//
//   node --import tsx lib/testing/advance-worker.ts <db file> <hours>
import { writeSync } from "node:fs";
import { openDb } from "@/db/client";
import * as engine from "@/lib/credits";

const [file, hours] = process.argv.slice(2);
const db = openDb(file!);
let charged = 0;
db.$client.function("report_charge", () => {
  charged++;
  if (charged % 50 === 0) writeSync(1, `charged ${charged}\n`);
  return null;
});
db.$client.exec("create temp trigger report after insert on main.charges begin select report_charge(); end;");
void engine.simulate(db, { hours: Number(hours) }).then((result) => {
  writeSync(1, `done ${JSON.stringify(result)}\n`);
  db.$client.close();
});
