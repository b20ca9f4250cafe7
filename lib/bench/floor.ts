// The floor the engine is measured against: raw better-sqlite3 writing the rows one charge needs — the
// charge, one allocation, one ledger row, the credit's update and the account's update — with prepared
// statements, on a plain table set (no indexes beyond primary keys, no constraints, no rules), one
// transaction per charge. No engine can write a charge faster on SQLite than this.
import Database from "better-sqlite3";

export function floorCharges(n: number): { charges: number; ms: number } {
  const db = new Database(":memory:");
  db.exec(`
    create table accounts (id text primary key, cash_balance integer not null);
    create table credits (id text primary key, used integer not null, unused integer not null);
    create table charges (id text primary key, account_id text, campaign_id text, amount integer, at integer);
    create table allocations (charge_id text, credit_id text, amount integer, primary key (charge_id, credit_id));
    create table ledger (id integer primary key, account_id text, type text, amount integer, at integer,
                         credit_id text, campaign_id text, charge_id text);
    insert into accounts values ('acc', 1000000000);
    insert into credits values ('cr', 0, 1000000000);`);
  const insertCharge = db.prepare("insert into charges values (?, 'acc', ?, ?, ?)");
  const insertAllocation = db.prepare("insert into allocations values (?, 'cr', ?)");
  const insertLedger = db.prepare(
    "insert into ledger (account_id, type, amount, at, credit_id, campaign_id, charge_id) values ('acc', 'ad_credit', ?, ?, 'cr', ?, ?)",
  );
  const spendCredit = db.prepare("update credits set used = used + ?, unused = unused - ? where id = 'cr'");
  const updateAccount = db.prepare("update accounts set cash_balance = cash_balance - ? where id = 'acc'");
  const write = db.transaction((i: number) => {
    const id = `cmp${i % 50}@${i}`;
    const campaign = `cmp${i % 50}`;
    const amount = 100 + (i % 900);
    insertCharge.run(id, campaign, amount, i);
    insertAllocation.run(id, amount);
    insertLedger.run(amount, i, campaign, id);
    spendCredit.run(amount, amount);
    updateAccount.run(amount);
  });
  const start = performance.now();
  for (let i = 0; i < n; i++) write.immediate(i);
  const ms = performance.now() - start;
  db.close();
  return { charges: n, ms };
}
